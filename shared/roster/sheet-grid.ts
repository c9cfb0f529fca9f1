import type { CellValue, SheetSnapshot } from "../workbook/snapshot.js";

/**
 * Cell access for the data part of a sheet. A block merged down a column (a division written
 * once beside several people) gives its value to every row of the block, as a reader sees it.
 */
export function dataGrid(
  sheet: SheetSnapshot,
  headerRow: number,
): (row: number, column: number) => CellValue {
  const filled = new Map<string, CellValue>();
  for (const merge of sheet.merges ?? []) {
    if (merge.top <= headerRow || merge.bottom === merge.top) continue;
    const value = sheet.rows[merge.top]?.[merge.left] ?? null;
    for (let row = merge.top + 1; row <= merge.bottom; row++)
      filled.set(`${row}:${merge.left}`, value);
  }
  return (row, column) => filled.get(`${row}:${column}`) ?? sheet.rows[row]?.[column] ?? null;
}

export function rowWidth(sheet: SheetSnapshot, row: number): number {
  return sheet.rows[row]?.length ?? 0;
}
