/// <reference types="office-js" />
/**
 * Applies the core's patch with Office.js. One request finds which sheets exist; every write
 * and format is then queued and sent in as few requests as Excel on the web's 5 MB limit
 * allows — one for any ordinary roster, however many pairs and tabs. Strings go in under the
 * text format "@" (set before the values, in the same request), so "=HYPERLINK(…)" stays
 * text. `writeCells` touches only its block; `setSheet` replaces a sheet the core says is ours.
 */
import type { CellValue, Patch, PatchOp, SheetFormat } from "../../../shared/index.js";
import { toExcel } from "./cell-values.js";
import { Batcher, defaultRequestBudget, jsonBytes, rowChunks } from "./payload.js";
import { checkSheetNames } from "./sheet-names.js";

export interface ApplyPatchReport {
  /** `context.sync()` calls made. */
  syncs: number;
  /** Approximate bytes of each write request. */
  requests: number[];
}

const colours = {
  headerFill: "#DCE6F1",
  warningFill: "#FFF2CC",
  errorFill: "#F8D7DA",
  mutedFont: "#7F7F7F",
  answerFill: "#FFFBEA",
  answerBorder: "#BFBFBF",
  link: "#0563C1",
} as const;

/** A format command's size on the wire: address, property path, value. */
const commandBytes = 200;

type Queue = (bytes: number, enqueue: () => void) => Promise<void>;

export async function applyPatch(
  context: Excel.RequestContext,
  patch: Patch,
  options: { requestBudget?: number } = {},
): Promise<ApplyPatchReport> {
  checkSheetNames(patch);
  const budget = options.requestBudget ?? defaultRequestBudget;
  const worksheets = context.workbook.worksheets;

  const found = new Map<string, Excel.Worksheet>();
  for (const op of patch.ops) {
    const key = op.sheet.toLowerCase();
    if (found.has(key)) continue;
    const sheet = worksheets.getItemOrNullObject(op.sheet);
    sheet.load("isNullObject");
    found.set(key, sheet);
  }
  await context.sync();

  const batcher = new Batcher(() => context.sync(), budget);
  const queue: Queue = (bytes, enqueue) => batcher.add(bytes, enqueue);
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetFor = async (name: string): Promise<{ sheet: Excel.Worksheet; added: boolean }> => {
    const key = name.toLowerCase();
    const known = sheets.get(key);
    if (known !== undefined) return { sheet: known, added: false };
    const existing = found.get(key)!;
    if (!existing.isNullObject) {
      sheets.set(key, existing);
      return { sheet: existing, added: false };
    }
    let sheet: Excel.Worksheet | undefined;
    await queue(commandBytes, () => {
      sheet = worksheets.add(name);
    });
    sheets.set(key, sheet!);
    return { sheet: sheet!, added: true };
  };

  for (const op of patch.ops) {
    const { sheet, added } = await sheetFor(op.sheet);
    if (op.op === "setSheet") await setSheet(sheet, added, op, queue, budget);
    else await writeBlock(sheet, op.row, op.column, op.values, null, undefined, queue, budget);
  }
  await batcher.flush();
  return { syncs: 1 + batcher.requests.length, requests: batcher.requests };
}

async function setSheet(
  sheet: Excel.Worksheet,
  added: boolean,
  op: Extract<PatchOp, { op: "setSheet" }>,
  queue: Queue,
  budget: number,
): Promise<void> {
  if (!added) {
    await queue(commandBytes * 4, () => {
      const all = sheet.getRange();
      all.unmerge();
      all.dataValidation.clear();
      all.clear("All");
      sheet.freezePanes.unfreeze();
    });
  }
  if (op.position === "start") await queue(commandBytes, () => (sheet.position = 0));
  const columnFormats = new Map(
    (op.format?.numberFormats ?? []).map(({ column, format }) => [column, format]),
  );
  await writeBlock(sheet, 0, 0, op.rows, null, columnFormats, queue, budget);
  if (op.format !== undefined) await applyFormat(sheet, op.format, op.rows, queue);
}

/**
 * Writes a block of values at (row, column), number formats first. `blank` is what an empty
 * cell of the patch becomes: null leaves the cell as it is (Office.js skips null entries).
 */
async function writeBlock(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  rows: readonly (readonly CellValue[])[],
  blank: "" | null,
  columnFormats: ReadonlyMap<number, string> | undefined,
  queue: Queue,
  budget: number,
): Promise<void> {
  const width = Math.max(0, ...rows.map((line) => line.length));
  if (width === 0 || rows.length === 0) return;
  const values: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  const rowBytes: number[] = [];
  for (const line of rows) {
    const valueRow: (string | number | boolean | null)[] = [];
    const formatRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = toExcel(line[c] ?? null, blank, columnFormats?.get(column + c));
      valueRow.push(cell.value);
      formatRow.push(cell.format);
    }
    values.push(valueRow);
    formats.push(formatRow);
    rowBytes.push(jsonBytes(valueRow) + jsonBytes(formatRow));
  }
  for (const [from, to] of rowChunks(rowBytes, budget - 2 * commandBytes)) {
    const chunkValues = values.slice(from, to);
    const chunkFormats = formats.slice(from, to);
    const bytes = rowBytes.slice(from, to).reduce((sum, b) => sum + b, 2 * commandBytes);
    await queue(bytes, () => {
      const range = sheet.getRangeByIndexes(row + from, column, to - from, width);
      if (chunkFormats.some((line) => line.some((format) => format !== null)))
        range.numberFormat = chunkFormats;
      range.values = chunkValues;
    });
  }
}

/** Vertical runs of single cells in one column, so 40 answer cells are a few ranges. */
function cellRuns(
  cells: readonly { row: number; column: number }[],
): { row: number; column: number; rows: number }[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: { row: number; column: number; rows: number }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column === cell.column && last.row + last.rows === cell.row)
      last.rows++;
    else if (!(
      last !== undefined &&
      last.column === cell.column &&
      cell.row < last.row + last.rows
    ))
      runs.push({ row: cell.row, column: cell.column, rows: 1 });
  }
  return runs;
}

/** Columns wide in Excel's points, from widths in characters of the default font. */
const columnPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75);

function shade(range: Excel.Range, colour: string): void {
  range.format.fill.color = colour;
}

async function applyFormat(
  sheet: Excel.Worksheet,
  format: SheetFormat,
  rows: readonly (readonly CellValue[])[],
  queue: Queue,
): Promise<void> {
  const width = Math.max(1, ...rows.map((line) => line.length));
  const at = (row: number, column: number, rowCount = 1, columnCount = 1) =>
    sheet.getRangeByIndexes(row, column, rowCount, columnCount);

  for (const [c, chars] of (format.columnWidths ?? []).entries())
    await queue(commandBytes, () => (at(0, c).format.columnWidth = columnPoints(chars)));
  for (const column of format.wrapColumns ?? []) {
    if (rows.length === 0) continue;
    await queue(commandBytes * 2, () => {
      const range = at(0, column, rows.length, 1);
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    });
  }
  if ((format.headerRows ?? 0) > 0) {
    await queue(commandBytes * 3, () => {
      const range = at(0, 0, format.headerRows!, width);
      range.format.font.bold = true;
      shade(range, colours.headerFill);
      range.format.borders.getItem("EdgeBottom").style = "Continuous";
    });
  }
  for (const merge of format.merges ?? []) {
    await queue(commandBytes, () =>
      at(merge.top, merge.left, merge.bottom - merge.top + 1, merge.right - merge.left + 1).merge(
        false,
      ),
    );
  }
  for (const { row, height } of format.rowHeights ?? [])
    await queue(commandBytes, () => (at(row, 0).format.rowHeight = height));
  for (const run of cellRuns(format.labelCells ?? []))
    await queue(commandBytes, () => (at(run.row, run.column, run.rows).format.font.bold = true));
  for (const run of cellRuns(format.answerCells ?? [])) {
    await queue(commandBytes * 8, () => {
      const range = at(run.row, run.column, run.rows);
      shade(range, colours.answerFill);
      const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
      for (const edge of run.rows > 1 ? [...edges, "InsideHorizontal" as const] : edges) {
        const border = range.format.borders.getItem(edge);
        border.style = "Continuous";
        border.color = colours.answerBorder;
      }
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    });
  }
  for (const { row, style } of format.rowStyles ?? []) {
    await queue(commandBytes * 3, () => {
      const range = at(row, 0, 1, style === "header" ? Math.max(1, rows[row]?.length ?? 0) : width);
      if (style === "title") {
        range.format.font.bold = true;
        range.format.font.size = 14;
      } else if (style === "section") {
        range.format.font.bold = true;
        range.format.font.size = 12;
      } else if (style === "muted") range.format.font.color = colours.mutedFont;
      else if (style === "header") {
        range.format.font.bold = true;
        shade(range, colours.headerFill);
        range.format.borders.getItem("EdgeBottom").style = "Continuous";
      } else shade(range, style === "error" ? colours.errorFill : colours.warningFill);
    });
  }
  for (const validation of format.listValidations ?? []) {
    const source = validation.values.join(",");
    await queue(commandBytes * 2 + jsonBytes(source), () => {
      const range = at(
        validation.fromRow,
        validation.column,
        validation.toRow - validation.fromRow + 1,
      );
      range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      // Like the CLI's workbook: the list offers choices, other text is still accepted.
      range.dataValidation.errorAlert = { showAlert: false, style: "Stop", title: "", message: "" };
    });
  }
  for (const link of format.links ?? []) {
    const value = rows[link.row]?.[link.column];
    const textToDisplay = typeof value === "string" && value !== "" ? value : link.target;
    const hyperlink: Excel.RangeHyperlink =
      link.file === undefined
        ? { documentReference: link.target, textToDisplay }
        : { address: `${link.file}#${link.target}`, textToDisplay };
    await queue(commandBytes * 2 + jsonBytes(hyperlink), () => {
      const range = at(link.row, link.column);
      range.hyperlink = hyperlink;
      range.format.font.color = colours.link;
      range.format.font.underline = "Single";
    });
  }
  const freezeRows = format.freezeRows ?? 0;
  const freezeColumns = format.freezeColumns ?? 0;
  if (freezeRows > 0 || freezeColumns > 0) {
    await queue(commandBytes, () => {
      if (freezeColumns === 0) sheet.freezePanes.freezeRows(freezeRows);
      else if (freezeRows === 0) sheet.freezePanes.freezeColumns(freezeColumns);
      else sheet.freezePanes.freezeAt(at(0, 0, freezeRows, freezeColumns));
    });
  }
  if (format.fitToWidth === true) {
    await queue(commandBytes * 2, () => {
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    });
  }
}
