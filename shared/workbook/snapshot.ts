import { z } from "zod";

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
  /** What the host saw while reading that the values alone cannot say; see {@link ReadNote}. */
  readonly notes?: readonly ReadNote[];
}

/**
 * A fact about how a cell or row was read, so the core can account for it in an issue:
 * - `formula-without-value`: a formula saved without its result (written by a script, never
 *   opened in Excel); the cell reads as blank.
 * - `control-characters`: stray control bytes (a NUL in a CSV) were removed from the cell.
 * - `table-totals-row`: the totals row of an Excel Table (`detail` is the table's name); its
 *   cells are left out of `rows` so a total never becomes a person.
 * - `hidden-row`: a row hidden by hand or by a filter; it is read like any other.
 */
export type ReadNoteCode =
  "formula-without-value" | "control-characters" | "table-totals-row" | "hidden-row";

export interface ReadNote {
  readonly code: ReadNoteCode;
  /** 0-based, like `rows`. */
  readonly row: number;
  /** 0-based; null when the note is about the whole row. */
  readonly column: number | null;
  readonly detail?: string;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
}

/**
 * The same shape as a zod schema, for hosts to check what they read before the core sees it
 * (an Office.js or Apps Script value of an unexpected type becomes a clear error, not a crash).
 */
export const cellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]);
export const workbookSnapshotSchema = z.object({
  sheets: z.array(
    z.object({
      name: z.string().min(1),
      rows: z.array(z.array(cellValueSchema)),
      merges: z
        .array(
          z.object({
            top: z.number().int().min(0),
            left: z.number().int().min(0),
            bottom: z.number().int().min(0),
            right: z.number().int().min(0),
          }),
        )
        .optional(),
      notes: z
        .array(
          z.object({
            code: z.enum([
              "formula-without-value",
              "control-characters",
              "table-totals-row",
              "hidden-row",
            ]),
            row: z.number().int().min(0),
            column: z.number().int().min(0).nullable(),
            detail: z.string().optional(),
          }),
        )
        .optional(),
    }),
  ),
});
