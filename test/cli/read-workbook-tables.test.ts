/**
 * What Excel, LibreOffice and scripts write, read by cli/io/read-xlsx: Tables with totals rows
 * and structured references, filters, inline strings, formulas without results, 1904 dates and
 * Excel's `_xHHHH_` escapes. The excel-made files are real (see excel-made/README.md).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import { readXlsx } from "../../cli/io/read-xlsx.js";
import { unzip, zip } from "../../scripts/lib/zip.js";
import { readRoster } from "../../shared/roster/read-roster.js";
import type { CellValue, SheetSnapshot } from "../../shared/workbook/snapshot.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/rosters/", import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);

async function readOne(name: string): Promise<readonly SheetSnapshot[]> {
  return (await readWorkbookFiles([fixture(name)])).sheets;
}

function cell(sheet: SheetSnapshot, address: string): CellValue {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheet.rows[Number(match[2]) - 1]?.[column] ?? null;
}

describe("Excel Tables saved by Excel and by LibreOffice", () => {
  it("leaves a Table's totals row out and notes it, keeping structured-reference results", async () => {
    const [sheet] = await readOne("excel-made/excel-table-totals-row.xlsx");
    expect(sheet!.rows[3]).toEqual([
      null,
      null,
      "Field 1",
      "Field 2",
      "Field 3",
      "Field 4 ",
      "Field 5",
    ]);
    expect(["C5", "D5", "E5", "F5"].map((a) => cell(sheet!, a))).toEqual(["a", 1, 5, 6]);
    expect(cell(sheet!, "G8")).toBeCloseTo(1 / 3);
    // Row 9 was "Ergebnis" with SUBTOTALs: never a person.
    expect(sheet!.rows).toHaveLength(8);
    expect(sheet!.notes).toEqual([
      { code: "table-totals-row", row: 8, column: 2, detail: "Tabelle1" },
    ]);
  });

  it("reads the same Table saved by LibreOffice as Excel's", async () => {
    const [excel] = await readOne("excel-made/excel-table-totals-row.xlsx");
    const [libre] = await readOne("excel-made/libreoffice-table-totals-row.xlsx");
    expect(libre!.notes).toEqual(excel!.notes);
    expect(libre!.rows.length).toBe(excel!.rows.length);
    libre!.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const other = excel!.rows[r]![c];
        if (typeof value === "number") expect(value).toBeCloseTo(other as number, 12);
        else expect(value).toEqual(other);
      }),
    );
  });

  it("leaves out the totals rows of two Tables side by side, beside a pivot table and a chart", async () => {
    const sheets = await readOne("excel-made/excel-two-tables-totals.xlsx");
    expect(sheets.map((s) => s.name)).toEqual(["Formula", "Table", "PivotTable"]);
    const table = sheets[1]!;
    expect(table.rows[1]).toEqual([
      null,
      null,
      "City",
      "Latitude",
      "Longitude",
      "Population",
      null,
      null,
      "City",
      "Latitude",
      "Longitude",
      "Population",
    ]);
    expect(table.rows).toHaveLength(14);
    expect(table.notes?.map((n) => [n.row, n.column, n.detail])).toEqual([
      [14, 2, "BigCity"],
      [14, 8, "SmallCity"],
    ]);
  });

  it("reads formulas with structured references by their cached results", async () => {
    const sheets = await readOne("excel-made/excel-structured-references.xlsx");
    expect(sheets[0]!.rows).toEqual([[209], ["one"], ["two"]]);
  });

  it("reads inline strings in prefixed XML whose rows and cells have no references", async () => {
    // ExcelJS failed here: "Cannot set properties of undefined (setting 'sheetNo')".
    const sheets = await readOne("excel-made/inline-string-no-refs.xlsx");
    expect(sheets[0]!.rows).toEqual([["\u{1F61C}more text"]]);
  });
});

describe("a roster kept as an Excel Table", () => {
  it("gives twelve people, no 'Total' person, and says why row 16 and hidden row 13 are what they are", async () => {
    const snapshot = await readWorkbookFiles([fixture("table-with-totals-and-filter.xlsx")]);
    const [sheet] = snapshot.sheets;
    expect(sheet!.rows).toHaveLength(15);
    expect(cell(sheet!, "H4")).toBe("Margaret O'Connor (Cardiology)");
    expect(cell(sheet!, "A13")).toBe("Kwame Mensah");

    const reading = readRoster(snapshot);
    if (!reading.ok) throw new Error(reading.error.message);
    expect(reading.roster.people).toHaveLength(12);
    expect(reading.roster.people.map((p) => p.name)).not.toContain("Total");
    const byCode = new Map(reading.roster.issues.map((i) => [i.code, i]));
    expect(byCode.get("table-totals-row")).toMatchObject({
      cell: "Faculty!A16",
      message: expect.stringContaining("totals row of the table Mentoring2026"),
    });
    expect(byCode.get("hidden-rows")?.message).toMatch(/^Row 13 of Faculty is hidden/);
  });
});

describe("a workbook written by a script", () => {
  it("reads inline strings, 1904 dates and Excel's escapes", async () => {
    const [sheet] = await readOne("script-written-1904.xlsx");
    expect(sheet!.rows[0]).toEqual([
      "First",
      "Last",
      "Rank",
      "Division",
      "Email",
      "Start date",
      "Interests",
    ]);
    expect(cell(sheet!, "F2")).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(cell(sheet!, "G2")).toBe("heart failure;\r\nhealth equity");
    expect(cell(sheet!, "G3")).toBe("quality improvement_x0031_");
    // The BEL that _x0007_ stands for is removed and noted: invisible, and unwritable in XML.
    expect(cell(sheet!, "C9")).toBe("Asst Professor");
    expect(cell(sheet!, "E2")).toBe("aisha.rahman@example.org");
  });

  it("names every formula saved without a result in an issue at its cell", async () => {
    const snapshot = await readWorkbookFiles([fixture("script-written-1904.xlsx")]);
    expect(snapshot.sheets[0]!.notes).toEqual([
      { code: "formula-without-value", row: 2, column: 4 },
      { code: "formula-without-value", row: 5, column: 4 },
      { code: "control-characters", row: 8, column: 2 },
    ]);
    const reading = readRoster(snapshot);
    if (!reading.ok) throw new Error(reading.error.message);
    const formulaIssues = reading.roster.issues.filter((i) => i.code === "formula-without-value");
    expect(formulaIssues.map((i) => i.cell)).toEqual(["Mentees!E3", "Mentees!E6"]);
    expect(formulaIssues[0]!.message).toMatch(/formula saved without its result/);
  });
});

describe("a failure in one optional part", () => {
  async function withPart(name: string, part: string, data: string): Promise<Uint8Array> {
    const files = unzip(await readFile(fixture(name)));
    return zip(files.map((f) => (f.name === part ? { name: part, data: Buffer.from(data) } : f)));
  }

  it("does not make the workbook damaged: a broken table part leaves the rows as they are", async () => {
    const bytes = await withPart(
      "table-with-totals-and-filter.xlsx",
      "xl/tables/table1.xml",
      "<table ref=",
    );
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.rows).toHaveLength(16);
    expect(cell(sheet!, "A16")).toBe("Total");
  });

  it("does not make the workbook damaged: broken styles read dates as serial numbers", async () => {
    const bytes = await withPart("formulas-and-dates.xlsx", "xl/styles.xml", "<styleSheet><");
    const [sheet] = await readXlsx(bytes);
    expect(cell(sheet!, "H2")).toBe(38169); // 2004-07-01
    expect(cell(sheet!, "A2")).toBe("Margaret");
  });
});

describe("a CSV with stray control bytes", () => {
  it("is read, not refused as binary, with an issue at each affected cell", async () => {
    // Before: "holds binary data, not text" for the whole file because of one NUL.
    const snapshot = await readWorkbookFiles([fixture("stray-nul-bytes.csv")]);
    const [sheet] = snapshot.sheets;
    expect(cell(sheet!, "A7")).toBe("Daniel Kim");
    expect(cell(sheet!, "D12")).toBe("emily.chen@example.org");
    const reading = readRoster(snapshot);
    if (!reading.ok) throw new Error(reading.error.message);
    expect(reading.roster.people).toHaveLength(12);
    expect(
      reading.roster.issues.filter((i) => i.code === "control-characters").map((i) => i.cell),
    ).toEqual(["'stray-nul-bytes'!A7", "'stray-nul-bytes'!D12"]);
  });
});

describe("the package's own relationships name the workbook part", () => {
  it("reads a workbook whose main part is not xl/workbook.xml", async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const bytes = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "_rels/.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${rel}/officeDocument" Target="/xl/book.xml"/></Relationships>`,
      ),
      "xl/book.xml": strToU8(
        `<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/book.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="sheets/one.xml"/></Relationships>`,
      ),
      "xl/sheets/one.xml": strToU8(
        `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>`,
      ),
    });
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.name).toBe("Roster");
    expect(sheet!.rows[0]).toEqual(["Name"]);
  });
});
