/**
 * A small, host-neutral document model for printable forms. The core builds it from a template;
 * each host renders it its own way (the CLI and the Excel add-in to .docx, Apps Script to a
 * Google Doc, the core itself to HTML for previews). It says what a block is, never how it looks.
 */
import { z } from "zod";

/** A piece of text with one formatting. */
export const runSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type Run = z.infer<typeof runSchema>;

const runsSchema = z.array(runSchema);

export const headingBlockSchema = z.object({
  kind: z.literal("heading"),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  runs: runsSchema,
});

export const paragraphBlockSchema = z.object({
  kind: z.literal("paragraph"),
  runs: runsSchema,
});

/** One item of a check-box list: a box (ticked or not) and its text. */
export const checkboxBlockSchema = z.object({
  kind: z.literal("checkbox"),
  checked: z.boolean(),
  runs: runsSchema,
});

export const tableCellSchema = z.object({ runs: runsSchema });
export type TableCell = z.infer<typeof tableCellSchema>;

/** A bordered table: a header row, then rows with as many cells as the header. */
export const tableBlockSchema = z
  .object({
    kind: z.literal("table"),
    header: z.array(tableCellSchema).min(1),
    rows: z.array(z.array(tableCellSchema)),
    /** Relative widths, one per column (hosts scale them to the page); absent = equal. */
    columnWidths: z.array(z.number().positive()).optional(),
  })
  .refine((table) => table.rows.every((row) => row.length === table.header.length), {
    message: "every row has as many cells as the header",
  })
  .refine(
    (table) =>
      table.columnWidths === undefined || table.columnWidths.length === table.header.length,
    { message: "one width per column" },
  );

/**
 * A line to fill in: each field is a label followed by a blank of `blank` characters
 * ("Patient Care ____ Teaching ____"). A last field with blank 0 is trailing text.
 */
export const fillInFieldSchema = z.object({
  label: runsSchema,
  blank: z.number().int().min(0).max(200),
});
export type FillInField = z.infer<typeof fillInFieldSchema>;

export const fillInBlockSchema = z.object({
  kind: z.literal("fillIn"),
  fields: z.array(fillInFieldSchema).min(1),
});

/** Signature lines: "Faculty Member ________ Date ______", one per line. */
export const signatureLineSchema = z.object({
  label: z.string(),
  /** The label of a date blank after the signature ("Date"), or null for none. */
  dateLabel: z.string().nullable(),
});
export type SignatureLine = z.infer<typeof signatureLineSchema>;

export const signaturesBlockSchema = z.object({
  kind: z.literal("signatures"),
  lines: z.array(signatureLineSchema).min(1),
});

export const pageBreakBlockSchema = z.object({ kind: z.literal("pageBreak") });

/** A footnote-style note (small print), such as the LCME line at the end of each form. */
export const noteBlockSchema = z.object({
  kind: z.literal("note"),
  runs: runsSchema,
});

export const blockSchema = z.discriminatedUnion("kind", [
  headingBlockSchema,
  paragraphBlockSchema,
  checkboxBlockSchema,
  tableBlockSchema,
  fillInBlockSchema,
  signaturesBlockSchema,
  pageBreakBlockSchema,
  noteBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;
export type HeadingBlock = z.infer<typeof headingBlockSchema>;
export type ParagraphBlock = z.infer<typeof paragraphBlockSchema>;
export type CheckboxBlock = z.infer<typeof checkboxBlockSchema>;
export type TableBlock = z.infer<typeof tableBlockSchema>;
export type FillInBlock = z.infer<typeof fillInBlockSchema>;
export type SignaturesBlock = z.infer<typeof signaturesBlockSchema>;
export type NoteBlock = z.infer<typeof noteBlockSchema>;

export const formDocumentSchema = z.object({
  /** The document's title (file properties, the Google Doc's name, the HTML <title>). */
  title: z.string(),
  blocks: z.array(blockSchema),
});
export type FormDocument = z.infer<typeof formDocumentSchema>;

/** The text of some runs, formatting dropped. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join("");
}

/**
 * The document as plain text, one line per paragraph, table row or signature line: for
 * searches, tests and hosts that need a text-only fallback.
 */
export function documentText(document: FormDocument): string {
  const lines: string[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case "heading":
      case "paragraph":
      case "note":
        lines.push(runsText(block.runs));
        break;
      case "checkbox":
        lines.push(`${block.checked ? "☒" : "☐"} ${runsText(block.runs)}`);
        break;
      case "table":
        for (const row of [block.header, ...block.rows])
          lines.push(row.map((cell) => runsText(cell.runs)).join(" | "));
        break;
      case "fillIn":
        lines.push(
          block.fields
            .map((field) =>
              [runsText(field.label), "_".repeat(field.blank)].filter((t) => t !== "").join(" "),
            )
            .join(" "),
        );
        break;
      case "signatures":
        for (const line of block.lines)
          lines.push(
            `${line.label} ${"_".repeat(30)}` +
              (line.dateLabel === null ? "" : ` ${line.dateLabel} ${"_".repeat(12)}`),
          );
        break;
      case "pageBreak":
        lines.push("\f");
        break;
    }
  }
  return lines.join("\n");
}
