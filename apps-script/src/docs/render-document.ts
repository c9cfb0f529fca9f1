/**
 * The core's form document model rendered into a Google Doc body with DocumentApp: headings,
 * paragraphs with bold/italic runs, check boxes (☐ / ☒), tables, fill-in lines and signature
 * lines as underscores, notes in small print, page breaks. Rendering replaces the whole body.
 */
import type { Block, FormDocument, Run } from "../../../shared/index.js";

type Body = GoogleAppsScript.Document.Body;
type Text = GoogleAppsScript.Document.Text;

/** US Letter with one-inch margins: 6.5 inches of text, in points. */
const textWidthPoints = 468;
const signatureBlank = 30;
const dateBlank = 12;

export function renderDocument(body: Body, document: FormDocument): void {
  body.clear();
  for (const block of document.blocks) renderBlock(body, block);
  // clear() leaves one empty paragraph at the top; drop it once there is other content.
  const first = body.getNumChildren() > 1 ? body.getChild(0) : null;
  if (first !== null && first.getType() === DocumentApp.ElementType.PARAGRAPH) {
    if (first.asParagraph().getText() === "") first.removeFromParent();
  }
}

function renderBlock(body: Body, block: Block): void {
  switch (block.kind) {
    case "heading": {
      const paragraph = appendRuns(body, block.runs);
      paragraph.setHeading(
        block.level === 1
          ? DocumentApp.ParagraphHeading.HEADING1
          : block.level === 2
            ? DocumentApp.ParagraphHeading.HEADING2
            : DocumentApp.ParagraphHeading.HEADING3,
      );
      return;
    }
    case "paragraph":
      appendRuns(body, block.runs);
      return;
    case "note":
      appendRuns(body, block.runs).editAsText().setFontSize(8);
      return;
    case "checkbox":
      appendRuns(body, [{ text: block.checked ? "☒ " : "☐ " }, ...block.runs]);
      return;
    case "table": {
      const rows = [block.header, ...block.rows];
      const table = body.appendTable(rows.map((row) => row.map((cell) => textOf(cell.runs))));
      table.getRow(0).editAsText().setBold(true);
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.runs.some(isStyled)) styleRuns(table.getCell(r, c).editAsText(), cell.runs, 0);
        }),
      );
      const widths = block.columnWidths;
      if (widths !== undefined) {
        const total = widths.reduce((sum, w) => sum + w, 0);
        widths.forEach((w, c) => table.setColumnWidth(c, (w / total) * textWidthPoints));
      }
      return;
    }
    case "fillIn": {
      const runs: Run[] = [];
      block.fields.forEach((field, i) => {
        if (i > 0) runs.push({ text: " " });
        runs.push(...field.label);
        if (field.blank > 0)
          runs.push({ text: `${field.label.length > 0 ? " " : ""}${"_".repeat(field.blank)}` });
      });
      appendRuns(body, runs);
      return;
    }
    case "signatures":
      for (const line of block.lines) {
        const date = line.dateLabel === null ? "" : `   ${line.dateLabel} ${"_".repeat(dateBlank)}`;
        body.appendParagraph(`${line.label} ${"_".repeat(signatureBlank)}${date}`);
      }
      return;
    case "pageBreak":
      body.appendPageBreak();
      return;
  }
}

function appendRuns(body: Body, runs: readonly Run[]): GoogleAppsScript.Document.Paragraph {
  const paragraph = body.appendParagraph(textOf(runs));
  if (runs.some(isStyled)) styleRuns(paragraph.editAsText(), runs, 0);
  return paragraph;
}

function styleRuns(text: Text, runs: readonly Run[], offset: number): void {
  let start = offset;
  for (const run of runs) {
    const end = start + run.text.length - 1;
    if (run.text.length > 0) {
      if (run.bold) text.setBold(start, end, true);
      if (run.italic) text.setItalic(start, end, true);
    }
    start += run.text.length;
  }
}

function isStyled(run: Run): boolean {
  return run.bold === true || run.italic === true;
}

function textOf(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join("");
}
