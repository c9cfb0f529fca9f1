/**
 * What a host must write, as plain ordered operations. Hosts apply a patch in as few round
 * trips as they can; the core never writes anything itself. Every string is written as text,
 * never as a formula, even when it starts with "=", "+", "-" or "@".
 */
import type { CellValue, MergedRange } from "./snapshot.js";

export type RowStyle = "title" | "section" | "muted" | "warning" | "error" | "header";

export interface CellLink {
  row: number;
  column: number;
  /** A place in the workbook: `Roster!C14` or `'Plan – Smith'!A1`. */
  target: string;
  /** Another workbook beside this one (a file name), when the place is there. */
  file?: string;
}

export interface SheetFormat {
  /** Leading rows styled as column headings (bold, shaded). */
  headerRows?: number;
  freezeRows?: number;
  freezeColumns?: number;
  /** Widths in characters, by column. */
  columnWidths?: readonly number[];
  /** Columns whose text wraps. */
  wrapColumns?: readonly number[];
  /** A drop-down list on a column, from `fromRow` (0-based) down to `toRow`. */
  listValidations?: readonly {
    column: number;
    fromRow: number;
    toRow: number;
    values: readonly string[];
  }[];
  /** Rows given a semantic style; each host maps the style to its own look. */
  rowStyles?: readonly { row: number; style: RowStyle }[];
  /** Cells styled as a place to type an answer (shaded, bordered, wrapping, top-aligned). */
  answerCells?: readonly { row: number; column: number }[];
  /** Cells styled as field labels (bold). */
  labelCells?: readonly { row: number; column: number }[];
  merges?: readonly MergedRange[];
  /** Heights in points. */
  rowHeights?: readonly { row: number; height: number }[];
  links?: readonly CellLink[];
  /** Number formats by column (e.g. "0.0"). */
  numberFormats?: readonly { column: number; format: string }[];
  /** Print on one page wide. */
  fitToWidth?: boolean;
}

export type PatchOp =
  /** Create the sheet, or replace all content of a sheet the product owns. */
  | {
      op: "setSheet";
      sheet: string;
      rows: CellValue[][];
      format?: SheetFormat;
      position?: "end" | "start";
    }
  /** Write a block of cells, leaving everything else on the sheet as it is. */
  | { op: "writeCells"; sheet: string; row: number; column: number; values: CellValue[][] };

export interface Patch {
  ops: PatchOp[];
}

/** Text a spreadsheet would otherwise take for a formula: hosts must force it to text. */
export function looksLikeFormula(value: CellValue): boolean {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value);
}
