/**
 * How far an op reaches: the rows and columns every range it carries needs — values and also
 * formats, merges, drop-down lists, row heights, column widths, links and frozen panes.
 * Hosts whose sheets have a fixed grid (the Sheets API: a new tab is made with a row and column
 * count, and any range past them is refused) grow the grid to this before writing; one answer
 * for every kind of range, so a new format kind cannot slip past the grid again.
 */
import type { PatchOp } from "./patch.js";

export interface OpExtent {
  /** Rows from the top of the sheet, 1 past the last row any range of the op touches. */
  readonly rows: number;
  /** Columns from A, 1 past the last column any range of the op touches. */
  readonly columns: number;
}

export function opExtent(op: PatchOp): OpExtent {
  if (op.op === "writeCells") {
    const width = Math.max(0, ...op.values.map((row) => row.length));
    return width === 0 || op.values.length === 0
      ? { rows: 0, columns: 0 }
      : { rows: op.row + op.values.length, columns: op.column + width };
  }
  let rows = op.rows.length;
  let columns = Math.max(0, ...op.rows.map((row) => row.length));
  const reach = (row: number, column: number): void => {
    rows = Math.max(rows, row + 1);
    columns = Math.max(columns, column + 1);
  };
  const format = op.format ?? {};
  // Styles that run across the sheet's width or down its height need at least one cell.
  const styled =
    (format.headerRows ?? 0) > 0 ||
    (format.rowStyles?.length ?? 0) > 0 ||
    (format.wrapColumns?.length ?? 0) > 0;
  if (styled) reach(Math.max(0, rows - 1), Math.max(0, columns - 1));
  if ((format.headerRows ?? 0) > 0) reach(format.headerRows! - 1, 0);
  for (const column of format.wrapColumns ?? []) reach(0, column);
  for (const { row } of format.rowStyles ?? []) reach(row, 0);
  for (const { row, column } of format.answerCells ?? []) reach(row, column);
  for (const { row, column } of format.labelCells ?? []) reach(row, column);
  for (const { row, column } of format.links ?? []) reach(row, column);
  for (const { column } of format.numberFormats ?? []) reach(0, column);
  for (const { bottom, right } of format.merges ?? []) reach(bottom, right);
  for (const { row } of format.rowHeights ?? []) reach(row, 0);
  for (const { column, toRow } of format.listValidations ?? []) reach(toRow, column);
  if ((format.columnWidths?.length ?? 0) > 0) reach(0, format.columnWidths!.length - 1);
  // A sheet cannot freeze all of its rows or columns: keep one free below and beside.
  if ((format.freezeRows ?? 0) > 0) reach(format.freezeRows!, 0);
  if ((format.freezeColumns ?? 0) > 0) reach(0, format.freezeColumns!);
  return { rows, columns };
}
