/**
 * Control characters in cell text (a NUL from a broken export, a BEL from an `_x0007_` escape)
 * are invisible, break matching by name or e-mail, and cannot be written back into a workbook.
 * They are removed here, and each affected cell gets a note so the core reports it at the cell
 * instead of the reader refusing the whole file.
 */
import type { CellValue, ReadNote } from "../../shared/workbook/snapshot.js";

// Tab, line feed and carriage return are text; every other C0 control and DEL is not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ALL_CONTROL = new RegExp(CONTROL.source, "g");

/** Cleans `rows` in place; returns one note per cell that held control characters. */
export function removeControlCharacters(rows: CellValue[][]): ReadNote[] {
  const notes: ReadNote[] = [];
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value !== "string" || !CONTROL.test(value)) return;
      const cleaned = value.replace(ALL_CONTROL, "");
      row[c] = cleaned.trim() === "" ? null : cleaned;
      notes.push({ code: "control-characters", row: r, column: c });
    });
  });
  return notes;
}
