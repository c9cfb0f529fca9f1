/**
 * The advanced Sheets service (API v4) over the spreadsheets the fake Drive holds. As with
 * the `drive.file` scope, only spreadsheets the script created are visible. `batchUpdate`
 * validates every request kind the script uses (and rejects any other), applies a batch
 * atomically (all or nothing), rejects bodies over 2 MB, duplicate sheet names (ignoring case),
 * more than 200 sheets, ranges outside the grid, merges that overlap partly, frozen rows that
 * cut a merge, and values that are not exactly one of string/number/bool/formula. A
 * `formulaValue` becomes a formula; a `stringValue` stays text whatever it starts with.
 */
import type { FakeDrive } from "./drive-docs.js";
import type { Runtime } from "./runtime.js";

export type ApiValue = string | number | boolean;

export interface ApiCell {
  value?: ApiValue;
  formula?: string;
  format?: Record<string, unknown>;
  validation?: unknown;
}

export interface ApiMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ApiSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
  cells: (ApiCell | undefined)[][];
  merges: ApiMerge[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
}

export interface ApiBook {
  sheets: ApiSheet[];
}

export const maxSheets = 200;
const maxBodyBytes = 2 * 1024 * 1024;

export function newApiBook(): ApiBook {
  return { sheets: [newSheet(0, "Sheet1", 1000, 26)] };
}

function newSheet(sheetId: number, title: string, rowCount: number, columnCount: number): ApiSheet {
  return {
    sheetId,
    title,
    rowCount,
    columnCount,
    frozenRowCount: 0,
    frozenColumnCount: 0,
    cells: [],
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
  };
}

/** Values as a test reads them (formulas as "=…"), trailing blanks dropped. */
export function sheetGrid(sheet: ApiSheet): ApiValue[][] {
  const rows: ApiValue[][] = sheet.cells.map((row) =>
    (row ?? []).map((cell) => (cell?.formula ?? cell?.value ?? "") as ApiValue),
  );
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === "") row.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
}

/** Link targets by "row,column". */
export function sheetLinks(sheet: ApiSheet): Map<string, string> {
  const links = new Map<string, string>();
  sheet.cells.forEach((row, r) =>
    (row ?? []).forEach((cell, c) => {
      const link = (cell?.format?.["textFormat"] as { link?: { uri?: string } } | undefined)?.link;
      if (link?.uri !== undefined) links.set(`${r},${c}`, link.uri);
    }),
  );
  return links;
}

interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

type Json = Record<string, unknown>;

export class FakeSheetsApi {
  /** The requests of every successful batchUpdate, by spreadsheet id. */
  readonly batches = new Map<string, Json[][]>();
  /** The execution's call count at each batchUpdate (for killing a run right at one). */
  readonly batchCalls: number[] = [];

  constructor(
    readonly drive: FakeDrive,
    readonly runtime: Runtime,
  ) {}

  book(id: string): ApiBook {
    const file = this.drive.visible(id);
    if (file.book === undefined || file.trashed)
      throw new Error(`Requested entity was not found. (${id} is not a spreadsheet)`);
    return file.book;
  }

  service(): Record<string, unknown> {
    const runtime = this.runtime;
    return {
      Spreadsheets: {
        get: (id: string, args?: { fields?: string; includeGridData?: boolean }) => {
          runtime.call("Sheets.Spreadsheets.get");
          if (args?.fields === undefined || args.includeGridData === true)
            throw new Error("The fake wants a fields mask (and no grid data) on spreadsheets.get");
          const book = this.book(id);
          return {
            spreadsheetId: id,
            sheets: book.sheets.map((sheet, index) => ({
              properties: {
                sheetId: sheet.sheetId,
                title: sheet.title,
                index,
                gridProperties: {
                  rowCount: sheet.rowCount,
                  columnCount: sheet.columnCount,
                  frozenRowCount: sheet.frozenRowCount,
                  frozenColumnCount: sheet.frozenColumnCount,
                },
              },
              merges: sheet.merges.map((m) => ({
                sheetId: sheet.sheetId,
                startRowIndex: m.top,
                endRowIndex: m.bottom + 1,
                startColumnIndex: m.left,
                endColumnIndex: m.right + 1,
              })),
            })),
          };
        },
        batchUpdate: (body: { requests?: Json[] }, id: string) => {
          runtime.call("Sheets.Spreadsheets.batchUpdate");
          this.batchCalls.push(runtime.execution?.calls ?? 0);
          const book = this.book(id);
          const size = Buffer.byteLength(JSON.stringify(body));
          if (size > maxBodyBytes)
            throw new Error(`Request payload size exceeds the limit: ${size}`);
          const requests = body.requests;
          if (!Array.isArray(requests) || requests.length === 0)
            throw new Error("Invalid JSON payload: requests must be a non-empty list");
          // All or nothing: work on a copy, keep it only when every request succeeded.
          const copy = structuredClone(book);
          requests.forEach((request, i) => {
            try {
              applyRequest(copy, request);
            } catch (error) {
              throw new Error(`Invalid requests[${i}]: ${(error as Error).message}`, {
                cause: error,
              });
            }
          });
          book.sheets = copy.sheets;
          this.batches.set(id, [...(this.batches.get(id) ?? []), requests]);
          return { spreadsheetId: id, replies: requests.map(() => ({})) };
        },
        Values: {
          batchGet: (
            id: string,
            args: { ranges?: string[]; valueRenderOption?: string; dateTimeRenderOption?: string },
          ) => {
            runtime.call("Sheets.Spreadsheets.Values.batchGet");
            const book = this.book(id);
            if (args.valueRenderOption !== "UNFORMATTED_VALUE")
              throw new Error("The fake reads unformatted values only");
            return {
              spreadsheetId: id,
              valueRanges: (args.ranges ?? []).map((range) => {
                const sheet = sheetOfRange(book, range);
                const values = sheetGrid(sheet).map((row) => {
                  const trimmed = [...row];
                  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === "") trimmed.pop();
                  return trimmed;
                });
                return {
                  range,
                  majorDimension: "ROWS",
                  ...(values.length === 0 ? {} : { values }),
                };
              }),
            };
          },
        },
      },
    };
  }
}

/** `'It''s'`, `Plain` or either with `!A1:B2` (the whole sheet is read either way). */
function sheetOfRange(book: ApiBook, range: string): ApiSheet {
  const match = /^(?:'((?:[^']|'')+)'|([^'!][^!]*))(?:![A-Z]+\d+(?::[A-Z]+\d+)?)?$/.exec(range);
  const title = match?.[1]?.replace(/''/g, "'") ?? match?.[2];
  const sheet = book.sheets.find((s) => s.title === title);
  if (sheet === undefined) throw new Error(`Unable to parse range: ${range}`);
  return sheet;
}

const requestKinds = [
  "addSheet",
  "deleteSheet",
  "updateSheetProperties",
  "updateCells",
  "repeatCell",
  "mergeCells",
  "unmergeCells",
  "updateDimensionProperties",
  "setDataValidation",
] as const;

function applyRequest(book: ApiBook, request: Json): void {
  const kinds = Object.keys(request);
  if (kinds.length !== 1) throw new Error(`one kind per request, got ${kinds.join(", ")}`);
  const kind = kinds[0]!;
  if (!(requestKinds as readonly string[]).includes(kind))
    throw new Error(`the fake does not support ${kind}`);
  const body = request[kind] as Json;
  switch (kind as (typeof requestKinds)[number]) {
    case "addSheet": {
      const properties = (body["properties"] ?? {}) as Json;
      const title = properties["title"];
      if (typeof title !== "string" || title.trim() === "" || title.length > 100)
        throw new Error(`invalid sheet title ${JSON.stringify(title)}`);
      checkTitle(book, title, null);
      if (book.sheets.length >= maxSheets)
        throw new Error(`a spreadsheet holds at most ${maxSheets} sheets`);
      let sheetId = properties["sheetId"];
      if (sheetId === undefined) sheetId = Math.max(0, ...book.sheets.map((s) => s.sheetId)) + 1;
      if (
        !Number.isInteger(sheetId) ||
        (sheetId as number) < 0 ||
        (sheetId as number) > 2 ** 31 - 1
      )
        throw new Error(`invalid sheetId ${String(sheetId)}`);
      if (book.sheets.some((s) => s.sheetId === sheetId))
        throw new Error(`A sheet with id ${String(sheetId)} already exists`);
      const grid = (properties["gridProperties"] ?? {}) as Json;
      const rows = (grid["rowCount"] as number | undefined) ?? 1000;
      const columns = (grid["columnCount"] as number | undefined) ?? 26;
      if (!(rows >= 1 && columns >= 1)) throw new Error("invalid grid size");
      const sheet = newSheet(sheetId as number, title, rows, columns);
      const index = properties["index"];
      if (index === undefined) book.sheets.push(sheet);
      else book.sheets.splice(index as number, 0, sheet);
      return;
    }
    case "deleteSheet": {
      const sheet = sheetById(book, body["sheetId"]);
      if (book.sheets.length === 1)
        throw new Error("You can't remove all the sheets in a document.");
      book.sheets = book.sheets.filter((s) => s !== sheet);
      return;
    }
    case "updateSheetProperties": {
      const properties = (body["properties"] ?? {}) as Json;
      const sheet = sheetById(book, properties["sheetId"]);
      const grid = (properties["gridProperties"] ?? {}) as Json;
      for (const field of fieldList(body)) {
        if (field === "title") {
          checkTitle(book, String(properties["title"]), sheet);
          sheet.title = String(properties["title"]);
        } else if (field === "gridProperties.rowCount") sheet.rowCount = positive(grid, "rowCount");
        else if (field === "gridProperties.columnCount")
          sheet.columnCount = positive(grid, "columnCount");
        else if (field === "gridProperties.frozenRowCount") {
          const frozen = (grid["frozenRowCount"] as number | undefined) ?? 0;
          if (sheet.merges.some((m) => m.top < frozen && m.bottom >= frozen))
            throw new Error("You can't freeze rows which contain only part of a merged cell.");
          sheet.frozenRowCount = frozen;
        } else if (field === "gridProperties.frozenColumnCount") {
          const frozen = (grid["frozenColumnCount"] as number | undefined) ?? 0;
          if (sheet.merges.some((m) => m.left < frozen && m.right >= frozen))
            throw new Error("You can't freeze columns which contain only part of a merged cell.");
          sheet.frozenColumnCount = frozen;
        } else throw new Error(`the fake does not update sheet property ${field}`);
      }
      if (sheet.frozenRowCount >= sheet.rowCount) throw new Error("too many frozen rows");
      return;
    }
    case "updateCells": {
      const fields = cellFields(body);
      const rows = body["rows"] as { values?: Json[] }[] | undefined;
      if ((body["start"] === undefined) === (body["range"] === undefined))
        throw new Error("updateCells needs exactly one of start and range");
      if (body["start"] !== undefined) {
        const start = body["start"] as Json;
        const sheet = sheetById(book, start["sheetId"]);
        const top = (start["rowIndex"] as number | undefined) ?? 0;
        const left = (start["columnIndex"] as number | undefined) ?? 0;
        (rows ?? []).forEach((row, r) =>
          (row.values ?? []).forEach((data, c) => {
            inGrid(sheet, top + r, left + c);
            writeCell(sheet, top + r, left + c, data, fields);
          }),
        );
        return;
      }
      const { sheet, top, left, bottom, right } = gridRange(book, body["range"] as GridRange);
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++)
          writeCell(sheet, r, c, rows?.[r - top]?.values?.[c - left] ?? {}, fields);
      return;
    }
    case "repeatCell": {
      const fields = cellFields(body);
      const { sheet, top, left, bottom, right } = gridRange(book, body["range"] as GridRange);
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++)
          writeCell(sheet, r, c, (body["cell"] ?? {}) as Json, fields);
      return;
    }
    case "mergeCells": {
      if (body["mergeType"] !== "MERGE_ALL") throw new Error("the fake merges MERGE_ALL only");
      const { sheet, top, left, bottom, right } = gridRange(book, body["range"] as GridRange);
      const merge = { top, left, bottom, right };
      if (top === bottom && left === right) throw new Error("a merge needs more than one cell");
      if (merge.top < sheet.frozenRowCount && merge.bottom >= sheet.frozenRowCount)
        throw new Error("You can't merge frozen and non-frozen rows.");
      const same = sheet.merges.find((m) => JSON.stringify(m) === JSON.stringify(merge));
      if (same !== undefined) return;
      if (sheet.merges.some((m) => overlaps(m, merge)))
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
      sheet.merges.push(merge);
      return;
    }
    case "unmergeCells": {
      const { sheet, top, left, bottom, right } = gridRange(book, body["range"] as GridRange);
      const range = { top, left, bottom, right };
      for (const m of sheet.merges)
        if (overlaps(m, range) && !inside(m, range))
          throw new Error("You must select all cells in a merged range to merge or unmerge them.");
      sheet.merges = sheet.merges.filter((m) => !inside(m, range));
      return;
    }
    case "updateDimensionProperties": {
      if (body["fields"] !== "pixelSize") throw new Error("the fake updates pixelSize only");
      const range = body["range"] as Json;
      const sheet = sheetById(book, range["sheetId"]);
      const start = range["startIndex"] as number;
      const end = range["endIndex"] as number;
      const size = ((body["properties"] ?? {}) as Json)["pixelSize"];
      const limit = range["dimension"] === "ROWS" ? sheet.rowCount : sheet.columnCount;
      if (range["dimension"] !== "ROWS" && range["dimension"] !== "COLUMNS")
        throw new Error("dimension must be ROWS or COLUMNS");
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end))
        throw new Error("invalid dimension range");
      if (end > limit) throw new Error(`Range exceeds grid limits (${end} > ${limit})`);
      if (typeof size !== "number" || size < 0) throw new Error("invalid pixelSize");
      const sizes = range["dimension"] === "ROWS" ? sheet.rowHeights : sheet.columnWidths;
      for (let i = start; i < end; i++) sizes.set(i, size);
      return;
    }
    case "setDataValidation": {
      const { sheet, top, left, bottom, right } = gridRange(book, body["range"] as GridRange);
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) {
          const cell = cellAt(sheet, r, c);
          if (body["rule"] === undefined) delete cell.validation;
          else cell.validation = body["rule"];
        }
      return;
    }
  }
}

function fieldList(body: Json): string[] {
  const fields = body["fields"];
  if (typeof fields !== "string" || fields.trim() === "") throw new Error("fields is required");
  return fields.split(",").map((field) => field.trim());
}

const cellFieldNames = ["userEnteredValue", "userEnteredFormat", "dataValidation"] as const;
type CellField = (typeof cellFieldNames)[number];

function cellFields(body: Json): CellField[] {
  const fields = fieldList(body);
  if (fields.includes("*")) return [...cellFieldNames];
  for (const field of fields)
    if (!(cellFieldNames as readonly string[]).includes(field))
      throw new Error(`the fake does not write cell field ${field}`);
  return fields as CellField[];
}

function writeCell(sheet: ApiSheet, row: number, column: number, data: Json, fields: CellField[]) {
  const cell = cellAt(sheet, row, column);
  for (const field of fields) {
    if (field === "userEnteredValue") {
      delete cell.value;
      delete cell.formula;
      const entered = data["userEnteredValue"] as Json | undefined;
      if (entered === undefined) continue;
      const keys = Object.keys(entered);
      if (keys.length !== 1) throw new Error("a value is exactly one of its kinds");
      const [key] = keys;
      const value = entered[key!];
      if (key === "stringValue" && typeof value === "string") cell.value = value;
      else if (key === "numberValue" && typeof value === "number" && Number.isFinite(value))
        cell.value = value;
      else if (key === "boolValue" && typeof value === "boolean") cell.value = value;
      else if (key === "formulaValue" && typeof value === "string") cell.formula = value;
      else throw new Error(`invalid userEnteredValue ${JSON.stringify(entered)}`);
    } else if (field === "userEnteredFormat") {
      const format = data["userEnteredFormat"] as Record<string, unknown> | undefined;
      if (format === undefined) delete cell.format;
      else cell.format = structuredClone(format);
    } else {
      if (data["dataValidation"] === undefined) delete cell.validation;
      else cell.validation = data["dataValidation"];
    }
  }
}

function cellAt(sheet: ApiSheet, row: number, column: number): ApiCell {
  const cells = (sheet.cells[row] ??= []);
  return (cells[column] ??= {});
}

function sheetById(book: ApiBook, id: unknown): ApiSheet {
  const sheet = book.sheets.find((s) => s.sheetId === id);
  if (sheet === undefined) throw new Error(`No grid with id: ${String(id)}`);
  return sheet;
}

function checkTitle(book: ApiBook, title: string, self: ApiSheet | null): void {
  if (book.sheets.some((s) => s !== self && s.title.toLowerCase() === title.toLowerCase()))
    throw new Error(`A sheet with the name "${title}" already exists. Please enter another name.`);
}

function positive(grid: Json, key: string): number {
  const value = grid[key];
  if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`invalid ${key}`);
  return value as number;
}

function inGrid(sheet: ApiSheet, row: number, column: number): void {
  if (row < 0 || column < 0 || row >= sheet.rowCount || column >= sheet.columnCount)
    throw new Error(
      `Range (${sheet.title}!R${row + 1}C${column + 1}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
}

/** A GridRange's sheet and inclusive bounds; unbounded sides reach the grid's edge. */
function gridRange(book: ApiBook, range: GridRange | undefined) {
  if (range === undefined) throw new Error("range is required");
  const sheet = sheetById(book, range.sheetId);
  const top = range.startRowIndex ?? 0;
  const left = range.startColumnIndex ?? 0;
  const bottom = (range.endRowIndex ?? sheet.rowCount) - 1;
  const right = (range.endColumnIndex ?? sheet.columnCount) - 1;
  if (top > bottom || left > right) throw new Error("empty range");
  inGrid(sheet, top, left);
  inGrid(sheet, bottom, right);
  return { sheet, top, left, bottom, right };
}

function overlaps(a: ApiMerge, b: ApiMerge): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function inside(a: ApiMerge, b: ApiMerge): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}
