/**
 * The snapshot the core reads: one `getDataRange().getValues()` (and its merges) per sheet,
 * blanks as null. Half-built sheets of an interrupted run (temporary names) are left out.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../shared/index.js";
import { isTemporarySheet } from "./temporary-sheets.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function readSnapshot(spreadsheet: Spreadsheet): WorkbookSnapshot {
  return {
    sheets: spreadsheet
      .getSheets()
      .filter((sheet) => !isTemporarySheet(sheet.getName()))
      .map(readSheet),
  };
}

function readSheet(sheet: Sheet): SheetSnapshot {
  const range = sheet.getDataRange();
  const values: unknown[][] = range.getValues();
  const merges = range.getMergedRanges().map((merged) => ({
    top: merged.getRow() - 1,
    left: merged.getColumn() - 1,
    bottom: merged.getLastRow() - 1,
    right: merged.getLastColumn() - 1,
  }));
  return { name: sheet.getName(), rows: values.map((row) => row.map(cellValue)), merges };
}

/** getValues gives "" for blank cells and Date, number, boolean or string otherwise. */
function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  return String(value);
}
