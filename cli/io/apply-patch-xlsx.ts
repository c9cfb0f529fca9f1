/**
 * The CLI's patch applier: the core's patch written with ExcelJS. Strings always go in as
 * strings (ExcelJS writes a formula only for `{ formula }` values), so "=cmd" stays text.
 *
 * On a user's .xlsx/.xlsm, ExcelJS writes only a scratch workbook holding the sheets the patch
 * touches; those sheets are then transplanted into the user's own package, whose other parts
 * (charts, pivots, macros, Tables…) are copied byte for byte. The patch stays the one
 * description of what is written; ExcelJS never rewrites a sheet the product does not own.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { encodeExcelEscapes } from "./xlsx/excel-escapes.js";
import { transplantSheets } from "./transplant-sheets.js";
import { XlsxPackage } from "./xlsx-package.js";
import type {
  CellValue,
  Patch,
  PatchOp,
  SheetFormat,
  WorkbookSnapshot,
} from "../../shared/index.js";

type Ordered = ExcelJS.Worksheet & { orderNo: number };

const styles = {
  headerFill: "FFDCE6F1",
  warningFill: "FFFFF2CC",
  errorFill: "FFF8D7DA",
  mutedFont: "FF7F7F7F",
  answerFill: "FFFFFBEA",
  answerBorder: "FFBFBFBF",
} as const;

/** A workbook to write into: the original .xlsx (keeps its formatting) or one built from the snapshot. */
export async function baseWorkbook(
  xlsxInput: string | null,
  snapshot: WorkbookSnapshot,
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (xlsxInput !== null) {
    await workbook.xlsx.readFile(xlsxInput);
    return workbook;
  }
  for (const sheet of snapshot.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => writeValue(worksheet.getCell(r + 1, c + 1), value)),
    );
  }
  return workbook;
}

/**
 * The bytes of the workbook to write: the user's package with the patch's sheets patched in,
 * or (for a CSV input, or none) a new workbook built from the snapshot.
 */
export async function patchedWorkbookBytes(
  xlsxInput: string | null,
  snapshot: WorkbookSnapshot,
  patch: Patch,
): Promise<Uint8Array> {
  if (xlsxInput === null) {
    const workbook = await baseWorkbook(null, snapshot);
    applyPatch(workbook, patch);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const original = new Uint8Array(await readFile(xlsxInput));
  const owned = touchedSheets(patch);
  if (owned.length === 0) return original;
  // Cells written into sheets the patch does not create (a refreshed plan tab, new rows of
  // the Forms log) need those sheets as they are, so ExcelJS then reads the whole workbook.
  const scratch = writesIntoExistingSheets(patch)
    ? await baseWorkbook(xlsxInput, snapshot)
    : new ExcelJS.Workbook();
  applyPatch(scratch, patch);
  const scratchBytes = new Uint8Array(await scratch.xlsx.writeBuffer({ useSharedStrings: false }));
  const pkg = XlsxPackage.read(original);
  transplantSheets(pkg, XlsxPackage.read(scratchBytes), owned);
  return pkg.toBytes();
}

/** Every sheet the patch creates, replaces or writes into, in order. */
export function touchedSheets(patch: Patch): string[] {
  return [...new Set(patch.ops.map((op) => op.sheet))];
}

function writesIntoExistingSheets(patch: Patch): boolean {
  const created = new Set<string>();
  for (const op of patch.ops) {
    if (op.op === "setSheet") created.add(op.sheet);
    else if (!created.has(op.sheet)) return true;
  }
  return false;
}

export function applyPatch(workbook: ExcelJS.Workbook, patch: Patch): void {
  for (const op of patch.ops) applyOp(workbook, op);
}

function applyOp(workbook: ExcelJS.Workbook, op: PatchOp): void {
  if (op.op === "writeCells") {
    const worksheet = workbook.getWorksheet(op.sheet) ?? workbook.addWorksheet(op.sheet);
    op.values.forEach((row, r) =>
      row.forEach((value, c) =>
        writeValue(worksheet.getCell(op.row + r + 1, op.column + c + 1), value),
      ),
    );
    return;
  }
  const existing = workbook.getWorksheet(op.sheet);
  if (existing !== undefined) workbook.removeWorksheet(existing.id);
  const worksheet = workbook.addWorksheet(op.sheet);
  // A replaced sheet keeps its place among the tabs.
  // ExcelJS orders tabs by `orderNo`, which its typings leave out.
  if (existing !== undefined) (worksheet as Ordered).orderNo = (existing as Ordered).orderNo;
  op.rows.forEach((row, r) =>
    row.forEach((value, c) => writeValue(worksheet.getCell(r + 1, c + 1), value)),
  );
  if (op.format !== undefined) applyFormat(worksheet, op.format, op.rows);
}

function writeValue(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null || value === "") return;
  // ExcelJS drops control characters and writes "_x0041_" as it is (read back as "A"):
  // escape them as Excel does, so every text reads back as written.
  cell.value = typeof value === "string" ? encodeExcelEscapes(value) : value;
}

function applyFormat(
  worksheet: ExcelJS.Worksheet,
  format: SheetFormat,
  rows: readonly CellValue[][],
): void {
  const width = Math.max(0, ...rows.map((row) => row.length));
  format.columnWidths?.forEach((chars, c) => {
    worksheet.getColumn(c + 1).width = chars;
  });
  for (const column of format.wrapColumns ?? []) {
    for (let r = 1; r <= rows.length; r++)
      worksheet.getCell(r, column + 1).alignment = { wrapText: true, vertical: "top" };
  }
  for (const { column, format: numFmt } of format.numberFormats ?? [])
    worksheet.getColumn(column + 1).numFmt = numFmt;
  for (let r = 0; r < (format.headerRows ?? 0); r++) {
    for (let c = 0; c < width; c++) {
      const cell = worksheet.getCell(r + 1, c + 1);
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: styles.headerFill } };
      cell.border = { bottom: { style: "thin" } };
    }
  }
  for (const merge of format.merges ?? []) {
    worksheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  }
  for (const { row, height } of format.rowHeights ?? []) worksheet.getRow(row + 1).height = height;
  for (const { row, column } of format.labelCells ?? [])
    worksheet.getCell(row + 1, column + 1).font = { bold: true };
  const thin = { style: "thin", color: { argb: styles.answerBorder } } as const;
  for (const { row, column } of format.answerCells ?? []) {
    const cell = worksheet.getCell(row + 1, column + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: styles.answerFill } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    cell.alignment = { wrapText: true, vertical: "top" };
  }
  for (const { row, style } of format.rowStyles ?? []) {
    const excelRow = worksheet.getRow(row + 1);
    if (style === "title") excelRow.font = { bold: true, size: 14 };
    else if (style === "section") excelRow.font = { bold: true, size: 12 };
    else if (style === "muted") excelRow.font = { color: { argb: styles.mutedFont } };
    else if (style === "header") {
      for (let c = 0; c < Math.max(1, rows[row]?.length ?? 0); c++) {
        const cell = excelRow.getCell(c + 1);
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: styles.headerFill } };
        cell.border = { bottom: { style: "thin" } };
      }
    } else {
      const fill: ExcelJS.Fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: style === "error" ? styles.errorFill : styles.warningFill },
      };
      for (let c = 0; c < width; c++) excelRow.getCell(c + 1).fill = fill;
    }
  }
  for (const validation of format.listValidations ?? []) {
    const list = `"${validation.values.join(",")}"`;
    for (let r = validation.fromRow; r <= validation.toRow; r++) {
      worksheet.getCell(r + 1, validation.column + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [list],
        showErrorMessage: false,
      };
    }
  }
  for (const link of format.links ?? []) {
    const cell = worksheet.getCell(link.row + 1, link.column + 1);
    const text = typeof cell.value === "string" ? cell.value : link.target;
    cell.value = { text, hyperlink: `${link.file ?? ""}#${link.target}` };
    cell.font = { color: { argb: "FF0563C1" }, underline: true };
  }
  if (format.freezeRows !== undefined || format.freezeColumns !== undefined) {
    worksheet.views = [
      { state: "frozen", xSplit: format.freezeColumns ?? 0, ySplit: format.freezeRows ?? 0 },
    ];
  }
  if (format.fitToWidth) {
    worksheet.pageSetup = {
      ...worksheet.pageSetup,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      orientation: "landscape",
    };
  }
}
