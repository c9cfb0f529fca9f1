import { describe, expect, it } from "vitest";
import { readFileSync, statSync } from "node:fs";
import { cli, examplePath, fixturePath } from "../helpers/cli.js";

describe("mentor-match check", () => {
  it("reports the mapping, counts and issues of a roster with title rows", () => {
    const run = cli("check", fixturePath("title-rows-and-footer.xlsx"));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Roster (people), header on row 4:");
    expect(run.stdout).toMatch(/D\s+Email Address\s+→ e-mail/);
    expect(run.stdout).toContain("People: 12 (3 mentors, 8 mentees, 1 both)");
    expect(run.stdout).toContain("Rows: 13 read = 12 people + 0 duplicates merged + 1 skipped");
    expect(run.stdout).toMatch(/Roster!A18\s+Row 18 of Roster holds “Total participants: 12”/);
  });

  it("prints exactly one JSON object with --json", () => {
    const run = cli("check", fixturePath("duplicates-differently-cased-email.xlsx"), "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      people: { name: string; email: string; role: string; source: string }[];
      rows: Record<string, number>;
      issues: { code: string; cell: string }[];
    };
    expect(json.rows).toEqual({ read: 14, people: 12, duplicates: 2, skipped: 0 });
    expect(json.people[0]).toMatchObject({
      name: "Margaret O'Connor",
      email: "margaret.oconnor@example.org",
      role: "mentor",
      source: "Roster!A2",
    });
    expect(json.issues.map((i) => i.code)).toEqual(["duplicate-person", "duplicate-person"]);
  });

  it("reads several files as one roster", () => {
    const run = cli(
      "check",
      examplePath("radiology-roster.xlsx"),
      fixturePath("csv-export-bom-crlf.csv"),
      "--json",
    );
    const json = JSON.parse(run.stdout) as {
      people: unknown[];
      mapping: { sheets: { sheet: string }[] };
      rows: Record<string, number>;
      issues: { code: string; message: string }[];
    };
    expect(json.mapping.sheets.map((s) => s.sheet)).toEqual([
      "Mentors",
      "Mentees",
      "Do not pair",
      "csv-export-bom-crlf",
    ]);
    // Kwame Mensah is on both files with the same e-mail: one person.
    expect(json.rows).toEqual({ read: 77, people: 76, duplicates: 1, skipped: 0 });
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        code: "duplicate-person",
        message: expect.stringContaining("Mentees!A7"),
      }),
    );
  });

  it("applies a mapping correction file", () => {
    const run = cli(
      "check",
      fixturePath("title-rows-and-footer.xlsx"),
      "--mapping",
      fixturePath("../mappings/title-rows-unmap-preferred.json"),
      "--json",
    );
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      mapping: { sheets: { columns: { column: string; field: string | null; by: string }[] }[] };
    };
    expect(json.mapping.sheets[0]!.columns.find((c) => c.column === "H")).toEqual({
      column: "H",
      header: "Preferred mentor",
      field: null,
      by: "user",
    });
  });

  it.each([
    [
      "unreadable/not-a-spreadsheet.xlsx",
      /not-a-spreadsheet\.xlsx is plain text, not an Excel workbook/,
    ],
    ["unreadable/empty.xlsx", /empty\.xlsx/],
    ["unreadable/legacy.xls", /old Excel 97–2003 file; open it in Excel and save it as \.xlsx/],
    ["unreadable/password-protected.xlsx", /password/i],
    ["unreadable/no-header.xlsx", /No roster header found on Sheet1/],
    ["unreadable/empty-workbook.xlsx", /empty/],
    ["does-not-exist.xlsx", /not found/],
  ])("refuses %s with one line on stderr and exit 2, leaving the file alone", (name, message) => {
    const path = fixturePath(name);
    const before = safeRead(path);
    const run = cli("check", path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(safeRead(path)).toEqual(before);
  });

  it("explains a usage mistake", () => {
    const run = cli("check", "--bogus");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: mentor-match check");
  });
});

function safeRead(path: string): { bytes: Buffer; mtime: number } | null {
  try {
    return { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
  } catch {
    return null;
  }
}
