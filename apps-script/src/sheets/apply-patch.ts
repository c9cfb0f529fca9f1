/**
 * The core's patch written with SpreadsheetApp: each block of values in one `setValues`, its
 * number formats in one `setNumberFormats`, formatting by range lists. Text that a sheet would
 * take for a formula ("=…", "+…", "-…", "@…") is text-formatted ("@") before it is written.
 * A range past the sheet's rows or columns is refused (a new sheet has 1000 × 26), so the
 * grid is first grown to everything the op reaches — values, lists, merges, widths, freezes.
 */
import {
  looksLikeFormula,
  opExtent,
  type CellValue,
  type OpExtent,
  type PatchOp,
} from "../../../shared/index.js";
import { applySheetFormat } from "./apply-format.js";
import { linkRuns, type CellUrl, type TabUrl } from "./links.js";
import { temporarySheetName } from "./temporary-sheets.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ApplyOptions {
  /** Files this run created, by the name the patch writes (the Forms log's File column). */
  fileUrls?: ReadonlyMap<string, string>;
  /** Tabs of the additional plan spreadsheets, for links with a `file` (the Pairs sheet's). */
  tabUrl?: TabUrl;
}

export function applyOp(spreadsheet: Spreadsheet, op: PatchOp, options: ApplyOptions = {}): void {
  if (op.op === "writeCells") {
    const sheet = spreadsheet.getSheetByName(op.sheet) ?? spreadsheet.insertSheet(op.sheet);
    ensureGrid(sheet, opExtent(op));
    const grid = rectangular(op.values);
    writeBlock(sheet, op.row, op.column, grid, new Map());
    linkFiles(sheet, op.row, op.column, grid, options.fileUrls);
    return;
  }
  const grid = rectangular(op.rows);
  const columnFormats = new Map(
    (op.format?.numberFormats ?? []).map(({ column, format }) => [column, format]),
  );
  const extent = opExtent(op);
  const existing = spreadsheet.getSheetByName(op.sheet);
  if (existing !== null) {
    ensureGrid(existing, extent);
    // Values first, then the leftovers: the header row stays ours at every moment, so an
    // interrupted run still recognises the sheet as the product's.
    resetFormats(existing);
    writeBlock(existing, 0, 0, grid, columnFormats);
    clearBeyond(existing, grid);
    applySheetFormat(spreadsheet, existing, op.format ?? {}, grid, options.tabUrl);
    linkFiles(existing, 0, 0, grid, options.fileUrls);
    return;
  }
  const index = op.position === "start" ? 0 : spreadsheet.getNumSheets();
  const building = spreadsheet.insertSheet(temporarySheetName(op.sheet), index);
  ensureGrid(building, extent);
  writeBlock(building, 0, 0, grid, columnFormats);
  applySheetFormat(spreadsheet, building, op.format ?? {}, grid, options.tabUrl);
  linkFiles(building, 0, 0, grid, options.fileUrls);
  building.setName(op.sheet);
}

/** Grows the sheet to reach `extent` (never shrinks it: rows below may hold the user's text). */
function ensureGrid(sheet: Sheet, extent: OpExtent): void {
  const rows = sheet.getMaxRows();
  if (extent.rows > rows) sheet.insertRowsAfter(rows, extent.rows - rows);
  const columns = sheet.getMaxColumns();
  if (extent.columns > columns) sheet.insertColumnsAfter(columns, extent.columns - columns);
}

/** Rows padded to one width; blanks as "" (what setValues expects). */
function rectangular(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
}

function writeBlock(
  sheet: Sheet,
  row: number,
  column: number,
  grid: CellValue[][],
  columnFormats: ReadonlyMap<number, string>,
): void {
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  const range = sheet.getRange(row + 1, column + 1, height, width);
  const needsText = grid.some((cells) => cells.some(looksLikeFormula));
  if (needsText || columnFormats.size > 0) {
    const formats = range.getNumberFormats();
    grid.forEach((cells, r) =>
      cells.forEach((value, c) => {
        const wanted = looksLikeFormula(value) ? "@" : columnFormats.get(column + c);
        const formatRow = formats[r];
        if (wanted !== undefined && formatRow !== undefined) formatRow[c] = wanted;
      }),
    );
    range.setNumberFormats(formats);
  }
  range.setValues(grid);
}

/** A product sheet being replaced loses the previous run's formatting, merges and lists. */
function resetFormats(sheet: Sheet): void {
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clearDataValidations();
  all.clearFormat();
}

function clearBeyond(sheet: Sheet, grid: CellValue[][]): void {
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow > height && lastColumn > 0)
    sheet.getRange(height + 1, 1, lastRow - height, lastColumn).clearContent();
  if (lastColumn > width && height > 0)
    sheet.getRange(1, width + 1, height, lastColumn - width).clearContent();
}

/** Cells naming a file this run created link to it (one call per run of cells in a column). */
function linkFiles(
  sheet: Sheet,
  row: number,
  column: number,
  grid: CellValue[][],
  fileUrls: ReadonlyMap<string, string> | undefined,
): void {
  if (fileUrls === undefined || fileUrls.size === 0) return;
  const links: CellUrl[] = [];
  grid.forEach((cells, r) =>
    cells.forEach((value, c) => {
      const url = typeof value === "string" ? fileUrls.get(value) : undefined;
      if (url !== undefined)
        links.push({ row: row + r, column: column + c, text: String(value), url });
    }),
  );
  linkRuns(sheet, links);
}
