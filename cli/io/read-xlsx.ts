/**
 * An .xlsx / .xlsm workbook (already known to be a zip holding xl/workbook.xml) to sheet
 * snapshots. Every worksheet is read, hidden ones included; chart sheets have no cells and
 * ExcelJS does not load them, so they never appear.
 */
import ExcelJS from "exceljs";
import { columnIndex } from "../../shared/workbook/cell-ref.js";
import type { CellValue, MergedRange } from "../../shared/workbook/snapshot.js";
import { toCellValue } from "./cell-value.js";
import { trimRows } from "./trim.js";

export interface RawSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  readonly merges: MergedRange[];
}

/** Throws whatever ExcelJS throws; the caller turns it into a "damaged" error. */
export async function readXlsx(bytes: Buffer): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's declared Buffer type predates @types/node's generic Buffer.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(readWorksheet);
}

function readWorksheet(worksheet: ExcelJS.Worksheet): RawSheet {
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Cells covered by a merge report the master's value; only the master keeps it.
      const value = cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value);
      if (value === null) return;
      while (values.length < columnNumber - 1) values.push(null);
      values[columnNumber - 1] = value;
    });
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  return {
    name: worksheet.name,
    rows: trimRows(rows),
    merges: worksheet.model.merges.flatMap((range) => parseRange(range) ?? []),
  };
}

/** "B3:D5" (or a lone "B3") to a 0-based inclusive range; null for anything else. */
export function parseRange(range: string): MergedRange | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!match) return null;
  const left = columnIndex(match[1]!);
  const right = columnIndex(match[3] ?? match[1]!);
  const top = Number(match[2]) - 1;
  const bottom = Number(match[4] ?? match[2]) - 1;
  if (left === null || right === null || top < 0 || bottom < 0) return null;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
