/**
 * `mentor-match run` end to end on a real .xlsx: the matched workbook, the report, and the
 * coordinator's edits surviving a re-run (locks, rejections, a mentor typed by hand, notes,
 * Program sheet edits). Files are read back with ExcelJS, an independent reader.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { cli, examplePath } from "../helpers/cli.js";
import { convertToPdfText } from "../helpers/libreoffice.js";

interface Report {
  pairs: {
    mentee: string;
    mentor: string;
    role: string | null;
    status: string;
    score: number;
    reasons: string;
  }[];
  unmatched: { mentee: string; reason: string }[];
  issues: { code: string; severity: string; cell: string; message: string }[];
  settings: { preset: string; durationMonths: number; weights: { load: number } };
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const readReport = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;

async function sheetRows(path: string, sheet: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  workbook.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: row.cellCount }, (_, c) => row.getCell(c + 1).text);
  });
  return rows;
}

describe("mentor-match run on the Medicine example", () => {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-run-"));
  const input = examplePath("medicine-roster.xlsx");
  const first = join(work, "first");
  const second = join(work, "second");
  const inputHash = sha(input);
  let firstReport: Report;
  let edits: {
    locked: Report["pairs"][number];
    rejected: Report["pairs"][number];
    typedMentee: string;
    typedMentorName: string;
  };

  beforeAll(async () => {
    const run = cli("run", input, "--out", first, "--today", "2026-11-23");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    firstReport = readReport(first);

    // The coordinator edits the matched workbook in Excel.
    const path = join(first, "medicine-roster-matched.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const pairs = workbook.getWorksheet("Pairs")!;
    const header = (pairs.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const rows = Array.from({ length: pairs.rowCount - 1 }, (_, i) => pairs.getRow(i + 2));
    const proposed = rows.filter((row) => row.getCell(col("Status")).text === "Proposed");
    const lockedRow = proposed[0]!;
    const rejectedRow = proposed.find(
      (row) =>
        row.getCell(col("Mentor e-mail")).text !== lockedRow.getCell(col("Mentor e-mail")).text,
    )!;
    lockedRow.getCell(col("Status")).value = "Locked";
    rejectedRow.getCell(col("Status")).value = "Rejected";
    // A column of the coordinator's own, with text that looks like a formula.
    pairs.getCell(1, header.length).value = "Notes";
    lockedRow.getCell(header.length).value = "=met in September";
    // A mentor typed by hand for an unmatched mentee: the rejected pair's mentor has a free place.
    const unmatchedRow = rows.find((row) => row.getCell(col("Status")).text === "Unmatched")!;
    unmatchedRow.getCell(col("Mentor")).value = rejectedRow.getCell(col("Mentor")).text;
    edits = {
      locked: firstReport.pairs.find(
        (p) => p.mentee === lockedRow.getCell(col("Mentee e-mail")).text,
      )!,
      rejected: firstReport.pairs.find(
        (p) => p.mentee === rejectedRow.getCell(col("Mentee e-mail")).text,
      )!,
      typedMentee: unmatchedRow.getCell(col("Mentee e-mail")).text,
      typedMentorName: rejectedRow.getCell(col("Mentor")).text,
    };
    // Program sheet: two edits that apply and one typo that must not be erased.
    const program = workbook.getWorksheet("Program")!;
    program.eachRow((row) => {
      const label = row.getCell(1).text;
      if (label === "Months") row.getCell(2).value = 12;
      if (label === "Weight: spread load") row.getCell(2).value = 0;
      if (label === "Default capacity") row.getCell(2).value = "lots";
    });
    await workbook.xlsx.writeFile(path);

    const rerun = cli("run", path, "--out", second, "--today", "2026-11-23");
    expect(rerun.stderr).toBe("");
    expect(rerun.status).toBe(0);
  });

  it("writes the original sheets plus Pairs, Issues and Program, and a report", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(first, "medicine-roster-matched.xlsx"));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 4)).toEqual(["Roster", "Pairs", "Issues", "Program"]);
    // Then one action-plan tab per pair, and the log of the conference forms.
    expect(names).toHaveLength(5 + firstReport.pairs.length);
    expect(names.at(-1)).toBe("Forms");
    expect(firstReport.pairs.length).toBeGreaterThan(30);
    expect(firstReport.pairs[0]).toEqual(
      expect.objectContaining({
        mentee: expect.stringContaining("@"),
        mentor: expect.stringContaining("@"),
        status: "Proposed",
        score: expect.any(Number),
        reasons: expect.any(String),
      }),
    );
    expect(firstReport.settings.preset).toBe("one-to-one");
    const issues = await sheetRows(join(first, "medicine-roster-matched.xlsx"), "Issues");
    expect(issues[0]).toEqual(["Severity", "Cell", "Issue", "Code"]);
    expect(issues.some((row) => row[1] === "Roster!A69" && row[3] === "footer-row")).toBe(true);
  });

  it("writes a workbook and documents LibreOffice opens", () => {
    // An independent client: what it prints holds the pairs, a plan tab and a chair's forms.
    const workbookText = convertToPdfText(join(first, "medicine-roster-matched.xlsx")).replace(
      /\s+/g,
      " ",
    );
    expect(workbookText).toContain("Mentoring Goals and Action Plan");
    expect(workbookText).toContain("What are the specific outcomes that are desired");
    expect(workbookText).toContain("Pair ID");
    const report = JSON.parse(readFileSync(join(first, "report.json"), "utf8")) as {
      documents: { file: string; faculty: string[] }[];
    };
    expect(report.documents.length).toBeGreaterThan(3);
    const formsText = convertToPdfText(report.documents[0]!.file).replace(/\s+/g, " ");
    expect(formsText).toContain("Annual Career Planning Conference 2026–2027");
    expect(formsText).toContain("7/1/2026–6/30/2027");
  });

  it("never modifies the input file", () => {
    expect(sha(input)).toBe(inputHash);
  });

  it("keeps the locked pair, never proposes the rejected one, and keeps the hand-typed mentor", () => {
    const report = readReport(second);
    expect(report.pairs).toContainEqual(
      expect.objectContaining({
        mentee: edits.locked.mentee,
        mentor: edits.locked.mentor,
        status: "Locked",
      }),
    );
    expect(
      report.pairs.some(
        (p) => p.mentee === edits.rejected.mentee && p.mentor === edits.rejected.mentor,
      ),
    ).toBe(false);
    const typed = report.pairs.find((p) => p.mentee === edits.typedMentee)!;
    expect(typed).toMatchObject({ status: "Locked" });
    expect(typed.reasons).toMatch(/^Chosen by the coordinator/);
  });

  it("keeps the rejected row, the coordinator's notes as text, and the Program edits", async () => {
    const path = join(second, "medicine-roster-matched.xlsx");
    const pairs = await sheetRows(path, "Pairs");
    const header = pairs[0]!;
    expect(header.at(-1)).toBe("Notes");
    const lockedRow = pairs.find(
      (row) => row[0] === "Locked" && row[header.indexOf("Mentee e-mail")] === edits.locked.mentee,
    )!;
    expect(lockedRow.at(-1)).toBe("=met in September");
    expect(
      pairs.some(
        (row) =>
          row[0] === "Rejected" && row[header.indexOf("Mentee e-mail")] === edits.rejected.mentee,
      ),
    ).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const notesCell = workbook
      .getWorksheet("Pairs")!
      .getCell(pairs.indexOf(lockedRow) + 1, header.length);
    expect(notesCell.type).toBe(ExcelJS.ValueType.String);

    const report = readReport(second);
    expect(report.settings.durationMonths).toBe(12);
    expect(report.settings.weights.load).toBe(0);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        code: "setting-invalid",
        cell: expect.stringMatching(/^Program!B\d+$/),
      }),
    );
    const program = await sheetRows(path, "Program");
    expect(program.find((row) => row[0] === "Default capacity")![1]).toBe("lots");
  });

  it("gives the same answer when run again on its own output", () => {
    const third = join(work, "third");
    const run = cli(
      "run",
      join(second, "medicine-roster-matched.xlsx"),
      "--out",
      third,
      "--today",
      "2026-11-23",
    );
    expect(run.status).toBe(0);
    // Same pairs; a hand-typed pair now reads "Locked by the coordinator", as its row says Locked.
    const essentials = (report: Report) =>
      report.pairs.map(({ mentee, mentor, role, status, score }) => ({
        mentee,
        mentor,
        role,
        status,
        score,
      }));
    expect(essentials(readReport(third))).toEqual(essentials(readReport(second)));
  });

  it("refuses to overwrite its input", () => {
    const run = cli(
      "run",
      join(second, "medicine-roster-matched.xlsx"),
      "--out",
      second,
      "--today",
      "2026-11-23",
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("would replace the input file");
  });
});
