/**
 * What a host read from a workbook, as plain data. Hosts (Excel, Apps Script, the CLI) build
 * it in one batch; the core never touches a host API.
 */

/** One cell's value as every host can give it. Dates arrive as Date, never as serial numbers. */
export type CellValue = string | number | boolean | Date | null;

/** A merged block, 0-based and inclusive, as reported by the host. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** rows[0] is sheet row 1, rows[r][0] is column A. Rows may be ragged. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged blocks; only the top-left cell of a block holds the value in `rows`. */
  readonly merges?: readonly MergedRange[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
}
