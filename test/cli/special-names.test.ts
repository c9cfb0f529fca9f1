/**
 * Issue 20 through the command line: a command called "constructor", and a workbook whose sheet,
 * headers, divisions and Program sheet use JavaScript's special names, fail or run like any
 * other input — never "unexpected failure".
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli.js";

describe("special names on the command line", () => {
  it("an unknown command called constructor is reported as unknown", () => {
    for (const name of ["constructor"]) {
      const result = cli(name);
      expect(result.stderr).toMatch(/unknown command/);
      expect(result.status).toBe(2);
    }
  });

  it("runs a workbook full of them", async () => {
    const work = mkdtempSync(join(tmpdir(), "mentor-match-special-"));
    const input = join(work, "roster.xlsx");
    const workbook = new ExcelJS.Workbook();
    const roster = workbook.addWorksheet("constructor");
    roster.addRows([
      ["Name", "Email", "Rank", "Division", "Role", "Chair", "__proto__", "hasOwnProperty"],
      ["Ada Lee", "ada@example.org", "Professor", "Cardiology Research", "Mentor", "toString"],
      ["Bo Rao", "bo@example.org", "Professor", "Constructor", "Mentor", "valueOf", "x", "y"],
      ["Cy Kim", "cy@example.org", "Assistant Professor", "Constructor", "Mentee", "constructor"],
      ["Di Moreau", "di@example.org", "Instructor", "__proto__", "Mentee", "__proto__", "z"],
    ]);
    workbook.addWorksheet("Program").addRows([
      ["Setting", "Value"],
      ["constructor", "__proto__"],
      ["Months", "toString"],
    ]);
    await workbook.xlsx.writeFile(input);

    const check = cli("check", input);
    expect(check.stderr).not.toMatch(/unexpected failure/);
    const run = cli("run", input, "--out", join(work, "out"));
    expect(run.stderr).not.toMatch(/unexpected failure/);
    expect(run.status).toBe(0);
  }, 60_000);
});
