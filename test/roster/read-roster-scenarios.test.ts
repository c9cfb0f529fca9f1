import { describe, expect, it } from "vitest";
import { readRoster } from "../../shared/index.js";
import { codes, readable, sheet, workbook } from "../helpers/snapshot.js";

const medicineHeader = [
  "Name (Last, First)",
  "Academic Rank",
  "Division",
  "Email Address",
  "Participating as",
  "Max # mentees",
  "Research / Clinical Interests",
];

describe("a one-sheet roster with title rows and a footer", () => {
  const roster = readable(
    workbook(
      sheet(
        "Roster",
        [
          ["Department of Medicine — Faculty Mentoring Program 2026–2027"],
          ["Questions to the Faculty Affairs office"],
          [],
          medicineHeader,
          [
            "Smith, Jane",
            "Professor of Medicine",
            "Cardiology",
            "JSmith@Example.org",
            "Mentor",
            3,
            "heart failure; clinical trials",
          ],
          [
            "Lee, Daniel",
            "Asst. Prof.",
            "Gastroenterology",
            "dlee@example.org",
            " mentee ",
            null,
            "IBD, clinical trials",
          ],
          [null, null, null, null, null, null, null],
          [
            "Okafor, Chidi",
            "Assoc Prof",
            "Nephrology",
            "cokafor@example.org",
            "Both",
            "two",
            "dialysis/education",
          ],
          ["Total participants: 3"],
        ],
        [{ top: 0, left: 0, bottom: 0, right: 6 }],
      ),
    ),
  );

  it("finds the header below the titles and maps every column", () => {
    expect(roster.mapping.sheets[0]).toMatchObject({
      sheet: "Roster",
      kind: "people",
      headerRow: 4,
    });
    expect(roster.mapping.sheets[0]!.columns.map((c) => c.field)).toEqual([
      "name",
      "rank",
      "division",
      "email",
      "role",
      "capacity",
      "interests",
    ]);
  });

  it("reads the people with normalised values", () => {
    expect(roster.people.map((p) => [p.name, p.role, p.rank, p.email, p.capacity])).toEqual([
      ["Jane Smith", "mentor", "Professor", "jsmith@example.org", 3],
      ["Daniel Lee", "mentee", "Assistant Professor", "dlee@example.org", 0],
      ["Chidi Okafor", "both", "Associate Professor", "cokafor@example.org", 2],
    ]);
    expect(roster.people[0]!.source).toBe("Roster!A5");
  });

  it("accounts for the footer as a skipped row", () => {
    expect(roster.rows).toEqual({ read: 4, people: 3, duplicates: 0, skipped: 1 });
    expect(roster.issues).toContainEqual(
      expect.objectContaining({ code: "footer-row", cell: "Roster!A9" }),
    );
  });
});

describe("mentors and mentees on separate sheets with different headers", () => {
  const roster = readable(
    workbook(
      sheet("Mentors", [
        ["Last Name", "First Name", "Title", "Section", "E-mail", "Mentor capacity", "Topics"],
        [
          "Nakamura",
          "Kenji",
          "Professor",
          "Neuroradiology",
          "kenji.nakamura@example.edu",
          2,
          "stroke imaging",
        ],
        [
          "Haddad",
          "Leila",
          "Associate Professor",
          "Breast Imaging",
          "lhaddad@example.edu",
          null,
          "screening; AI",
        ],
      ]),
      sheet("Mentees", [
        ["Faculty", "Rank", "Div.", "Email", "keywords", "Requested mentor"],
        [
          "Ruiz, Sofia",
          "Instructor",
          "Abdominal Imaging",
          "sruiz@example.edu",
          "AI, screening",
          "Leila Haddad",
        ],
        [
          "Brown, Tom",
          "Instructor",
          "Neuroradiology",
          "tbrown@example.edu",
          "stroke",
          "kenji.nakamura@example.edu",
        ],
      ]),
      sheet("Do not pair", [
        ["Person 1", "Person 2", "Reason"],
        ["Brown, Tom", "Nakamura, Kenji", "same lab"],
      ]),
    ),
    { defaultCapacity: 1 },
  );

  it("takes roles from the sheet names and maps each sheet's own headers", () => {
    expect(roster.people.map((p) => [p.name, p.role, p.division, p.capacity])).toEqual([
      ["Kenji Nakamura", "mentor", "Neuroradiology", 2],
      ["Leila Haddad", "mentor", "Breast Imaging", 1],
      ["Sofia Ruiz", "mentee", "Abdominal Imaging", 0],
      ["Tom Brown", "mentee", "Neuroradiology", 0],
    ]);
  });

  it("resolves requested mentors by name or e-mail", () => {
    expect(roster.people[2]!.preferredMentors).toEqual(["lhaddad@example.edu"]);
    expect(roster.people[3]!.preferredMentors).toEqual(["kenji.nakamura@example.edu"]);
  });

  it("reads the do-not-pair sheet", () => {
    expect(roster.doNotPair).toEqual([
      {
        a: "tbrown@example.edu",
        b: "kenji.nakamura@example.edu",
        reason: "same lab",
        source: "'Do not pair'!A2",
      },
    ]);
    expect(roster.issues).toEqual([]);
  });
});

describe("duplicates", () => {
  const header = ["Name", "Rank", "Email", "Role", "Division"];
  const roster = readable(
    workbook(
      sheet("Faculty", [
        header,
        ["Jane Smith", "Professor", "jane.smith@example.org", "Mentor", "Cardiology"],
        ["Bob Jones", "Instructor", "bjones@example.org", "Mentee", "GI"],
        ["Jane Smith", "Professor", " JANE.SMITH@example.org ", "Mentee", null],
      ]),
    ),
  );

  it("merges the same e-mail in any case into one person, naming both cells", () => {
    expect(roster.people).toHaveLength(2);
    expect(roster.people[0]).toMatchObject({
      role: "both",
      division: "Cardiology",
      sources: ["Faculty!A2", "Faculty!A4"],
    });
    const duplicate = roster.issues.find((i) => i.code === "duplicate-person")!;
    expect(duplicate.cell).toBe("Faculty!A4");
    expect(duplicate.message).toContain("Faculty!A2");
    expect(roster.rows).toEqual({ read: 3, people: 2, duplicates: 1, skipped: 0 });
  });
});

describe("rows that are not people", () => {
  const roster = readable(
    workbook(
      sheet("Roster", [
        ["Name", "Role", "Email", "Rank"],
        ["Cardiology"],
        ["Ana Díaz", "Mentee", "adiaz@example.org", "Instructor"],
        ["Name", "Role", "Email", "Rank"],
        [null, "Mentor", "nobody@example.org", "Professor"],
        ["Raj Patel", "Observer", "rpatel@example.org", "Professor"],
        ["Grand total", null, null, 2],
      ]),
    ),
  );

  it("accounts for every non-blank row", () => {
    expect(roster.rows).toEqual({ read: 6, people: 1, duplicates: 0, skipped: 5 });
    expect(codes(roster)).toEqual([
      "note-row",
      "repeated-header",
      "name-missing",
      "role-unknown",
      "footer-row",
    ]);
    expect(roster.issues.map((i) => i.cell)).toEqual([
      "Roster!A2",
      "Roster!A4",
      "Roster!A5",
      "Roster!B6",
      "Roster!A7",
    ]);
  });
});

describe("a division merged down several rows", () => {
  const roster = readable(
    workbook(
      sheet(
        "Mentors",
        [
          ["Name", "Division", "Email", "Rank"],
          ["A One", "Cardiology", "a1@example.org", "Professor"],
          ["B Two", null, "b2@example.org", "Professor"],
          ["C Three", "Nephrology", "c3@example.org", "Professor"],
        ],
        [{ top: 1, left: 1, bottom: 2, right: 1 }],
      ),
    ),
  );
  it("gives every row of the block its division", () => {
    expect(roster.people.map((p) => p.division)).toEqual([
      "Cardiology",
      "Cardiology",
      "Nephrology",
    ]);
  });
});

describe("the user's mapping correction", () => {
  const snapshot = workbook(
    sheet("Roster", [
      ["Faculty", "Level", "Group", "Contact", "Role"],
      ["Jane Smith", "Professor", "Cardiology", "js@example.org", "Mentor"],
    ]),
  );

  it("overrides detection by letter or header text", () => {
    const roster = readable(snapshot, {
      mapping: { Roster: { columns: { B: "rank", Group: "division", Contact: "email" } } },
    });
    expect(roster.people[0]).toMatchObject({
      rank: "Professor",
      division: "Cardiology",
      email: "js@example.org",
    });
    expect(roster.mapping.sheets[0]!.columns.find((c) => c.column === "B")).toMatchObject({
      field: "rank",
      by: "user",
    });
  });

  it("can set the header row and unmap a column", () => {
    const roster = readable(snapshot, {
      mapping: {
        roster: { headerRow: 1, columns: { Role: null, Contact: "email" }, kind: "mentors" },
      },
    });
    expect(roster.people[0]).toMatchObject({ role: "mentor", email: "js@example.org" });
  });
});

describe("rosters that cannot be read", () => {
  it("an empty workbook says so", () => {
    const reading = readRoster(workbook(sheet("Sheet1", [])));
    expect(reading).toMatchObject({
      ok: false,
      error: { code: "empty-workbook", severity: "error" },
    });
  });

  it("a sheet of numbers has no header", () => {
    const reading = readRoster(
      workbook(
        sheet("Data", [
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    );
    expect(reading).toMatchObject({ ok: false, error: { code: "no-header" } });
  });

  it("a header with nobody below it", () => {
    const reading = readRoster(workbook(sheet("Roster", [["Name", "Email", "Role"]])));
    expect(reading).toMatchObject({ ok: false, error: { code: "no-people", cell: "Roster" } });
  });
});

describe("preferred mentors that cannot be resolved", () => {
  const roster = readable(
    workbook(
      sheet("Roster", [
        ["Name", "Role", "Email", "Preferred mentor"],
        ["John Smith", "Mentor", "john.smith@example.org", null],
        ["Jane Smith", "Mentor", "jane.smith@example.org", null],
        ["Ann Lee", "Mentee", "ann.lee@example.org", "Dr. Smith"],
        ["Bo Kim", "Mentee", "bo.kim@example.org", "Zed Unknown"],
        ["Cy Park", "Mentee", "cy.park@example.org", "Ann Lee"],
        ["Di Wu", "Mentee", "di.wu@example.org", "Smith, Jane"],
      ]),
    ),
  );
  it("reports ambiguous, unknown and not-a-mentor requests at the request's cell", () => {
    expect(roster.issues.map((i) => [i.code, i.cell])).toEqual([
      ["preferred-mentor-ambiguous", "Roster!D4"],
      ["preferred-mentor-unknown", "Roster!D5"],
      ["preferred-mentor-not-mentor", "Roster!D6"],
    ]);
    expect(roster.people[5]!.preferredMentors).toEqual(["jane.smith@example.org"]);
  });
});

describe("sheet names", () => {
  it.each([
    ["Mentors", "mentors"],
    ["Mentor pool", "mentors"],
    ["Senior faculty", "mentors"],
    ["Mentees", "mentees"],
    ["Junior Faculty", "mentees"],
    ["two-mentor-program", "people"],
    ["Mentoring Roster 2026", "people"],
    ["Do not pair", "doNotPair"],
    ["Conflicts", "doNotPair"],
    ["Pairs", "generated"],
  ])("%j is read as %s", async (name, kind) => {
    const { sheetKindFromName } = await import("../../shared/roster/sheet-kind.js");
    expect(sheetKindFromName(name)).toBe(kind);
  });
});
