/**
 * The core's form document model as Google Docs API v1 `batchUpdate` requests, for an empty
 * document body (one empty paragraph at index 1).
 *
 * Indexes are UTF-16 code units, as the Docs API counts them (JavaScript's `length`: "🌟" is
 * 2, a precomposed "ễ" is 1). Content is appended in order, always at the body's last
 * paragraph, so nothing inserted later moves what came before; all styles are applied after
 * all text, by range, on the final indexes. Tables: `insertTable` (which adds a newline before
 * the table) and then the cells filled from the last one to the first, so each cell's index
 * is still the one computed for the empty table.
 *
 * Empty-table layout (the Docs structure): table start, then per row a row marker and per cell
 * a cell marker and the cell's empty paragraph ("\n"): a cell's paragraph is at
 * tableStart + 3 + r·(1 + 2·columns) + 2·c, and the table ends at tableStart + 1 + rows·(1 + 2·columns).
 */
import type { Block, FormDocument, Run } from "../../shared/index.js";
import type { docs_v1 } from "googleapis";

type Request = docs_v1.Schema$Request;

/** US Letter with one-inch margins: 6.5 inches of text, in points (as the Apps Script host). */
const textWidthPoints = 468;
const signatureBlank = 30;
const dateBlank = 12;

interface Styled {
  start: number;
  end: number;
  run: Run;
}

export function documentRequests(document: FormDocument): Request[] {
  const inserts: Request[] = [];
  const styles: Request[] = [];
  const runs: Styled[] = [];
  const small: { start: number; end: number }[] = [];
  /** Where the next content goes: the start of the body's last (empty) paragraph. */
  let at = 1;

  const paragraph = (parts: readonly Run[]): { start: number; end: number } => {
    const text = parts.map((run) => run.text).join("") + "\n";
    const start = at;
    inserts.push({ insertText: { location: { index: start }, text } });
    let offset = start;
    for (const run of parts) {
      runs.push({ start: offset, end: offset + run.text.length, run });
      offset += run.text.length;
    }
    at += text.length;
    return { start, end: at };
  };

  for (const block of document.blocks) {
    switch (block.kind) {
      case "heading": {
        const range = paragraph(block.runs);
        styles.push({
          updateParagraphStyle: {
            range: { startIndex: range.start, endIndex: range.end },
            paragraphStyle: { namedStyleType: `HEADING_${block.level}` },
            fields: "namedStyleType",
          },
        });
        break;
      }
      case "paragraph":
        paragraph(block.runs);
        break;
      case "note":
        small.push(paragraph(block.runs));
        break;
      case "checkbox":
        paragraph([{ text: block.checked ? "☒ " : "☐ " }, ...block.runs]);
        break;
      case "fillIn":
        paragraph(fillInRuns(block));
        break;
      case "signatures":
        for (const line of block.lines) {
          const date =
            line.dateLabel === null ? "" : `   ${line.dateLabel} ${"_".repeat(dateBlank)}`;
          paragraph([{ text: `${line.label} ${"_".repeat(signatureBlank)}${date}` }]);
        }
        break;
      case "pageBreak":
        // A page break and a newline after it.
        inserts.push({ insertPageBreak: { location: { index: at } } });
        at += 2;
        break;
      case "table":
        at = table(block, at, inserts, styles, runs);
        break;
    }
  }

  const all = { startIndex: 1, endIndex: at };
  return [
    ...inserts,
    // Inserted text takes the style of what it follows: reset, then style by range.
    {
      updateTextStyle: {
        range: all,
        textStyle: { bold: false, italic: false },
        fields: "bold,italic",
      },
    },
    ...styles,
    ...runs
      .filter(({ run, start, end }) => end > start && (run.bold === true || run.italic === true))
      .map(({ run, start, end }): Request => ({
        updateTextStyle: {
          range: { startIndex: start, endIndex: end },
          textStyle: {
            ...(run.bold === true ? { bold: true } : {}),
            ...(run.italic === true ? { italic: true } : {}),
          },
          fields: [run.bold === true ? "bold" : "", run.italic === true ? "italic" : ""]
            .filter((f) => f !== "")
            .join(","),
        },
      })),
    ...small.map((range): Request => ({
      updateTextStyle: {
        range: { startIndex: range.start, endIndex: range.end },
        textStyle: { fontSize: { magnitude: 8, unit: "PT" } },
        fields: "fontSize",
      },
    })),
  ];
}

function fillInRuns(block: Extract<Block, { kind: "fillIn" }>): Run[] {
  const runs: Run[] = [];
  block.fields.forEach((field, i) => {
    if (i > 0) runs.push({ text: " " });
    runs.push(...field.label);
    if (field.blank > 0)
      runs.push({ text: `${field.label.length > 0 ? " " : ""}${"_".repeat(field.blank)}` });
  });
  return runs;
}

/** Inserts a table at `at` and fills it; returns where content after it goes. */
function table(
  block: Extract<Block, { kind: "table" }>,
  at: number,
  inserts: Request[],
  styles: Request[],
  runs: Styled[],
): number {
  const rows = [block.header, ...block.rows];
  const columns = block.header.length;
  inserts.push({
    insertTable: { rows: rows.length, columns, location: { index: at } },
  });
  // insertTable puts a newline before the table.
  const tableStart = at + 1;
  const rowSize = 1 + 2 * columns;
  const emptyIndex = (r: number, c: number) => tableStart + 3 + r * rowSize + 2 * c;
  const cells = rows.flatMap((row, r) => row.map((cell, c) => ({ r, c, runs: cell.runs })));
  // Filled from the last cell back, so the empty table's indexes hold for every insert.
  for (const cell of [...cells].reverse()) {
    const text = cell.runs.map((run) => run.text).join("");
    if (text !== "")
      inserts.push({ insertText: { location: { index: emptyIndex(cell.r, cell.c) }, text } });
  }
  // Final indexes: each cell moves by the text of the cells before it.
  let shift = 0;
  for (const cell of cells) {
    let offset = emptyIndex(cell.r, cell.c) + shift;
    const cellStart = offset;
    for (const run of cell.runs) {
      runs.push({
        start: offset,
        end: offset + run.text.length,
        run: cell.r === 0 ? { ...run, bold: true } : run,
      });
      offset += run.text.length;
    }
    shift += offset - cellStart;
  }
  const widths = block.columnWidths;
  if (widths !== undefined) {
    const total = widths.reduce((sum, w) => sum + w, 0);
    widths.forEach((w, c) =>
      styles.push({
        updateTableColumnProperties: {
          tableStartLocation: { index: tableStart },
          columnIndices: [c],
          tableColumnProperties: {
            widthType: "FIXED_WIDTH",
            width: { magnitude: Math.round((w / total) * textWidthPoints), unit: "PT" },
          },
          fields: "width,widthType",
        },
      }),
    );
  }
  return tableStart + 1 + rows.length * rowSize + shift;
}
