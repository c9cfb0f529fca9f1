/**
 * The core's patch as Sheets API v4 `batchUpdate` requests, shared by the hosts that talk to
 * the Sheets REST API: Apps Script (its additional plan spreadsheets, through the Sheets
 * advanced service) and the CLI's Google mode (googleapis). Plain JSON, no host library.
 *
 * Each op becomes requests that are idempotent: applying them twice leaves the same sheet.
 * A new sheet is added with its own id in the same batch that fills it, and a batch is
 * applied atomically, so no half-built tab is ever visible (no temporary name needed).
 * Values are `userEnteredValue`s with `stringValue` for text, so text stays text whatever
 * it starts with; the look (colours, sizes) is the one Apps Script's apply-format.ts gives
 * the roster's tabs (`sheetLook`, kept equal to it).
 */
import {
  opExtent,
  type CellValue,
  type OpExtent,
  type PatchOp,
  type RowStyle,
  type SheetFormat,
} from "../../shared/index.js";
import type {
  CellData,
  CellFormat,
  Color,
  ExtendedValue,
  GridRange,
  Request,
  TextFormat,
} from "./types.js";

export type * from "./types.js";

/** The URL of a tab in another file (`CellLink.file`), or undefined when it is unknown. */
export type TabUrl = (file: string, sheet: string) => string | undefined;

/** The colours the Google hosts give the semantic styles. */
export const sheetLook = {
  headerFill: "#dce6f1",
  warningFill: "#fff2cc",
  errorFill: "#f8d7da",
  mutedFont: "#7f7f7f",
  answerFill: "#fffbea",
  answerBorder: "#bfbfbf",
} as const;

export type SheetLook = { readonly [K in keyof typeof sheetLook]: string };

/** Sheets measures columns in pixels; the core in characters. */
export const defaultPixelsPerCharacter = 7;

export interface OpRequestOptions {
  /** URLs of tabs in other files, for links with a `file`. */
  tabUrl?: TabUrl | undefined;
  /**
   * Files this run created, by the name the patch writes (the Forms log's File column):
   * a cell whose text is such a name links to the file.
   */
  fileUrls?: ReadonlyMap<string, string> | undefined;
  look?: SheetLook | undefined;
  pixelsPerCharacter?: number | undefined;
}

/** `'Plan – Lee'!A1`, `Roster!C14` or a bare sheet name → the sheet and its A1 range. */
export function parseTarget(target: string): { sheet: string; a1: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)$/.exec(
    target,
  );
  if (match === null) return { sheet: target.replace(/^'|'$/g, "").replace(/''/g, "'"), a1: "A1" };
  return { sheet: match[1]?.replace(/''/g, "'") ?? match[2]!, a1: match[3]! };
}

/** One sheet of a spreadsheet as the requests need it; updated as requests are added. */
export interface BookSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** A spreadsheet's default first sheet (id 0) with nothing in it: dropped once tabs exist. */
  blankDefault: boolean;
}

export interface BookState {
  sheets: BookSheet[];
}

/** Room left below and beside a new tab's content for the pair's own additions. */
const spareRows = 50;
const minRows = 200;
const minColumns = 12;

export function sheetByTitle(book: BookState, title: string): BookSheet | undefined {
  const key = title.toLowerCase();
  return book.sheets.find((sheet) => sheet.title.toLowerCase() === key);
}

/** The requests for one op; `book` is updated to the state after them. */
export function opRequests(
  book: BookState,
  op: PatchOp,
  options: OpRequestOptions = {},
): Request[] {
  const look = options.look ?? sheetLook;
  const fileUrls = options.fileUrls;
  const requests: Request[] = [];
  if (op.op === "writeCells") {
    const grid = rectangular(op.values);
    if (grid.length === 0 || grid[0]!.length === 0) return requests;
    const extent = opExtent(op);
    const sheet =
      sheetByTitle(book, op.sheet) ?? addSheet(book, op.sheet, "end", 0, extent, requests);
    ensureSize(sheet, extent.rows, extent.columns, requests);
    requests.push({
      updateCells: {
        start: { sheetId: sheet.sheetId, rowIndex: op.row, columnIndex: op.column },
        rows: grid.map((cells) => ({
          values: cells.map((value) => valueCell(value, fileLink(value, fileUrls))),
        })),
        fields: grid.some((cells) => cells.some((value) => fileLink(value, fileUrls)))
          ? "userEnteredValue,userEnteredFormat.textFormat.link"
          : "userEnteredValue",
      },
    });
    return requests;
  }

  const format = op.format ?? {};
  const grid = rectangular(op.rows);
  const cells = formattedCells(book, op.sheet, grid, format, options, look);
  const height = cells.length;
  const width = cells[0]?.length ?? 0;
  // Every range below (lists, merges, heights, widths, freezes) must lie inside the grid when
  // Google applies it: the grid is made big enough first, in the same atomic batch.
  const extent = opExtent(op);
  let sheet = sheetByTitle(book, op.sheet);
  if (sheet === undefined) {
    sheet = addSheet(book, op.sheet, op.position ?? "end", height, extent, requests);
  } else {
    // A product sheet being replaced: merges, values, formats and lists of the last run go.
    const whole: GridRange = { sheetId: sheet.sheetId };
    requests.push({ unmergeCells: { range: whole } });
    requests.push({
      updateCells: { range: whole, fields: "userEnteredValue,userEnteredFormat,dataValidation" },
    });
    ensureSize(sheet, extent.rows, extent.columns, requests);
  }
  const sheetId = sheet.sheetId;
  if (height > 0 && width > 0) {
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: cells.map((row) => ({ values: row })),
        fields: "userEnteredValue,userEnteredFormat",
      },
    });
  }
  widthRequests(
    sheetId,
    format.columnWidths ?? [],
    options.pixelsPerCharacter ?? defaultPixelsPerCharacter,
    requests,
  );
  for (const { row, height: points } of format.rowHeights ?? []) {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: "ROWS", startIndex: row, endIndex: row + 1 },
        // The same number apply-format.ts gives setRowHeight.
        properties: { pixelSize: points },
        fields: "pixelSize",
      },
    });
  }
  for (const merge of format.merges ?? []) {
    requests.push({
      mergeCells: {
        range: {
          sheetId,
          startRowIndex: merge.top,
          endRowIndex: merge.bottom + 1,
          startColumnIndex: merge.left,
          endColumnIndex: merge.right + 1,
        },
        mergeType: "MERGE_ALL",
      },
    });
  }
  for (const validation of format.listValidations ?? []) {
    requests.push({
      setDataValidation: {
        range: {
          sheetId,
          startRowIndex: validation.fromRow,
          endRowIndex: validation.toRow + 1,
          startColumnIndex: validation.column,
          endColumnIndex: validation.column + 1,
        },
        rule: {
          condition: {
            type: "ONE_OF_LIST",
            values: validation.values.map((value) => ({ userEnteredValue: value })),
          },
          strict: false,
          showCustomUi: true,
        },
      },
    });
  }
  const frozen: string[] = [];
  const gridProperties: { frozenRowCount?: number; frozenColumnCount?: number } = {};
  if (format.freezeRows !== undefined) {
    gridProperties.frozenRowCount = format.freezeRows;
    frozen.push("gridProperties.frozenRowCount");
  }
  if (format.freezeColumns !== undefined) {
    gridProperties.frozenColumnCount = format.freezeColumns;
    frozen.push("gridProperties.frozenColumnCount");
  }
  if (frozen.length > 0)
    requests.push({
      updateSheetProperties: { properties: { sheetId, gridProperties }, fields: frozen.join(",") },
    });
  // `fitToWidth` is a print setting the API has no request for either.
  return requests;
}

/** Drops the spreadsheet's blank default sheet once another sheet exists (never the last one). */
export function dropBlankDefault(book: BookState, requests: Request[]): void {
  const blank = book.sheets.find((sheet) => sheet.blankDefault);
  if (blank === undefined || book.sheets.length < 2) return;
  requests.push({ deleteSheet: { sheetId: blank.sheetId } });
  book.sheets = book.sheets.filter((sheet) => sheet !== blank);
}

function addSheet(
  book: BookState,
  title: string,
  position: "start" | "end",
  /** Rows of content, below which the pair gets spare rows of their own. */
  height: number,
  extent: OpExtent,
  requests: Request[],
): BookSheet {
  const sheet: BookSheet = {
    sheetId: freeSheetId(book, title),
    title,
    rowCount: Math.max(minRows, height + spareRows, extent.rows),
    columnCount: Math.max(minColumns, extent.columns),
    blankDefault: false,
  };
  requests.push({
    addSheet: {
      properties: {
        sheetId: sheet.sheetId,
        title,
        ...(position === "start" ? { index: 0 } : {}),
        gridProperties: { rowCount: sheet.rowCount, columnCount: sheet.columnCount },
      },
    },
  });
  if (position === "start") book.sheets.unshift(sheet);
  else book.sheets.push(sheet);
  return sheet;
}

/** A stable id from the title (never 0, a new spreadsheet's first sheet), unused in the book. */
function freeSheetId(book: BookState, title: string): number {
  let id = 0;
  for (const ch of title) id = (Math.imul(id, 31) + ch.charCodeAt(0)) >>> 0;
  id = (id % 2_000_000_000) + 1;
  const used = new Set(book.sheets.map((sheet) => sheet.sheetId));
  while (used.has(id)) id = (id % 2_000_000_000) + 1;
  return id;
}

/** Grows the grid when a range would fall outside it (the API rejects such ranges). */
function ensureSize(sheet: BookSheet, rows: number, columns: number, requests: Request[]): void {
  if (rows <= sheet.rowCount && columns <= sheet.columnCount) return;
  sheet.rowCount = Math.max(sheet.rowCount, rows);
  sheet.columnCount = Math.max(sheet.columnCount, columns);
  requests.push({
    updateSheetProperties: {
      properties: {
        sheetId: sheet.sheetId,
        gridProperties: { rowCount: sheet.rowCount, columnCount: sheet.columnCount },
      },
      fields: "gridProperties.rowCount,gridProperties.columnCount",
    },
  });
}

function widthRequests(
  sheetId: number,
  widths: readonly number[],
  pixelsPerCharacter: number,
  requests: Request[],
): void {
  let start = 0;
  while (start < widths.length) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: "COLUMNS", startIndex: start, endIndex: end },
        properties: { pixelSize: Math.round(widths[start]! * pixelsPerCharacter) },
        fields: "pixelSize",
      },
    });
    start = end;
  }
}

/** Each cell's value and its whole format, the styles layered as apply-format.ts does. */
function formattedCells(
  book: BookState,
  sheetName: string,
  grid: readonly CellValue[][],
  format: SheetFormat,
  options: OpRequestOptions,
  look: SheetLook,
): CellData[][] {
  const tabUrl = options.tabUrl;
  const gridWidth = grid[0]?.length ?? 0;
  const width = Math.max(1, gridWidth);
  const height = Math.max(1, grid.length);
  const formats = new Map<string, CellFormat>();
  const style = (row: number, column: number, apply: (format: CellFormat) => void): void => {
    const key = `${row},${column}`;
    const cell = formats.get(key) ?? {};
    apply(cell);
    formats.set(key, cell);
  };
  const bold = (f: CellFormat) => {
    f.textFormat = { ...f.textFormat, bold: true };
  };
  const background = (color: string) => (f: CellFormat) => {
    f.backgroundColorStyle = { rgbColor: rgb(color) };
  };
  const bottomBorder = (f: CellFormat) => {
    f.borders = { ...f.borders, bottom: { style: "SOLID" } };
  };
  const wrapTop = (f: CellFormat) => {
    f.wrapStrategy = "WRAP";
    f.verticalAlignment = "TOP";
  };
  for (const column of format.wrapColumns ?? [])
    for (let row = 0; row < height; row++) style(row, column, wrapTop);
  for (let row = 0; row < (format.headerRows ?? 0); row++)
    for (let column = 0; column < width; column++) {
      style(row, column, bold);
      style(row, column, background(look.headerFill));
      style(row, column, bottomBorder);
    }
  for (const { row, style: rowStyle } of format.rowStyles ?? []) {
    const cells = rowStyle === "header" ? Math.max(1, grid[row]?.length ?? 0) : width;
    for (let column = 0; column < cells; column++)
      for (const apply of rowStyleFormats(rowStyle, look)) style(row, column, apply);
  }
  const answerBorder = { style: "SOLID", colorStyle: { rgbColor: rgb(look.answerBorder) } };
  for (const { row, column } of format.answerCells ?? []) {
    style(row, column, background(look.answerFill));
    style(row, column, (f) => {
      f.borders = {
        top: answerBorder,
        bottom: answerBorder,
        left: answerBorder,
        right: answerBorder,
      };
    });
    style(row, column, wrapTop);
  }
  for (const { row, column } of format.labelCells ?? []) style(row, column, bold);
  const columnFormats = new Map(
    (format.numberFormats ?? []).map(({ column, format: pattern }) => [column, pattern]),
  );
  for (const [column, pattern] of columnFormats)
    for (let row = 0; row < grid.length; row++)
      style(row, column, (f) => {
        f.numberFormat = { type: "NUMBER", pattern };
      });
  for (const link of format.links ?? []) {
    const { sheet: target, a1 } = parseTarget(link.target);
    let uri: string | undefined;
    if (link.file !== undefined) uri = tabUrl?.(link.file, target);
    else {
      const inBook = target === sheetName ? undefined : sheetByTitle(book, target);
      if (inBook !== undefined) uri = `#gid=${inBook.sheetId}&range=${a1}`;
    }
    if (uri !== undefined)
      style(link.row, link.column, (f) => {
        f.textFormat = { ...f.textFormat, link: { uri } };
      });
  }

  grid.forEach((cells, r) =>
    cells.forEach((value, c) => {
      const link = fileLink(value, options.fileUrls);
      if (link !== undefined)
        style(r, c, (f) => {
          f.textFormat = { ...f.textFormat, ...link.textFormat };
        });
    }),
  );

  const rows = Math.max(
    grid.length,
    ...[...formats.keys()].map((k) => Number(k.split(",")[0]) + 1),
  );
  const columns = Math.max(
    gridWidth,
    ...[...formats.keys()].map((k) => Number(k.split(",")[1]) + 1),
  );
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) =>
      valueCell(grid[r]?.[c] ?? null, formats.get(`${r},${c}`)),
    ),
  );
}

function rowStyleFormats(style: RowStyle, look: SheetLook): ((format: CellFormat) => void)[] {
  const text =
    (changes: TextFormat) =>
    (f: CellFormat): void => {
      f.textFormat = { ...f.textFormat, ...changes };
    };
  const fill = (color: string) => (f: CellFormat) => {
    f.backgroundColorStyle = { rgbColor: rgb(color) };
  };
  switch (style) {
    case "title":
      return [text({ bold: true, fontSize: 14 })];
    case "section":
      return [text({ bold: true, fontSize: 12 })];
    case "muted":
      return [text({ foregroundColorStyle: { rgbColor: rgb(look.mutedFont) } })];
    case "header":
      return [
        text({ bold: true }),
        fill(look.headerFill),
        (f) => {
          f.borders = { ...f.borders, bottom: { style: "SOLID" } };
        },
      ];
    case "error":
      return [fill(look.errorFill)];
    case "warning":
      return [fill(look.warningFill)];
  }
}

/** A link to a file this run created, for a cell naming it. */
function fileLink(
  value: CellValue,
  fileUrls: ReadonlyMap<string, string> | undefined,
): CellFormat | undefined {
  const uri = typeof value === "string" ? fileUrls?.get(value) : undefined;
  return uri === undefined ? undefined : { textFormat: { link: { uri } } };
}

/** A cell's value (text always as text) and, when it has one, its format. */
function valueCell(value: CellValue, format?: CellFormat): CellData {
  const cell: CellData = {};
  const entered = extendedValue(value);
  if (entered !== undefined) cell.userEnteredValue = entered;
  if (value instanceof Date)
    cell.userEnteredFormat = { ...format, numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } };
  else if (format !== undefined) cell.userEnteredFormat = format;
  return cell;
}

function extendedValue(value: CellValue): ExtendedValue | undefined {
  if (value === null || value === "") return undefined;
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  // Sheets' day numbers count from 1899-12-30.
  return { numberValue: value.getTime() / 86_400_000 + 25_569 };
}

function rectangular(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}

function rgb(hex: string): Color {
  const channel = (i: number) =>
    Math.round((parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255) * 10_000) / 10_000;
  return { red: channel(0), green: channel(1), blue: channel(2) };
}
