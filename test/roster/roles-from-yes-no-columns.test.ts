/**
 * Issue 12 item 6: a roster whose role is a "Mentor? (Y/N)" / "Willing to mentor" / "Is a
 * mentor" column was refused ("no people below them") although every row is a person.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import { fieldLabels, readRoster, type Roster } from "../../shared/index.js";
import { readable, sheet, workbook } from "../helpers/snapshot.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/rosters/${name}`, import.meta.url));

async function rosterOf(name: string): Promise<Roster> {
  const reading = readRoster(await readWorkbookFiles([fixture(name)]));
  if (!reading.ok) throw new Error(`${name}: ${reading.error.message}`);
  return reading.roster;
}

const roleOf = (roster: Roster, email: string) =>
  roster.people.find((p) => p.email === email)?.role;
const roles = (roster: Roster) => roster.people.map((p) => p.role);

describe('one "Mentor? (Y/N)" column on a roster of everyone', () => {
  it("reads Y, TRUE, x and Yes as mentors and every no or blank as a mentee", async () => {
    const roster = await rosterOf("mentor-yes-no-column.xlsx");
    expect(roles(roster)).toEqual([...Array(4).fill("mentor"), ...Array(8).fill("mentee")]);
    expect(roster.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(roster.rows).toMatchObject({ read: 12, people: 12, skipped: 0 });
  });

  it("shows the column in the mapping like any other reading", async () => {
    const roster = await rosterOf("mentor-yes-no-column.xlsx");
    const column = roster.mapping.sheets[0]!.columns.find((c) => c.header === "Mentor? (Y/N)");
    expect(column).toEqual({
      column: "E",
      header: "Mentor? (Y/N)",
      field: "isMentor",
      by: "detected",
    });
    expect(fieldLabels.isMentor).toBe("mentor? (yes/no; no = mentee)");
  });
});

describe('"Willing to mentor" and "Would like a mentor" tick columns', () => {
  it("reads ✓, ✔, x, yes and TRUE as ticks, and both ticks as both", async () => {
    const roster = await rosterOf("willing-to-mentor-ticks.csv");
    expect(roster.people.filter((p) => p.role === "mentor")).toHaveLength(3);
    expect(roster.people.filter((p) => p.role === "mentee")).toHaveLength(8);
    expect(roleOf(roster, "lan.nguyen@example.org")).toBe("both");
    expect(roster.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("yes/no columns and the sheet they are on", () => {
  const header = ["Name", "Email", "Rank"];

  it('makes a mentee who is "Willing to mentor" on the Mentees sheet both', () => {
    const roster = readable(
      workbook(
        sheet("Mentees", [
          [...header, "Willing to mentor"],
          ["Ana Ruiz", "ana@example.org", "Assistant Professor", "Y"],
          ["Ben Okafor", "ben@example.org", "Instructor", "N"],
        ]),
      ),
    );
    expect(roles(roster)).toEqual(["both", "mentee"]);
  });

  it('makes a mentor who answers "Wants a mentor" on the Mentors sheet both', () => {
    const roster = readable(
      workbook(
        sheet("Mentors", [
          [...header, "Wants a mentor?"],
          ["Ana Ruiz", "ana@example.org", "Professor", "✓"],
          ["Ben Okafor", "ben@example.org", "Professor", ""],
        ]),
        sheet("Mentees", [header, ["Cy Lee", "cy@example.org", "Instructor"]]),
      ),
    );
    expect(roster.people.map((p) => [p.name, p.role])).toEqual([
      ["Ana Ruiz", "both"],
      ["Ben Okafor", "mentor"],
      ["Cy Lee", "mentee"],
    ]);
  });

  it("says so at the cell when a Mentors-sheet row answers no to being a mentor", () => {
    const roster = readable(
      workbook(
        sheet("Mentors", [
          [...header, "Is a mentor"],
          ["Ana Ruiz", "ana@example.org", "Professor", "Yes"],
          ["Ben Okafor", "ben@example.org", "Professor", "No"],
        ]),
      ),
    );
    expect(roles(roster)).toEqual(["mentor"]);
    expect(roster.issues).toContainEqual(
      expect.objectContaining({ code: "role-declined", severity: "error", cell: "Mentors!D3" }),
    );
  });

  it("refuses an answer that is not a yes or a no at its cell, and a double no", () => {
    const roster = readable(
      workbook(
        sheet("Faculty", [
          [...header, "Mentor (yes/no)", "Mentee (yes/no)"],
          ["Ana Ruiz", "ana@example.org", "Professor", "yes", "no"],
          ["Ben Okafor", "ben@example.org", "Professor", "maybe", "no"],
          ["Cy Lee", "cy@example.org", "Instructor", "no", "no"],
          ["Di Park", "di@example.org", "Instructor", 0, 1],
        ]),
      ),
    );
    expect(roster.people.map((p) => [p.name, p.role])).toEqual([
      ["Ana Ruiz", "mentor"],
      ["Di Park", "mentee"],
    ]);
    expect(roster.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ code: "role-unknown", cell: "Faculty!D3" }),
      expect.objectContaining({ code: "role-missing", cell: "Faculty!D4" }),
    ]);
    expect(roster.rows).toMatchObject({ read: 4, people: 2, skipped: 2 });
  });

  it("lets a Role column win over a yes/no column on the same row", () => {
    const roster = readable(
      workbook(
        sheet("Faculty", [
          [...header, "Role", "Mentor? (Y/N)"],
          ["Ana Ruiz", "ana@example.org", "Professor", "Both", "Y"],
          ["Ben Okafor", "ben@example.org", "Instructor", "", "N"],
        ]),
      ),
    );
    expect(roles(roster)).toEqual(["both", "mentee"]);
  });
});
