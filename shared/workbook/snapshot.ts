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
    }),
  ),
});
