import { describe, expect, it } from "vitest";
import { assignColumns } from "../../shared/roster/map-columns.js";
import { personFields } from "../../shared/roster/fields.js";

const map = (headers: string[], kind: "people" | "mentors" | "mentees" = "people") =>
  Object.fromEntries(
    [...assignColumns(headers, kind, personFields)].map(([column, field]) => [
      headers[column],
      field,
    ]),
  );

describe("column mapping by synonyms and fuzzy matching", () => {
  it.each([
    ["Full Name", "name"],
    ["Faculty", "name"],
    ["Name (Last, First)", "name"],
    ["Academic Rank", "rank"],
    ["Title", "rank"],
    ["Div.", "division"],
    ["Section", "division"],
    ["E-mail", "email"],
    ["Email Address", "email"],
    ["Research / Clinical Interests", "interests"],
    ["keywords", "interests"],
    ["Participating as", "role"],
    ["Max # mentees", "capacity"],
    ["Mentor capacity", "capacity"],
    ["Division Chief", "chair"],
    ["Preferred mentor", "preferredMentor"],
    ["Area of Excellence", "areaOfExcellence"],
    ["Career Track", "track"],
    ["Emial", "email"],
    ["Faculty Member Name", "name"],
    ["Primary Email", "email"],
    ["Current Academic Rank", "rank"],
    ["Home Division", "division"],
    ["Role in Program", "role"],
    ["PARTICIPATION", "role"],
    ["# of mentees willing to take", "capacity"],
    ["How many mentees can you take?", "capacity"],
    ["Mentoring topics", "interests"],
    ["Division chief email", "chair"],
    ["Preferred mentor (name or email)", "preferredMentor"],
    ["Lab/Research group", "lab"],
    ["Supervisor/PI", "supervisor"],
    ["Divison", "division"],
  ])("%j → %s", (header, field) => {
    expect(map([header, "Role"])[header] ?? map([header])[header]).toBe(field);
  });

  it("splits last and first name columns", () => {
    expect(map(["Last Name", "First Name", "Email"])).toEqual({
      "Last Name": "lastName",
      "First Name": "firstName",
      Email: "email",
    });
  });

  it("reads Department as the division only when there is no division column", () => {
    expect(map(["Name", "Department"])).toEqual({ Name: "name", Department: "division" });
    expect(map(["Name", "Department", "Division"])).toEqual({
      Name: "name",
      Department: "department",
      Division: "division",
    });
  });

  it("reads a Mentor column on a Mentees sheet as the requested mentor", () => {
    expect(map(["Mentee Name", "Mentor"], "mentees")).toEqual({
      "Mentee Name": "name",
      Mentor: "preferredMentor",
    });
    expect(map(["Mentor", "Email"], "mentors")).toEqual({ Mentor: "name", Email: "email" });
  });

  it("leaves unrelated columns unmapped", () => {
    expect(map(["Name", "Phone", "Degree", "Notes", "Appointment type"])).toEqual({
      Name: "name",
      Degree: "degrees",
      "Appointment type": "rank",
    });
  });

  it("puts several interest columns together", () => {
    expect(map(["Name", "Research interests", "Clinical interests"])).toEqual({
      Name: "name",
      "Research interests": "interests",
      "Clinical interests": "interests",
    });
  });
});
