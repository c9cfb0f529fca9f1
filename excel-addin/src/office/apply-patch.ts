/// <reference types="office-js" />
/**
 * Applies the core's patch with Office.js. One request learns which sheets exist; the writes
 * then go as units (payload.ts) packed into requests under a 3.5 MB budget counted the way
 * Office.js serialises them (rich-api.ts), so a request never reaches Excel on the web's 5 MB
 * limit; a request refused or timed out anyway is split and sent again. New sheets that share
 * a layout (the plan tabs) are written once and copied (layout-copies.ts): a copy costs a few
 * hundred bytes of facts instead of tens of kilobytes of formats. Strings go in under the text
 * format "@" (set before the values, in the same request), so "=HYPERLINK(…)" stays text.
 * `writeCells` touches only its block; `setSheet` replaces a sheet the core says is ours.
 */
import type { CellValue, Patch, PatchOp, SheetFormat } from "../../../shared/index.js";
import { toExcel } from "./cell-values.js";
import { planCopies, type CopyOf } from "./layout-copies.js";
import { defaultRequestBudget, jsonBytes, rowChunks, sendUnits, type Unit } from "./payload.js";
import { requestOverhead, wire } from "./rich-api.js";
import { checkSheetNames } from "./sheet-names.js";

export interface ApplyPatchReport {
  /** `context.sync()` calls made. */
  syncs: number;
  /** Estimated bytes of each write request that went through. */
  requests: number[];
  /** Requests Excel refused or that timed out, then split and sent again. */
  retries: number;
  /** New sheets made as copies of one with the same layout. */
  copies: number;
}

export interface ApplyPatchOptions {
  requestBudget?: number;
  /** Copy sheets that share a layout (default); false writes every sheet in full. */
  copyLayouts?: boolean;
  /** Told as each sheet of the patch is complete, for progress. */
  onSheetWritten?: (sheet: string) => void;
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

/** One Office.js command (or a few on one range) and its size on the wire. */
interface Command {
  bytes: number;
  run(sheet: Excel.Worksheet): void;
}

export async function applyPatch(
  context: Excel.RequestContext,
  patch: Patch,
  options: ApplyPatchOptions = {},
): Promise<ApplyPatchReport> {
  checkSheetNames(patch);
  const budget = options.requestBudget ?? defaultRequestBudget;
  const worksheets = context.workbook.worksheets;
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };
  const sheetNames = async (): Promise<Set<string>> => {
    worksheets.load("items/name");
    await sync();
    return new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
  };

  const before = await sheetNames();
  const isNew = (name: string) => !before.has(name.toLowerCase());
  const copies =
    options.copyLayouts === false ? new Map<number, CopyOf>() : planCopies(patch.ops, isNew);
  const targets = new Set(patch.ops.map((op) => op.sheet.toLowerCase()));
  const templates = new Set([...copies.values()].map((copy) => copy.template.toLowerCase()));

  const units: ResumableUnit[] = [];
  const created = new Set<string>();
  patch.ops.forEach((op, index) => {
    const key = op.sheet.toLowerCase();
    const exists = !isNew(op.sheet) || created.has(key);
    created.add(key);
    const copy = copies.get(index);
    if (copy !== undefined) units.push(copyUnit(worksheets, op.sheet, copy, budget));
    else if (op.op === "setSheet") units.push(...setSheetUnits(worksheets, op, exists, budget));
    else {
      const start = exists ? [] : [startUnit(worksheets, op.sheet, "add", [], false)];
      const blocks = blockCommands(op.row, op.column, op.values, null, undefined, budget, false);
      units.push(...start, ...packCommands(worksheets, op.sheet, blocks, budget));
    }
  });

  const sent = await sendUnits(
    units,
    {
      sync,
      // A timed-out request may have run part of its units: look, and make each safe to redo.
      recover: async (failed, reason) => {
        if (reason === "too-large") return [...failed];
        const present = await sheetNames();
        // A copy that timed out before its rename still has Excel's "Name (2)": remove it.
        const strays = [...present].filter((name) => {
          if (before.has(name) || targets.has(name)) return false;
          const base = /^(.*) \(\d+\)$/.exec(name)?.[1];
          return base !== undefined && [...templates].some((t) => t.startsWith(base));
        });
        for (const name of strays) worksheets.getItem(name).delete();
        if (strays.length > 0) await sync();
        for (const unit of failed) unit.resume?.(present);
        return [...failed];
      },
      ...(options.onSheetWritten === undefined ? {} : { sheetWritten: options.onSheetWritten }),
    },
    budget,
  );
  return { syncs, requests: sent.requests, retries: sent.retries, copies: copies.size };
}

interface ResumableUnit extends Unit {
  /** After an interrupted request, given the sheets that exist now (lower case). */
  resume?(present: ReadonlySet<string>): void;
}

/** Units whose commands run on `worksheets.getItem(sheet)`, packed up to a quarter budget. */
function packCommands(
  worksheets: Excel.WorksheetCollection,
  sheet: string,
  commands: readonly Command[],
  budget: number,
  completesSheet = true,
): ResumableUnit[] {
  const groups: Command[][] = [];
  let size = 0;
  for (const command of commands) {
    const last = groups[groups.length - 1];
    if (last === undefined || size + command.bytes > budget / 4) {
      groups.push([command]);
      size = command.bytes;
    } else {
      last.push(command);
      size += command.bytes;
    }
  }
  return groups.map((group, index) => ({
    sheet,
    bytes: group.reduce((sum, command) => sum + command.bytes, wire.item(sheet)),
    completesSheet: completesSheet && index === groups.length - 1,
    enqueue() {
      const target = worksheets.getItem(sheet);
      for (const command of group) command.run(target);
    },
  }));
}

/** The first unit of a sheet: adds it, or clears the one that is there, then `commands`. */
function startUnit(
  worksheets: Excel.WorksheetCollection,
  sheet: string,
  start: "add" | "clear",
  commands: readonly Command[],
  completesSheet: boolean,
): ResumableUnit {
  let mode = start;
  const clear: Command = {
    bytes:
      wire.object("GetRange", []) +
      wire.call("Unmerge") +
      wire.property("DataValidation") +
      wire.call("Clear") +
      wire.call("Clear", ["All"]) +
      wire.property("Freeze") +
      wire.call("Unfreeze"),
    run(target) {
      const all = target.getRange();
      all.unmerge();
      all.dataValidation.clear();
      all.clear("All");
      target.freezePanes.unfreeze();
    },
  };
  const rest = commands.reduce((sum, command) => sum + command.bytes, 0);
  return {
    sheet,
    // Whichever way it starts, count the larger: the estimate must hold after a resume.
    bytes: Math.max(wire.object("Add", [sheet]), wire.item(sheet) + clear.bytes) + rest,
    completesSheet,
    createsSheet: start === "add",
    enqueue() {
      const target = mode === "add" ? worksheets.add(sheet) : worksheets.getItem(sheet);
      if (mode === "clear") clear.run(target);
      for (const command of commands) command.run(target);
    },
    resume(present) {
      if (present.has(sheet.toLowerCase())) mode = "clear";
    },
  };
}

function setSheetUnits(
  worksheets: Excel.WorksheetCollection,
  op: Extract<PatchOp, { op: "setSheet" }>,
  exists: boolean,
  budget: number,
): ResumableUnit[] {
  const position: Command[] =
    op.position === "start"
      ? [{ bytes: wire.set("Position", 1), run: (sheet) => (sheet.position = 0) }]
      : [];
  const columnFormats = new Map(
    (op.format?.numberFormats ?? []).map(({ column, format }) => [column, format]),
  );
  const values = blockCommands(0, 0, op.rows, null, columnFormats, budget, false);
  const format = op.format === undefined ? [] : formatCommands(op.format, op.rows);
  const rest = [...values, ...format];
  return [
    startUnit(worksheets, op.sheet, exists ? "clear" : "add", position, rest.length === 0),
    ...packCommands(worksheets, op.sheet, rest, budget),
  ];
}

/** A sheet made by copying its template, renamed, then its own rows written over the copy. */
function copyUnit(
  worksheets: Excel.WorksheetCollection,
  sheet: string,
  copy: CopyOf,
  budget: number,
): ResumableUnit {
  const blocks = copy.blocks.flatMap((block) =>
    blockCommands(block.row, 0, block.rows, "", undefined, budget, true),
  );
  const writes = blocks.reduce((sum, command) => sum + command.bytes, 0);
  let copied = false;
  return {
    sheet,
    bytes:
      wire.item(copy.template) +
      wire.object("Copy", ["End", null]) +
      wire.set("Name", jsonBytes(sheet)) +
      writes,
    completesSheet: true,
    createsSheet: true,
    enqueue() {
      // Renamed before its rows are written: after a timeout, a sheet under this name is a
      // whole copy of the template, and writing the rows again finishes it.
      const target = copied
        ? worksheets.getItem(sheet)
        : worksheets.getItem(copy.template).copy("End");
      if (!copied) target.name = sheet;
      for (const command of blocks) command.run(target);
    },
    resume(present) {
      copied = present.has(sheet.toLowerCase());
    },
  };
}

/**
 * Writes a block of values at (row, column), number formats first, in row chunks that fit.
 * `blank` is what an empty cell of the patch becomes: null leaves the cell as it is (Office.js
 * skips null entries). `resetFormats` gives every cell its format, General where the value
 * needs none, for writing over a copy whose cells may hold the template's text format.
 */
function blockCommands(
  row: number,
  column: number,
  rows: readonly (readonly CellValue[])[],
  blank: "" | null,
  columnFormats: ReadonlyMap<number, string> | undefined,
  budget: number,
  resetFormats: boolean,
): Command[] {
  const width = Math.max(0, ...rows.map((line) => line.length));
  if (width === 0 || rows.length === 0) return [];
  const values: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  const rowBytes: number[] = [];
  for (const line of rows) {
    const valueRow: (string | number | boolean | null)[] = [];
    const formatRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = toExcel(line[c] ?? null, blank, columnFormats?.get(column + c));
      valueRow.push(cell.value);
      formatRow.push(cell.format ?? (resetFormats ? "General" : null));
    }
    values.push(valueRow);
    formats.push(formatRow);
    rowBytes.push(jsonBytes(valueRow) + jsonBytes(formatRow) + 2);
  }
  const commandOverhead =
    requestOverhead +
    wire.item("x".repeat(31)) +
    wire.object("GetRangeByIndexes", [row, column, rows.length, width]) +
    wire.set("NumberFormat", 2) +
    wire.set("Values", 2);
  return rowChunks(rowBytes, budget - commandOverhead).map(([from, to]) => {
    const chunkValues = values.slice(from, to);
    const chunkFormats = formats.slice(from, to);
    const hasFormats = chunkFormats.some((line) => line.some((format) => format !== null));
    const at = [row + from, column, to - from, width];
    return {
      bytes:
        wire.object("GetRangeByIndexes", at) +
        (hasFormats ? wire.set("NumberFormat", jsonBytes(chunkFormats)) : 0) +
        wire.set("Values", jsonBytes(chunkValues)),
      run(sheet) {
        const range = sheet.getRangeByIndexes(row + from, column, to - from, width);
        if (hasFormats) range.numberFormat = chunkFormats;
        range.values = chunkValues;
      },
    };
  });
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

/** Wire sizes of the paths the format commands use. */
const cost = {
  range: (row: number, column: number, rows = 1, columns = 1) =>
    wire.object("GetRangeByIndexes", [row, column, rows, columns]),
  format: wire.property("Format"),
  font: wire.property("Font"),
  fill: wire.property("Fill"),
  border: (edge: string) => wire.property("Borders") + wire.object("GetItem", [edge]),
  set: (name: string, value: unknown) => wire.set(name, jsonBytes(value)),
};

function formatCommands(format: SheetFormat, rows: readonly (readonly CellValue[])[]): Command[] {
  const commands: Command[] = [];
  const add = (bytes: number, run: (sheet: Excel.Worksheet) => void) =>
    commands.push({ bytes, run });
  const width = Math.max(1, ...rows.map((line) => line.length));
  const at = (
    sheet: Excel.Worksheet,
    row: number,
    column: number,
    rowCount = 1,
    columnCount = 1,
  ): Excel.Range => sheet.getRangeByIndexes(row, column, rowCount, columnCount);

  for (const [c, chars] of (format.columnWidths ?? []).entries()) {
    const points = columnPoints(chars);
    add(
      cost.range(0, c) + cost.format + cost.set("ColumnWidth", points),
      (sheet) => (at(sheet, 0, c).format.columnWidth = points),
    );
  }
  for (const column of format.wrapColumns ?? []) {
    if (rows.length === 0) continue;
    add(
      cost.range(0, column, rows.length) +
        cost.format +
        cost.set("WrapText", true) +
        cost.set("VerticalAlignment", "Top"),
      (sheet) => {
        const range = at(sheet, 0, column, rows.length, 1);
        range.format.wrapText = true;
        range.format.verticalAlignment = "Top";
      },
    );
  }
  const headerRows = format.headerRows ?? 0;
  if (headerRows > 0) {
    add(
      cost.range(0, 0, headerRows, width) +
        cost.format +
        cost.font +
        cost.set("Bold", true) +
        cost.fill +
        cost.set("Color", colours.headerFill) +
        cost.border("EdgeBottom") +
        cost.set("Style", "Continuous"),
      (sheet) => {
        const range = at(sheet, 0, 0, headerRows, width);
        range.format.font.bold = true;
        range.format.fill.color = colours.headerFill;
        range.format.borders.getItem("EdgeBottom").style = "Continuous";
      },
    );
  }
  for (const merge of format.merges ?? []) {
    const rowCount = merge.bottom - merge.top + 1;
    const columnCount = merge.right - merge.left + 1;
    add(
      cost.range(merge.top, merge.left, rowCount, columnCount) + wire.call("Merge", [false]),
      (sheet) => at(sheet, merge.top, merge.left, rowCount, columnCount).merge(false),
    );
  }
  for (const { row, height } of format.rowHeights ?? [])
    add(
      cost.range(row, 0) + cost.format + cost.set("RowHeight", height),
      (sheet) => (at(sheet, row, 0).format.rowHeight = height),
    );
  for (const run of cellRuns(format.labelCells ?? []))
    add(
      cost.range(run.row, run.column, run.rows) + cost.format + cost.font + cost.set("Bold", true),
      (sheet) => (at(sheet, run.row, run.column, run.rows).format.font.bold = true),
    );
  for (const run of cellRuns(format.answerCells ?? [])) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
    const used = run.rows > 1 ? [...edges, "InsideHorizontal" as const] : [...edges];
    add(
      cost.range(run.row, run.column, run.rows) +
        cost.format +
        cost.fill +
        cost.set("Color", colours.answerFill) +
        used.reduce(
          (sum, edge) =>
            sum +
            cost.border(edge) +
            cost.set("Style", "Continuous") +
            cost.set("Color", colours.answerBorder),
          0,
        ) +
        cost.set("WrapText", true) +
        cost.set("VerticalAlignment", "Top"),
      (sheet) => {
        const range = at(sheet, run.row, run.column, run.rows);
        range.format.fill.color = colours.answerFill;
        for (const edge of used) {
          const border = range.format.borders.getItem(edge);
          border.style = "Continuous";
          border.color = colours.answerBorder;
        }
        range.format.wrapText = true;
        range.format.verticalAlignment = "Top";
      },
    );
  }
  for (const { row, style } of format.rowStyles ?? []) {
    const columns = style === "header" ? Math.max(1, rows[row]?.length ?? 0) : width;
    const base = cost.range(row, 0, 1, columns) + cost.format;
    const bold = cost.font + cost.set("Bold", true);
    const bytes =
      style === "title" || style === "section"
        ? base + bold + cost.set("Size", 14)
        : style === "muted"
          ? base + cost.font + cost.set("Color", colours.mutedFont)
          : style === "header"
            ? base +
              bold +
              cost.fill +
              cost.set("Color", colours.headerFill) +
              cost.border("EdgeBottom") +
              cost.set("Style", "Continuous")
            : base + cost.fill + cost.set("Color", colours.warningFill);
    add(bytes, (sheet) => {
      const range = at(sheet, row, 0, 1, columns);
      if (style === "title") {
        range.format.font.bold = true;
        range.format.font.size = 14;
      } else if (style === "section") {
        range.format.font.bold = true;
        range.format.font.size = 12;
      } else if (style === "muted") range.format.font.color = colours.mutedFont;
      else if (style === "header") {
        range.format.font.bold = true;
        range.format.fill.color = colours.headerFill;
        range.format.borders.getItem("EdgeBottom").style = "Continuous";
      } else range.format.fill.color = style === "error" ? colours.errorFill : colours.warningFill;
    });
  }
  for (const validation of format.listValidations ?? []) {
    const source = validation.values.join(",");
    const rule = { list: { inCellDropDown: true, source } };
    // Like the CLI's workbook: the list offers choices, other text is still accepted.
    const errorAlert = { showAlert: false, style: "Stop", title: "", message: "" } as const;
    const rowCount = validation.toRow - validation.fromRow + 1;
    add(
      cost.range(validation.fromRow, validation.column, rowCount) +
        wire.property("DataValidation") +
        cost.set("Rule", rule) +
        cost.set("ErrorAlert", errorAlert),
      (sheet) => {
        const range = at(sheet, validation.fromRow, validation.column, rowCount);
        range.dataValidation.rule = rule;
        range.dataValidation.errorAlert = errorAlert;
      },
    );
  }
  for (const link of format.links ?? []) {
    const value = rows[link.row]?.[link.column];
    const textToDisplay = typeof value === "string" && value !== "" ? value : link.target;
    const hyperlink: Excel.RangeHyperlink =
      link.file === undefined
        ? { documentReference: link.target, textToDisplay }
        : { address: `${link.file}#${link.target}`, textToDisplay };
    add(
      cost.range(link.row, link.column) +
        cost.set("Hyperlink", hyperlink) +
        cost.format +
        cost.font +
        cost.set("Color", colours.link) +
        cost.set("Underline", "Single"),
      (sheet) => {
        const range = at(sheet, link.row, link.column);
        range.hyperlink = hyperlink;
        range.format.font.color = colours.link;
        range.format.font.underline = "Single";
      },
    );
  }
  const freezeRows = format.freezeRows ?? 0;
  const freezeColumns = format.freezeColumns ?? 0;
  if (freezeRows > 0 || freezeColumns > 0) {
    add(
      wire.property("Freeze") +
        cost.range(0, 0, freezeRows, freezeColumns) +
        wire.call("FreezeAt", [{ _ObjectPathId: 9_999_999 }]),
      (sheet) => {
        if (freezeColumns === 0) sheet.freezePanes.freezeRows(freezeRows);
        else if (freezeRows === 0) sheet.freezePanes.freezeColumns(freezeColumns);
        else sheet.freezePanes.freezeAt(at(sheet, 0, 0, freezeRows, freezeColumns));
      },
    );
  }
  if (format.fitToWidth === true) {
    const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    add(
      wire.property("PageLayout") + cost.set("Orientation", "Landscape") + cost.set("Zoom", zoom),
      (sheet) => {
        sheet.pageLayout.orientation = "Landscape";
        sheet.pageLayout.zoom = zoom;
      },
    );
  }
  return commands;
}
