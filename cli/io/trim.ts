import type { CellValue } from "../../shared/workbook/snapshot.js";

/**
 * Drops trailing nulls from every row and trailing empty rows from the sheet. Leading and inner
 * empties stay, so indices keep matching sheet rows and columns.
 */
export function trimRows(rows: CellValue[][]): CellValue[][] {
  for (const row of rows) {
    let length = row.length;
    while (length > 0 && row[length - 1] === null) length--;
    row.length = length;
  }
  let count = rows.length;
  while (count > 0 && rows[count - 1]!.length === 0) count--;
  rows.length = count;
  return rows;
}
