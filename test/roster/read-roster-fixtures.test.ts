/** The roster core on real files (test/fixtures/rosters, described in its README). */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import { readRoster, type Roster } from "../../shared/index.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/rosters/${name}`, import.meta.url));

async function rosterOf(name: string): Promise<Roster> {
  const reading = readRoster(await readWorkbookFiles([fixture(name)]));
  if (!reading.ok) throw new Error(`${name}: ${reading.error.message}`);
  return reading.roster;
}

const roleCounts = (roster: Roster) => ({
  mentor: roster.people.filter((p) => p.role === "mentor").length,
  mentee: roster.people.filter((p) => p.role === "mentee").length,
  both: roster.people.filter((p) => p.role === "both").length,
});

describe.each([
  "title-rows-and-footer.xlsx",
  "csv-export-bom-crlf.csv",
  "semicolon-export.csv",
  "odd-names.xlsx",
  "merged-division-cells.xlsx",
  "rich-text-and-links.xlsx",
  "formulas-and-dates.xlsx",
  "hidden-and-chart-sheets.xlsx",
  "utf16-unicode-text.txt",
  "cp1252-export.csv",
])("%s", (name) => {
  it("reads the cast with every row accounted for", async () => {
    const roster = await rosterOf(name);
    const { read, people, duplicates, skipped } = roster.rows;
    expect(read).toBe(people + duplicates + skipped);
    expect(roster.people.length).toBeGreaterThanOrEqual(12);
    expect(roster.people.find((p) => p.email === "lan.nguyen@example.org")?.role).toBe("both");
    expect(roster.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("title rows and footer", () => {
  it("finds the header on row 4, skips the footer, resolves requests", async () => {
    const roster = await rosterOf("title-rows-and-footer.xlsx");
    expect(roster.mapping.sheets[0]!.headerRow).toBe(4);
    expect(roster.rows).toEqual({ read: 13, people: 12, duplicates: 0, skipped: 1 });
    expect(roster.issues.map((i) => [i.code, i.cell])).toEqual([["footer-row", "Roster!A18"]]);
    expect(roleCounts(roster)).toEqual({ mentor: 3, mentee: 8, both: 1 });
    const byEmail = new Map(roster.people.map((p) => [p.email, p]));
    expect(byEmail.get("aisha.rahman@example.org")!.preferredMentors).toEqual([
      "margaret.oconnor@example.org",
    ]);
    expect(byEmail.get("sofia.ramirez@example.org")!.preferredMentors).toEqual([
      "luis.garcia-lopez@example.org",
    ]);
    expect(byEmail.get("kwame.mensah@example.org")!.preferredMentors).toEqual([
      "lan.nguyen@example.org",
    ]);
  });
});

describe("two sheets with different headers", () => {
  it("reads mentors, mentees and the do-not-pair sheet", async () => {
    const roster = await rosterOf("two-sheets-different-headers.xlsx");
    expect(roleCounts(roster)).toEqual({ mentor: 4, mentee: 8, both: 0 });
    expect(roster.doNotPair.map((p) => [p.a, p.b])).toEqual([
      ["margaret.oconnor@example.org", "aisha.rahman@example.org"],
      ["luis.garcia-lopez@example.org", "sofia.ramirez@example.org"],
    ]);
    expect(
      roster.people.find((p) => p.email === "aisha.rahman@example.org")!.preferredMentors,
    ).toEqual(["margaret.oconnor@example.org"]);
    expect(roster.issues).toEqual([]);
  });
});

describe("duplicates with differently cased e-mail", () => {
  it("merges them into 12 people with an issue naming both cells", async () => {
    const roster = await rosterOf("duplicates-differently-cased-email.xlsx");
    expect(roster.rows).toEqual({ read: 14, people: 12, duplicates: 2, skipped: 0 });
    const issues = roster.issues.filter((i) => i.code === "duplicate-person");
    expect(issues.map((i) => i.cell)).toEqual(["Roster!A14", "Roster!A15"]);
    expect(issues[0]!.message).toContain("Roster!A7");
    expect(roster.people.find((p) => p.email === "margaret.oconnor@example.org")!.sources).toEqual([
      "Roster!A2",
      "Roster!A15",
    ]);
  });
});

describe("odd names", () => {
  it("reads each name as a person would write it", async () => {
    const roster = await rosterOf("odd-names.xlsx");
    expect(roster.people.map((p) => p.name)).toEqual([
      "Margaret O'Connor",
      "Luis García-López",
      "Hendrik van der Berg",
      "Lan Nguyễn",
      "Aisha Rahman",
      "Daniel J. Kim",
      "Sofía Ramírez",
      "Jean-Pierre Dubois",
      "Priya Natarajan",
      "Kwame A. Mensah",
      "Emily (Yi-Ling) Chen",
      "Siobhán Murphy",
      "María José de la Cruz",
      "Olivia St. John",
    ]);
    expect(roster.people[0]!.degrees).toEqual(["MD", "PhD"]);
    expect(roster.people[11]!.degrees).toEqual(["MD", "PhD", "FACP"]);
    expect(roster.people[12]).toMatchObject({ firstName: "María José", lastName: "de la Cruz" });
    // Decomposed accents are composed, so the name compares equal to the usual spelling.
    expect(roster.people[6]!.name).toBe("Sofía Ramírez".normalize("NFC"));
  });
});

describe("a division merged down each block", () => {
  it("gives every person their division", async () => {
    const roster = await rosterOf("merged-division-cells.xlsx");
    expect(roster.people.map((p) => [p.name, p.division])).toContainEqual([
      "Siobhán Murphy",
      "General Internal Medicine",
    ]);
    expect(roster.people.map((p) => [p.name, p.division])).toContainEqual([
      "Jean-Pierre Dubois",
      "Pulmonary and Critical Care",
    ]);
    expect(roster.people.every((p) => p.division !== null)).toBe(true);
  });
});

describe("formulas and dates", () => {
  it("uses cached results and falls back to the default capacity for errors", async () => {
    const roster = await rosterOf("formulas-and-dates.xlsx");
    const byEmail = new Map(roster.people.map((p) => [p.email, p]));
    expect(byEmail.get("aisha.rahman@example.org")).toBeDefined();
    expect(byEmail.get("luis.garcia-lopez@example.org")!.capacity).toBe(3);
    expect(byEmail.get("lan.nguyen@example.org")!.capacity).toBe(2);
  });
});

describe("unreadable rosters", () => {
  it("a workbook of numbers has no header", async () => {
    const reading = readRoster(await readWorkbookFiles([fixture("unreadable/no-header.xlsx")]));
    expect(reading).toMatchObject({ ok: false, error: { code: "no-header" } });
  });
});

describe("the roster's schemas", () => {
  it("describe what the reader returns for every readable fixture and example", async () => {
    const { rosterSchema, workbookSnapshotSchema } = await import("../../shared/index.js");
    for (const name of [
      "title-rows-and-footer.xlsx",
      "two-sheets-different-headers.xlsx",
      "odd-names.xlsx",
      "formulas-and-dates.xlsx",
      "cp1252-export.csv",
    ]) {
      const snapshot = await readWorkbookFiles([fixture(name)]);
      expect(workbookSnapshotSchema.safeParse(snapshot).success, name).toBe(true);
      expect(rosterSchema.safeParse(await rosterOf(name)).success, name).toBe(true);
    }
  });
});
