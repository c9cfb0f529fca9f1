/**
 * A form document as one standalone HTML page, for previews (task panes, sidebars, a browser).
 * Everything from the document is escaped; the page loads nothing.
 */
import type { Block, FormDocument, Run } from "./document-model.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.italic === true) html = `<em>${html}</em>`;
      if (run.bold === true) html = `<strong>${html}</strong>`;
      return html;
    })
    .join("");
}

function blank(length: number): string {
  return `<span class="blank" style="min-width:${(length * 0.55).toFixed(2)}em"></span>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${runsHtml(block.runs)}</h${block.level}>`;
    case "paragraph":
      return `<p>${runsHtml(block.runs)}</p>`;
    case "note":
      return `<p class="note">${runsHtml(block.runs)}</p>`;
    case "checkbox":
      return (
        `<p class="check"><span class="box" role="img" aria-label="${block.checked ? "checked" : "not checked"}">` +
        `${block.checked ? "☒" : "☐"}</span> ${runsHtml(block.runs)}</p>`
      );
    case "fillIn":
      return `<p class="fill">${block.fields
        .map(
          (field) =>
            `<span class="field">${runsHtml(field.label)}${field.blank > 0 ? blank(field.blank) : ""}</span>`,
        )
        .join(" ")}</p>`;
    case "signatures":
      return `<div class="signatures">${block.lines
        .map(
          (line) =>
            `<p class="signature"><span>${escapeHtml(line.label)}</span><span class="line"></span>` +
            (line.dateLabel === null
              ? ""
              : `<span>${escapeHtml(line.dateLabel)}</span><span class="line date"></span>`) +
            `</p>`,
        )
        .join("")}</div>`;
    case "pageBreak":
      return `<hr class="page-break">`;
    case "table": {
      const total = block.columnWidths?.reduce((sum, w) => sum + w, 0) ?? 0;
      const cols =
        block.columnWidths === undefined
          ? ""
          : `<colgroup>${block.columnWidths
              .map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`)
              .join("")}</colgroup>`;
      const head = block.header.map((cell) => `<th>${runsHtml(cell.runs)}</th>`).join("");
      const body = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${runsHtml(cell.runs)}</td>`).join("")}</tr>`)
        .join("");
      return `<table>${cols}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
  }
}

const style = `
body { font-family: Calibri, Carlito, Arial, sans-serif; font-size: 11pt; max-width: 50em; margin: 2em auto; line-height: 1.35; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.2em; } h3 { font-size: 11.5pt; }
p { margin: 0.3em 0; }
.check .box { font-size: 1.1em; }
.blank { display: inline-block; border-bottom: 1px solid #000; height: 1em; margin-left: 0.3em; vertical-align: baseline; }
.field { margin-right: 0.6em; }
.signatures { margin-top: 1.5em; }
.signature { display: flex; align-items: flex-end; gap: 0.4em; margin: 1.2em 0; }
.signature .line { flex: 3; border-bottom: 1px solid #000; height: 1em; }
.signature .line.date { flex: 1; }
.note { font-size: 9pt; font-style: italic; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; vertical-align: top; text-align: left; height: 1.4em; }
th { background: #eef2f7; }
hr.page-break { border: 0; border-top: 2px dashed #999; margin: 2.5em 0; page-break-after: always; }
@media print { hr.page-break { border: 0; margin: 0; } }
`;

/** The document as a standalone HTML page (UTF-8, inline styles, no scripts or external files). */
export function renderHtml(document: FormDocument): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${style}</style>`,
    "</head>",
    "<body>",
    ...document.blocks.map(blockHtml),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
