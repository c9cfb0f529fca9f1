/**
 * The pieces of package patching on their own: kept entries leave with their compressed bytes,
 * styles are appended without moving existing indexes (and not again on a re-run), and the
 * owned sheets' strings go inline with their styles remapped.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { XlsxPackage } from "../../cli/io/xlsx-package.js";
import { mergeStyles } from "../../cli/io/merge-styles.js";
import { transplantSheets } from "../../cli/io/transplant-sheets.js";
import { readZipDirectory } from "../../cli/io/zip-directory.js";

const chart = fileURLToPath(new URL("../fixtures/excel-made/WithChart.xlsx", import.meta.url));

function stored(bytes: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(bytes);
  return new Map(
    (readZipDirectory(bytes) ?? []).map((entry) => {
      const at = entry.localHeaderOffset;
      const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
      return [entry.name, buffer.subarray(start, start + entry.compressedSize).toString("hex")];
    }),
  );
}

describe("XlsxPackage", () => {
  it("writes back kept entries with their compressed bytes, in their order", () => {
    const original = new Uint8Array(readFileSync(chart));
    const copy = XlsxPackage.read(original).toBytes();
    expect([...stored(copy)]).toEqual([...stored(original)]);
  });

  it("reads and replaces a part, leaving the others", () => {
    const original = new Uint8Array(readFileSync(chart));
    const pkg = XlsxPackage.read(original);
    expect(pkg.text("xl/workbook.xml")).toContain("<sheets>");
    pkg.set("docProps/core.xml", "<changed/>");
    const entries = unzipSync(pkg.toBytes());
    expect(strFromU8(entries["docProps/core.xml"]!)).toBe("<changed/>");
    const before = stored(original);
    const after = stored(pkg.toBytes());
    for (const [name, bytes] of before)
      if (name !== "docProps/core.xml") expect(after.get(name), name).toBe(bytes);
  });
});

describe("mergeStyles", () => {
  const user = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const scratch = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

  it("appends what is missing and keeps every existing index", () => {
    const merged = mergeStyles(user, scratch);
    expect(merged.cellFormat(0)).toBe(0);
    expect(merged.cellFormat(1)).toBe(2);
    expect(merged.cellFormat(2)).toBe(3);
    expect(merged.xml).toContain('<fonts count="2"><font><sz val="11"/></font><font><b/>');
    expect(merged.xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="0.0"/>',
    );
    expect(merged.xml).toContain('<xf numFmtId="165" fontId="0"');
    expect(merged.xml).toContain('<cellStyleXfs count="1">');
  });

  it("adds nothing the second time", () => {
    const once = mergeStyles(user, scratch).xml;
    const twice = mergeStyles(once, scratch);
    expect(twice.xml).toBe(once);
    expect(twice.cellFormat(1)).toBe(2);
  });
});

describe("transplantSheets", () => {
  it("adds a sheet with inline strings and remapped styles, after the user's sheets", async () => {
    const scratch = new ExcelJS.Workbook();
    const sheet = scratch.addWorksheet("Pairs & notes");
    sheet.getCell("A1").value = "=not a formula";
    sheet.getCell("A1").font = { bold: true };
    sheet.getCell("B1").value = 3;
    const pkg = XlsxPackage.read(new Uint8Array(readFileSync(chart)));
    transplantSheets(pkg, XlsxPackage.read(new Uint8Array(await scratch.xlsx.writeBuffer())), [
      "Pairs & notes",
    ]);
    const workbook = pkg.text("xl/workbook.xml")!;
    expect(workbook).toMatch(
      /<sheet name="Sheet3"[^>]*\/><sheet name="Pairs &amp; notes" sheetId="4" r:id="rId\d+"\/><\/sheets>/,
    );
    const added = pkg.text("xl/worksheets/sheet4.xml")!;
    expect(added).toContain('t="inlineStr"><is><t');
    expect(added).toContain("=not a formula");
    expect(added).not.toContain("tabSelected");
    const result = new ExcelJS.Workbook();
    // ExcelJS's declared Buffer type predates @types/node's generic Buffer.
    await result.xlsx.load(Buffer.from(pkg.toBytes()) as unknown as ExcelJS.Buffer);
    const read = result.getWorksheet("Pairs & notes")!;
    expect(read.getCell("A1").value).toBe("=not a formula");
    expect(read.getCell("A1").font?.bold).toBe(true);
    expect(read.getCell("B1").value).toBe(3);
    expect(result.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      "Sheet2",
      "Sheet3",
      "Pairs & notes",
    ]);
  });
});
