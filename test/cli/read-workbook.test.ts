/**
 * cli/io against the committed fixtures (test/fixtures/rosters, facts in its README) and files
 * made on the spot for the error cases.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readWorkbookFiles,
  readWorkbookFilesWithOrigins,
  UnreadableFileError,
  type UnreadableCode,
} from "../../cli/io/read-workbook.js";
import type { CellValue, SheetSnapshot } from "../../shared/workbook/snapshot.js";
import { zip } from "../../scripts/lib/zip.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/rosters/", import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);

async function readOne(name: string): Promise<readonly SheetSnapshot[]> {
  return (await readWorkbookFiles([fixture(name)])).sheets;
}

function only(sheets: readonly SheetSnapshot[]): SheetSnapshot {
  expect(sheets).toHaveLength(1);
  return sheets[0]!;
}

/** Excel-style address ("D14") to the snapshot value. */
function cell(sheet: SheetSnapshot, address: string): CellValue | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheet.rows[Number(match[2]) - 1]?.[column] ?? null;
}

async function expectUnreadable(
  paths: string | string[],
  code: UnreadableCode,
  message?: RegExp,
): Promise<UnreadableFileError> {
  const error = await readWorkbookFiles(Array.isArray(paths) ? paths : [paths]).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  const unreadable = error as UnreadableFileError;
  expect(unreadable.code).toBe(code);
  expect(unreadable.message).not.toContain("\n");
  if (message) expect(unreadable.message).toMatch(message);
  return unreadable;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "mentor-match-read-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function scratchFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(scratch, name);
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, content);
  return path;
}

const CAST_EMAILS = [
  "margaret.oconnor@example.org",
  "luis.garcia-lopez@example.org",
  "hendrik.vanderberg@example.org",
  "lan.nguyen@example.org",
  "aisha.rahman@example.org",
  "daniel.kim@example.org",
  "sofia.ramirez@example.org",
  "jean-pierre.dubois@example.org",
  "priya.natarajan@example.org",
  "kwame.mensah@example.org",
  "emily.chen@example.org",
  "siobhan.murphy@example.org",
];

describe("xlsx workbooks", () => {
  it("keeps title, note, blank and footer rows in place and reports the merged title", async () => {
    const sheet = only(await readOne("title-rows-and-footer.xlsx"));
    expect(sheet.name).toBe("Roster");
    expect(sheet.rows).toHaveLength(18);
    expect(cell(sheet, "A1")).toBe("Department of Medicine — Faculty Mentoring Program 2026–2027");
    // Only the master of the merged block keeps the value.
    expect(sheet.rows[0]).toEqual(["Department of Medicine — Faculty Mentoring Program 2026–2027"]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(cell(sheet, "A2")).toMatch(/^Updated by the Faculty Affairs office/);
    expect(sheet.rows[2]).toEqual([]);
    expect(sheet.rows[3]).toEqual([
      "Name (Last, First)",
      "Academic Rank",
      "Division",
      "Email Address",
      "Participating as",
      "Max # mentees",
      "Research / Clinical Interests",
      "Preferred mentor",
    ]);
    expect(sheet.rows.slice(4, 16).map((row) => row[3])).toEqual(CAST_EMAILS);
    expect(cell(sheet, "E6")).toBe(" mentor");
    expect(cell(sheet, "F5")).toBe(2);
    expect(cell(sheet, "F9")).toBeNull();
    expect(cell(sheet, "H9")).toBe("Margaret O'Connor");
    expect(cell(sheet, "H14")).toBe("Dr. Nguyễn");
    expect(sheet.rows[16]).toEqual([]);
    expect(sheet.rows[17]).toEqual(["Total participants: 12"]);
  });

  it("reads every sheet of a workbook, in tab order, with their own headers", async () => {
    const sheets = await readOne("two-sheets-different-headers.xlsx");
    expect(sheets.map((s) => s.name)).toEqual(["Mentors", "Mentees", "Do not pair"]);
    const [mentors, mentees, exclusions] = sheets as [SheetSnapshot, SheetSnapshot, SheetSnapshot];
    expect(mentors.rows).toHaveLength(5);
    expect(mentors.rows[0]).toEqual([
      "Last Name",
      "First Name",
      "Title",
      "Section",
      "E-mail",
      "Mentor capacity",
      "Topics",
    ]);
    expect(mentors.rows.slice(1).map((row) => row[5])).toEqual([2, 3, 1, 2]);
    expect(mentees.rows).toHaveLength(9);
    expect(cell(mentees, "F2")).toBe("Dr. O'Connor");
    expect(cell(mentees, "F4")).toBe("luis.garcia-lopez@example.org");
    expect(exclusions.rows).toEqual([
      ["Person 1", "Person 2", "Reason"],
      [
        "margaret.oconnor@example.org",
        "aisha.rahman@example.org",
        "Same research group (direct supervisor)",
      ],
      ["Luis García-López", "Sofía Ramírez", "Co-investigators on the same R01"],
    ]);
    expect(mentors.merges).toBeUndefined();
  });

  it("keeps duplicate rows exactly as typed", async () => {
    const sheet = only(await readOne("duplicates-differently-cased-email.xlsx"));
    expect(sheet.rows).toHaveLength(15);
    expect(cell(sheet, "D14")).toBe("Daniel.Kim@Example.org");
    expect(cell(sheet, "A15")).toBe("Margaret O’Connor");
    expect(cell(sheet, "D15")).toBe(" MARGARET.OCONNOR@EXAMPLE.ORG ");
    expect([cell(sheet, "F2"), cell(sheet, "F15")]).toEqual([2, 3]);
  });

  it("does not normalize names: spaces, NFD accents and degrees reach the core untouched", async () => {
    const sheet = only(await readOne("odd-names.xlsx"));
    expect(sheet.name).toBe("Faculty");
    expect(sheet.rows).toHaveLength(15);
    expect(cell(sheet, "A2")).toBe("O'Connor, Margaret, MD, PhD");
    expect(cell(sheet, "A4")).toBe("van der Berg,\u00a0Hendrik");
    const ramirez = cell(sheet, "A8") as string;
    expect(ramirez).toBe("Dr. Sofía Ramírez".normalize("NFD"));
    expect(ramirez).not.toBe(ramirez.normalize("NFC"));
    expect(cell(sheet, "A15")).toBe("  St. John,  Olivia ");
  });

  it("leaves the cells under a vertical merge null and reports each block", async () => {
    const sheet = only(await readOne("merged-division-cells.xlsx"));
    expect(sheet.rows).toHaveLength(14);
    expect(sheet.rows.slice(1).map((row) => row[0])).toEqual([
      "Cardiology",
      null,
      "Endocrine",
      "Gastroenterology",
      null,
      "General Internal Medicine",
      null,
      null,
      "Infectious Diseases",
      null,
      "Nephrology",
      "Pulmonary and Critical Care",
      null,
    ]);
    expect(sheet.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 4, left: 0, bottom: 5, right: 0 },
      { top: 6, left: 0, bottom: 8, right: 0 },
      { top: 9, left: 0, bottom: 10, right: 0 },
      { top: 12, left: 0, bottom: 13, right: 0 },
    ]);
  });

  it("turns rich text into plain text and hyperlinks into what they show", async () => {
    const sheet = only(await readOne("rich-text-and-links.xlsx"));
    expect(cell(sheet, "F1")).toBe("Research Interests");
    expect(sheet.rows.slice(1).map((row) => row[0])).toEqual([
      "Margaret O'Connor",
      "Luis García-López",
      "Hendrik van der Berg",
      "Lan Nguyễn",
      "Aisha Rahman",
      "Daniel Kim",
      "Sofía Ramírez",
      "Jean-Pierre Dubois",
      "Priya Natarajan",
      "Kwame Mensah",
      "Emily Chen",
      "Siobhán Murphy",
    ]);
    // Linked, empty-text mailto, mailto?subject with no text, text = the link, plain text.
    expect(sheet.rows.slice(1).map((row) => row[3])).toEqual(CAST_EMAILS);
    expect(cell(sheet, "F8")).toBe("inflammatory bowel disease; clinical trials");
    expect(cell(sheet, "G2")).toBe("Faculty profile");
    expect(cell(sheet, "G6")).toBeNull();
  });

  it("reads formulas as their cached results, errors and uncalculated formulas as null", async () => {
    const sheet = only(await readOne("formulas-and-dates.xlsx"));
    expect(sheet.rows).toHaveLength(13);
    expect(sheet.rows.slice(1).map((row) => row[4])).toEqual(CAST_EMAILS);
    expect(["G2", "G3", "G4", "G5", "G6"].map((a) => cell(sheet, a))).toEqual([
      2,
      3,
      1,
      null,
      null,
    ]);
    expect(cell(sheet, "H2")).toEqual(new Date(Date.UTC(2004, 6, 1)));
    expect(cell(sheet, "I2")).toEqual(new Date(Date.UTC(2005, 6, 1)));
    expect(cell(sheet, "I3")).toEqual(new Date(Date.UTC(2012, 7, 31))); // shared formula
    expect(cell(sheet, "H10")).toBeNull();
    expect(cell(sheet, "H12")).toBe("07/01/2024");
    expect(["I10", "I12", "J7", "J9", "J10", "J12"].map((a) => cell(sheet, a))).toEqual(
      Array(6).fill(null),
    );
    expect(cell(sheet, "J2")).toBe(21);
  });

  it("reads hidden sheets and skips chart sheets", async () => {
    const sheets = await readOne("hidden-and-chart-sheets.xlsx");
    expect(sheets.map((s) => s.name)).toEqual(["Roster", "Lists"]);
    const lists = sheets[1]!;
    expect(lists.rows[0]).toEqual(["Roles", null, "Division", "Participants"]);
    expect(lists.rows.slice(1).map((row) => row[3])).toEqual([2, 1, 2, 2, 2, 1, 2]);
  });

  it("reads a sheet of numbers without a header: finding the header is the core's job", async () => {
    const sheet = only(await readOne("unreadable/no-header.xlsx"));
    expect(sheet.rows).toHaveLength(20);
    expect(
      sheet.rows.every((row) => row.length === 6 && row.every((v) => typeof v === "number")),
    ).toBe(true);
  });
});

describe("CSV and text exports", () => {
  it("reads UTF-8 with BOM and CRLF, quoted commas, doubled quotes and line breaks", async () => {
    const sheet = only(await readOne("csv-export-bom-crlf.csv"));
    expect(sheet.name).toBe("csv-export-bom-crlf");
    expect(sheet.rows).toHaveLength(13);
    expect(sheet.rows[0]).toEqual([
      "Full Name",
      "Role",
      "Rank",
      "Division",
      "Email",
      "Capacity",
      "Interests",
    ]);
    expect(cell(sheet, "A2")).toBe("Margaret O'Connor, MD, PhD");
    expect(cell(sheet, "F2")).toBe("2"); // values stay strings
    expect(cell(sheet, "F6")).toBeNull(); // empty field
    expect(cell(sheet, "G7")).toBe("quality improvement\nmedical education");
    expect(cell(sheet, "A9")).toBe('Jean-Pierre "JP" Dubois');
    expect(sheet.rows.slice(1).map((row) => row[4])).toEqual(CAST_EMAILS);
    expect(sheet.merges).toBeUndefined();
  });

  it("detects semicolon-delimited exports even with a comma in every name", async () => {
    const { snapshot, origins } = await readWorkbookFilesWithOrigins([
      fixture("semicolon-export.csv"),
    ]);
    expect(origins[0]!.delimiter).toBe(";");
    const sheet = only(snapshot.sheets);
    expect(sheet.rows).toHaveLength(13);
    expect(sheet.rows.every((row) => row.length === 7)).toBe(true);
    expect(cell(sheet, "A2")).toBe("O'Connor, Margaret");
    expect(cell(sheet, "G4")).toBe("ARDS; mechanical ventilation; medical education");
  });

  it("reads Excel's Unicode text (UTF-16 LE, tabs)", async () => {
    const { snapshot, origins } = await readWorkbookFilesWithOrigins([
      fixture("utf16-unicode-text.txt"),
    ]);
    expect(origins[0]).toMatchObject({ encoding: "utf-16le", delimiter: "\t", format: "text" });
    const sheet = only(snapshot.sheets);
    expect(sheet.name).toBe("utf16-unicode-text");
    expect(sheet.rows).toHaveLength(13);
    expect([cell(sheet, "A3"), cell(sheet, "A5"), cell(sheet, "A13")]).toEqual([
      "Luis García-López",
      "Lan Nguyễn",
      "Siobhán Murphy",
    ]);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const { snapshot, origins } = await readWorkbookFilesWithOrigins([
      fixture("cp1252-export.csv"),
    ]);
    expect(origins[0]!.encoding).toBe("windows-1252");
    const sheet = only(snapshot.sheets);
    expect(cell(sheet, "A8")).toBe("Sofía Ramírez");
    expect(cell(sheet, "A13")).toBe("Siobhán Murphy");
    expect(cell(sheet, "A2")).toBe("Margaret O\u2019Connor");
    expect(cell(sheet, "A5")).toBe("Lan Nguy?n");
  });

  it("reads a tab-separated text file named .xls, as web systems' Excel exports are", async () => {
    const path = await scratchFile(
      "export.xls",
      "Name\tEmail\r\nDaniel Kim\tdaniel.kim@example.org\r\n",
    );
    expect((await readWorkbookFiles([path])).sheets).toEqual([
      {
        name: "export",
        rows: [
          ["Name", "Email"],
          ["Daniel Kim", "daniel.kim@example.org"],
        ],
      },
    ]);
  });
});

describe("several files make one workbook", () => {
  it("prefixes clashing sheet names with the file stem", async () => {
    const radiology = join(scratch, "radiology.xlsx");
    const surgery = join(scratch, "surgery.xlsx");
    await copyFile(fixture("two-sheets-different-headers.xlsx"), radiology);
    await copyFile(fixture("two-sheets-different-headers.xlsx"), surgery);
    const { snapshot, origins } = await readWorkbookFilesWithOrigins([
      radiology,
      surgery,
      fixture("csv-export-bom-crlf.csv"),
    ]);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([
      "radiology Mentors",
      "radiology Mentees",
      "radiology Do not pair",
      "surgery Mentors",
      "surgery Mentees",
      "surgery Do not pair",
      "csv-export-bom-crlf",
    ]);
    expect(origins[3]).toMatchObject({ path: surgery, nameInFile: "Mentors", format: "xlsx" });
  });

  it("keeps names unique and within Excel's 31 characters", async () => {
    const longStem = "department-of-medicine-mentoring-roster-final-v3";
    const a = await scratchFile(`a/${longStem}.csv`, "Name\r\nA\r\n");
    const b = await scratchFile(`b/${longStem}.csv`, "Name\r\nB\r\n");
    const names = (await readWorkbookFiles([a, b])).sheets.map((s) => s.name);
    expect(names).toEqual([longStem.slice(0, 31), `${longStem.slice(0, 27)} (2)`]);
    expect(names.every((name) => name.length <= 31)).toBe(true);
  });

  it("reads a file given twice only once", async () => {
    const path = fixture("semicolon-export.csv");
    const result = await readWorkbookFilesWithOrigins([path, path]);
    expect(result.snapshot.sheets).toHaveLength(1);
    expect(result.skippedDuplicates).toEqual([path]);
  });

  it("fails on the first unreadable file, naming it", async () => {
    const error = await expectUnreadable(
      [fixture("semicolon-export.csv"), fixture("unreadable/legacy.xls")],
      "legacy-xls",
    );
    expect(error.path).toBe(fixture("unreadable/legacy.xls"));
  });

  it("needs at least one file", async () => {
    await expect(readWorkbookFiles([])).rejects.toThrow(RangeError);
  });
});

describe("files that cannot be read", () => {
  it.each<[string, UnreadableCode, RegExp]>([
    [
      "unreadable/not-a-spreadsheet.xlsx",
      "not-a-spreadsheet",
      /^not-a-spreadsheet\.xlsx is plain text/,
    ],
    ["unreadable/empty.xlsx", "empty", /^empty\.xlsx is empty \(0 bytes\)/],
    [
      "unreadable/legacy.xls",
      "legacy-xls",
      /^legacy\.xls is an old Excel 97–2003 file; open it in Excel and save it as \.xlsx$/,
    ],
    ["unreadable/legacy-renamed.xlsx", "legacy-xls", /old Excel 97–2003 file despite its \.xlsx/],
    [
      "unreadable/password-protected.xlsx",
      "encrypted",
      /is password-protected; .*remove the password/,
    ],
    [
      "unreadable/zip-without-workbook.xlsx",
      "not-a-spreadsheet",
      /zip archive with no Excel workbook/,
    ],
    ["unreadable/empty-workbook.xlsx", "empty", /has no data in any sheet/],
    [
      "unreadable/unclosed-quote.csv",
      "malformed-csv",
      /quotation mark on line 4 that is never closed/,
    ],
  ])("%s → %s", async (name, code, message) => {
    const error = await expectUnreadable(fixture(name), code, message);
    expect(error.path).toBe(fixture(name));
    expect(error.name).toBe("UnreadableFileError");
  });

  it("says which path was not found", async () => {
    const path = join(scratch, "no-such-roster.xlsx");
    await expectUnreadable(path, "not-found", /no-such-roster\.xlsx was not found/);
  });

  it("refuses a folder", async () => {
    await expectUnreadable(scratch, "is-directory", /is a folder, not a file/);
  });

  it.each<[string, RegExp]>([
    [
      "roster.ods",
      /OpenDocument spreadsheet; save it as \.xlsx or \.csv \(supported: .xlsx, .xlsm, .csv, .tsv or .txt\)/,
    ],
    ["roster.xlsb", /Excel binary workbook/],
    [
      "roster.json",
      /not a file type Mentor Match reads; use \.xlsx, \.xlsm, \.csv, \.tsv or \.txt/,
    ],
  ])("refuses unsupported %s and lists the supported formats", async (name, message) => {
    const path = await scratchFile(name, '{"name": "not a roster"}');
    await expectUnreadable(path, "unsupported-format", message);
  });

  it("recognizes an Apple Numbers package (a folder) and an OpenDocument file by content", async () => {
    const numbers = join(scratch, "roster.numbers");
    await mkdir(numbers, { recursive: true });
    await expectUnreadable(numbers, "unsupported-format", /Apple Numbers/);
    const ods = zip([
      {
        name: "mimetype",
        data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"),
        stored: true,
      },
      { name: "content.xml", data: Buffer.from("<office:document-content/>") },
    ]);
    await expectUnreadable(
      await scratchFile("renamed-ods.xlsx", ods),
      "unsupported-format",
      /OpenDocument/,
    );
  });

  it("recognizes Word documents and PDFs under spreadsheet names", async () => {
    const docx = zip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]);
    await expectUnreadable(
      await scratchFile("roster-docx.xlsx", docx),
      "not-a-spreadsheet",
      /Word document/,
    );
    const pdf = await scratchFile("roster-pdf.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    await expectUnreadable(pdf, "not-a-spreadsheet", /is a PDF/);
    const html = await scratchFile(
      "web-export.xls",
      "<html><body><table><tr><td>Name</td></tr></table>",
    );
    await expectUnreadable(html, "not-a-spreadsheet", /web page/);
  });

  it("suggests renaming a CSV saved with an .xlsx name", async () => {
    const csv = "Name,Email,Role\r\nA,a@example.org,Mentor\r\nB,b@example.org,Mentee\r\n";
    const path = await scratchFile("actually-csv.xlsx", csv);
    await expectUnreadable(path, "not-a-spreadsheet", /rename it to end in \.csv/);
  });

  it("calls a truncated workbook damaged", async () => {
    const whole = await readFile(fixture("title-rows-and-footer.xlsx"));
    const path = await scratchFile("cut-short.xlsx", whole.subarray(0, whole.length / 2));
    await expectUnreadable(path, "damaged", /damaged or incomplete/);
  });

  it("calls a workbook whose workbook part is malformed damaged", async () => {
    const broken = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook><sheets><sheet") },
    ]);
    await expectUnreadable(
      await scratchFile("broken.xlsx", broken),
      "damaged",
      /could not be read/,
    );
  });

  it("calls a CSV of whitespace (or just a byte-order mark) empty", async () => {
    await expectUnreadable(await scratchFile("blank.csv", "\r\n\r\n"), "empty", /has no data/);
    await expectUnreadable(await scratchFile("bom.csv", "\ufeff"), "empty");
  });

  it("refuses binary data named .csv", async () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 32);
    await expectUnreadable(
      await scratchFile("binary.csv", bytes),
      "not-a-spreadsheet",
      /binary data/,
    );
  });

  it("explains Excel's ~$ lock files", async () => {
    const path = await scratchFile("~$roster.xlsx", "owner file");
    await expectUnreadable(
      path,
      "lock-file",
      /temporary file Excel keeps while a workbook is open/,
    );
  });
});

describe("the input file", () => {
  it("is never modified", async () => {
    const path = join(scratch, "untouched.xlsx");
    await copyFile(fixture("rich-text-and-links.xlsx"), path);
    const before = await stat(path);
    const hash = async (): Promise<string> =>
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
    const digest = await hash();
    await readWorkbookFiles([path]);
    const after = await stat(path);
    expect(await hash()).toBe(digest);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
  });
});
