/**
 * The Sheets v4 `batchUpdate` requests the fake accepts, checked as Google checks them:
 *
 * - the JSON shape first, for the whole body (Google parses the payload before it applies
 *   anything): an unknown request kind or field is "Invalid JSON payload received. Unknown
 *   name …: Cannot find field." and nothing is applied;
 * - then request by request, against the spreadsheet as it stands at that point of the batch:
 *   every GridRange and DimensionRange inside the sheet's grid ("exceeds grid limits"), field
 *   masks that name real fields, sheet titles unique ignoring case, never all rows or columns
 *   frozen, no merge across the frozen edge, at least one sheet left, at most 10 million cells.
 *
 * Written from Google's REST reference (spreadsheets.batchUpdate, Request, GridRange, CellData,
 * SheetProperties, DataValidationRule) for the request kinds the product sends; anything else
 * is refused, as an unknown kind would be.
 */
import { z } from "zod";
import type { FakeCell, FakeSheet, FakeSpreadsheet } from "./fake-google-server.js";

/** Google Sheets' limit on cells in a spreadsheet, all sheets' grids together. */
export const maxCells = 10_000_000;

const int = z.number().int();
const index = int.min(0);

const color = z.strictObject({
  red: z.number().optional(),
  green: z.number().optional(),
  blue: z.number().optional(),
  alpha: z.number().optional(),
});
const colorStyle = z.strictObject({
  rgbColor: color.optional(),
  themeColor: z.string().optional(),
});
const border = z.strictObject({
  style: z.enum(["DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "NONE", "DOUBLE"]),
  width: int.optional(),
  color: color.optional(),
  colorStyle: colorStyle.optional(),
});
const textFormat = z.strictObject({
  foregroundColor: color.optional(),
  foregroundColorStyle: colorStyle.optional(),
  fontFamily: z.string().optional(),
  fontSize: int.min(1).optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  underline: z.boolean().optional(),
  link: z.strictObject({ uri: z.string() }).optional(),
});
const cellFormat = z.strictObject({
  numberFormat: z
    .strictObject({
      type: z.enum(["TEXT", "NUMBER", "PERCENT", "CURRENCY", "DATE", "TIME", "DATE_TIME"]),
      pattern: z.string().optional(),
    })
    .optional(),
  backgroundColor: color.optional(),
  backgroundColorStyle: colorStyle.optional(),
  borders: z
    .strictObject({
      top: border.optional(),
      bottom: border.optional(),
      left: border.optional(),
      right: border.optional(),
    })
    .optional(),
  horizontalAlignment: z.enum(["LEFT", "CENTER", "RIGHT"]).optional(),
  verticalAlignment: z.enum(["TOP", "MIDDLE", "BOTTOM"]).optional(),
  wrapStrategy: z.enum(["OVERFLOW_CELL", "LEGACY_WRAP", "CLIP", "WRAP"]).optional(),
  textFormat: textFormat.optional(),
});
const extendedValue = z.strictObject({
  numberValue: z.number().optional(),
  stringValue: z.string().optional(),
  boolValue: z.boolean().optional(),
  formulaValue: z.string().optional(),
});
const conditionValue = z.strictObject({ userEnteredValue: z.string() });
const dataValidationRule = z.strictObject({
  condition: z.strictObject({
    type: z.enum(["ONE_OF_LIST", "ONE_OF_RANGE", "BOOLEAN", "TEXT_IS_EMAIL", "DATE_IS_VALID"]),
    values: z.array(conditionValue).optional(),
  }),
  inputMessage: z.string().optional(),
  strict: z.boolean().optional(),
  showCustomUi: z.boolean().optional(),
});
const cellData = z.strictObject({
  userEnteredValue: extendedValue.optional(),
  userEnteredFormat: cellFormat.optional(),
  dataValidation: dataValidationRule.optional(),
  note: z.string().optional(),
});
const gridRange = z.strictObject({
  sheetId: int.optional(),
  startRowIndex: index.optional(),
  endRowIndex: index.optional(),
  startColumnIndex: index.optional(),
  endColumnIndex: index.optional(),
});
const gridProperties = z.strictObject({
  rowCount: index.optional(),
  columnCount: index.optional(),
  frozenRowCount: index.optional(),
  frozenColumnCount: index.optional(),
  hideGridlines: z.boolean().optional(),
});
const sheetProperties = z.strictObject({
  sheetId: int.optional(),
  title: z.string().optional(),
  index: index.optional(),
  hidden: z.boolean().optional(),
  gridProperties: gridProperties.optional(),
  tabColorStyle: colorStyle.optional(),
});
const fieldMask = z.string().min(1, "a field mask is required");

const requestSchemas = {
  addSheet: z.strictObject({ properties: sheetProperties.optional() }),
  deleteSheet: z.strictObject({ sheetId: int }),
  updateSheetProperties: z.strictObject({ properties: sheetProperties, fields: fieldMask }),
  updateCells: z.strictObject({
    start: z
      .strictObject({
        sheetId: int.optional(),
        rowIndex: index.optional(),
        columnIndex: index.optional(),
      })
      .optional(),
    range: gridRange.optional(),
    rows: z.array(z.strictObject({ values: z.array(cellData).optional() })).optional(),
    fields: fieldMask,
  }),
  unmergeCells: z.strictObject({ range: gridRange }),
  mergeCells: z.strictObject({
    range: gridRange,
    mergeType: z.enum(["MERGE_ALL", "MERGE_COLUMNS", "MERGE_ROWS"]),
  }),
  updateDimensionProperties: z.strictObject({
    range: z.strictObject({
      sheetId: int.optional(),
      dimension: z.enum(["ROWS", "COLUMNS"]),
      startIndex: index.optional(),
      endIndex: index.optional(),
    }),
    properties: z.strictObject({
      pixelSize: int.min(0).optional(),
      hiddenByUser: z.boolean().optional(),
    }),
    fields: fieldMask,
  }),
  setDataValidation: z.strictObject({
    range: gridRange,
    rule: dataValidationRule.optional(),
    filteredRowsIncluded: z.boolean().optional(),
  }),
} as const;

type Kind = keyof typeof requestSchemas;
type Parsed = { [K in Kind]: { kind: K; body: z.infer<(typeof requestSchemas)[K]> } }[Kind];

const batchBody = z.strictObject({
  requests: z.array(z.record(z.string(), z.unknown())),
  includeSpreadsheetInResponse: z.boolean().optional(),
  responseRanges: z.array(z.string()).optional(),
  responseIncludeGridData: z.boolean().optional(),
});

/** A refusal as Google words it; `status` is the HTTP status. */
export class SheetsRefusal extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/**
 * Applies a batch to `book` (a copy the caller keeps only on success), as Google would: all
 * of it or, on the first refused request, none of it (the caller drops the copy).
 */
export function applySheetBatch(book: FakeSpreadsheet, body: unknown): void {
  const requests = parseBatch(body);
  requests.forEach((request, i) => {
    try {
      applyRequest(book, request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SheetsRefusal(`Invalid requests[${i}].${request.kind}: ${message}`);
    }
  });
}

/** The body's shape, checked whole before anything is applied, as Google parses it. */
function parseBatch(body: unknown): Parsed[] {
  const outer = batchBody.safeParse(body ?? {});
  if (!outer.success) throw new SheetsRefusal(payloadMessage(outer.error, []));
  return outer.data.requests.map((request, i) => {
    const kinds = Object.keys(request);
    for (const kind of kinds)
      if (!Object.hasOwn(requestSchemas, kind))
        throw new SheetsRefusal(unknownName(kind, `requests[${i}]`));
    if (kinds.length !== 1)
      throw new SheetsRefusal(
        `Invalid requests[${i}]: oneof field 'kind' is already set. Cannot set '${kinds[1]}'`,
      );
    const kind = kinds[0] as Kind;
    const parsed = requestSchemas[kind].safeParse(request[kind]);
    if (!parsed.success)
      throw new SheetsRefusal(payloadMessage(parsed.error, [`requests[${i}]`, snake(kind)]));
    return { kind, body: parsed.data } as Parsed;
  });
}

function payloadMessage(error: z.ZodError, prefix: string[]): string {
  const first = error.issues[0]!;
  const path = [
    ...prefix,
    ...first.path.map((p) => (typeof p === "number" ? `[${p}]` : snake(String(p)))),
  ]
    .join(".")
    .replace(/\.\[/g, "[");
  if (first.code === "unrecognized_keys") return unknownName(first.keys[0]!, path);
  return `Invalid value at '${path}': ${first.message}`;
}

function unknownName(name: string, at: string): string {
  return `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

function applyRequest(book: FakeSpreadsheet, request: Parsed): void {
  switch (request.kind) {
    case "addSheet":
      return addSheet(book, request.body);
    case "deleteSheet": {
      const sheet = byId(book, request.body.sheetId);
      if (book.sheets.length === 1)
        throw new Error("You can't remove all the sheets in a document.");
      book.sheets = book.sheets.filter((s) => s !== sheet);
      return;
    }
    case "updateSheetProperties":
      return updateSheetProperties(book, request.body);
    case "updateCells":
      return updateCells(book, request.body);
    case "unmergeCells": {
      const sheet = byId(book, request.body.range.sheetId);
      const range = inGrid(sheet, request.body.range);
      const inside = (m: Bounded) =>
        m.startRowIndex >= range.startRowIndex &&
        m.endRowIndex <= range.endRowIndex &&
        m.startColumnIndex >= range.startColumnIndex &&
        m.endColumnIndex <= range.endColumnIndex;
      if (sheet.merges.some((m) => overlaps(m, range) && !inside(m)))
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
      sheet.merges = sheet.merges.filter((m) => !inside(m));
      return;
    }
    case "mergeCells": {
      const sheet = byId(book, request.body.range.sheetId);
      const range = inGrid(sheet, request.body.range);
      const frozenRows = sheet.frozenRowCount ?? 0;
      const frozenColumns = sheet.frozenColumnCount ?? 0;
      if (range.startRowIndex < frozenRows && range.endRowIndex > frozenRows)
        throw new Error("You can't merge frozen and non-frozen rows.");
      if (range.startColumnIndex < frozenColumns && range.endColumnIndex > frozenColumns)
        throw new Error("You can't merge frozen and non-frozen columns.");
      if (
        range.endRowIndex - range.startRowIndex < 2 &&
        range.endColumnIndex - range.startColumnIndex < 2
      )
        return; // one cell: nothing to merge
      const same = (m: Bounded) => a1(m) === a1(range);
      if (sheet.merges.some(same)) return;
      if (sheet.merges.some((m) => overlaps(m, range)))
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
      sheet.merges.push({ sheetId: sheet.sheetId, ...range });
      return;
    }
    case "updateDimensionProperties": {
      const { range, fields } = request.body;
      checkMask(fields, ["pixelSize", "hiddenByUser"]);
      const sheet = byId(book, range.sheetId);
      const rows = range.dimension === "ROWS";
      const count = rows ? sheet.rowCount : sheet.columnCount;
      const start = range.startIndex ?? 0;
      const end = range.endIndex ?? count;
      if (start >= end || end > count)
        throw new Error(
          `Range (${quote(sheet.title)}!${rows ? `${start + 1}:${end}` : `${letters(start)}:${letters(end - 1)}`}) exceeds grid limits. ${limits(sheet)}`,
        );
      return;
    }
    case "setDataValidation": {
      const sheet = byId(book, request.body.range.sheetId);
      const range = inGrid(sheet, request.body.range);
      const rule = request.body.rule;
      if (rule?.condition.type === "ONE_OF_LIST" && (rule.condition.values ?? []).length === 0)
        throw new Error("ConditionType 'ONE_OF_LIST' requires at least 1 ConditionValue.");
      if (rule === undefined) sheet.validations = 0;
      else sheet.validations++;
      sheet.validationRanges = [...(sheet.validationRanges ?? []), range];
      return;
    }
  }
}

function addSheet(book: FakeSpreadsheet, body: z.infer<(typeof requestSchemas)["addSheet"]>): void {
  const p = body.properties ?? {};
  const title = p.title ?? `Sheet${book.sheets.length + 1}`;
  if (title.trim() === "") throw new Error("The sheet name can't be empty.");
  if (book.sheets.some((s) => s.title.toLowerCase() === title.toLowerCase()))
    throw new Error(`A sheet with the name "${title}" already exists. Please enter another name.`);
  if (p.sheetId !== undefined && book.sheets.some((s) => s.sheetId === p.sheetId))
    throw new Error(`Sheet with id ${p.sheetId} already exists.`);
  const grid = p.gridProperties ?? {};
  const sheet: FakeSheet = {
    sheetId: p.sheetId ?? 9_000_000 + book.sheets.length,
    title,
    rowCount: grid.rowCount ?? 1000,
    columnCount: grid.columnCount ?? 26,
    cells: new Map(),
    merges: [],
    validations: 0,
  };
  checkFrozen(sheet, grid.frozenRowCount ?? 0, grid.frozenColumnCount ?? 0);
  sheet.frozenRowCount = grid.frozenRowCount;
  sheet.frozenColumnCount = grid.frozenColumnCount;
  if (p.index !== undefined && p.index > book.sheets.length)
    throw new Error(`The index ${p.index} is past the last sheet (${book.sheets.length}).`);
  book.sheets.splice(p.index ?? book.sheets.length, 0, sheet);
  checkCells(book);
}

function updateSheetProperties(
  book: FakeSpreadsheet,
  body: z.infer<(typeof requestSchemas)["updateSheetProperties"]>,
): void {
  const { properties: p, fields } = body;
  const sheet = byId(book, p.sheetId);
  const grid = p.gridProperties ?? {};
  const paths = checkMask(fields, [
    "title",
    "index",
    "hidden",
    "gridProperties.rowCount",
    "gridProperties.columnCount",
    "gridProperties.frozenRowCount",
    "gridProperties.frozenColumnCount",
  ]);
  let { rowCount, columnCount } = sheet;
  let frozenRows = sheet.frozenRowCount ?? 0;
  let frozenColumns = sheet.frozenColumnCount ?? 0;
  for (const path of paths) {
    if (path === "gridProperties.rowCount") rowCount = grid.rowCount ?? 0;
    if (path === "gridProperties.columnCount") columnCount = grid.columnCount ?? 0;
    if (path === "gridProperties.frozenRowCount") frozenRows = grid.frozenRowCount ?? 0;
    if (path === "gridProperties.frozenColumnCount") frozenColumns = grid.frozenColumnCount ?? 0;
    if (path === "title") {
      const title = p.title ?? "";
      if (title.trim() === "") throw new Error("The sheet name can't be empty.");
      if (book.sheets.some((s) => s !== sheet && s.title.toLowerCase() === title.toLowerCase()))
        throw new Error(
          `A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      sheet.title = title;
    }
  }
  if (rowCount < 1 || columnCount < 1)
    throw new Error("A sheet needs at least one row and column.");
  const resized = { ...sheet, rowCount, columnCount };
  checkFrozen(resized, frozenRows, frozenColumns);
  for (const merge of sheet.merges)
    if (
      (merge.startRowIndex < frozenRows && merge.endRowIndex > frozenRows) ||
      (merge.startColumnIndex < frozenColumns && merge.endColumnIndex > frozenColumns)
    )
      throw new Error("You can't freeze a range that would split a merged cell.");
  Object.assign(sheet, { rowCount, columnCount });
  sheet.frozenRowCount = frozenRows;
  sheet.frozenColumnCount = frozenColumns;
  checkCells(book);
}

function updateCells(
  book: FakeSpreadsheet,
  body: z.infer<(typeof requestSchemas)["updateCells"]>,
): void {
  const fields = checkMask(body.fields, [
    "userEnteredValue",
    "userEnteredFormat",
    "userEnteredFormat.textFormat",
    "userEnteredFormat.textFormat.link",
    "userEnteredFormat.numberFormat",
    "dataValidation",
    "note",
  ]);
  if ((body.start === undefined) === (body.range === undefined))
    throw new Error("Exactly one of start or range must be set.");
  const rows = body.rows ?? [];
  if (body.range !== undefined) {
    const sheet = byId(book, body.range.sheetId);
    const range = inGrid(sheet, body.range);
    if (rows.length > 0) throw new Error("this fake writes rows only from a start cell");
    for (const key of [...sheet.cells.keys()]) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (r < range.startRowIndex || r >= range.endRowIndex) continue;
      if (c < range.startColumnIndex || c >= range.endColumnIndex) continue;
      const cell = sheet.cells.get(key)!;
      if (fields.includes("userEnteredValue")) delete cell.userEnteredValue;
      if (fields.includes("userEnteredFormat")) delete cell.userEnteredFormat;
      if (cell.userEnteredValue === undefined && cell.userEnteredFormat === undefined)
        sheet.cells.delete(key);
    }
    if (fields.includes("dataValidation")) {
      sheet.validations = 0;
      sheet.validationRanges = [];
    }
    return;
  }
  const start = body.start!;
  const sheet = byId(book, start.sheetId);
  const top = start.rowIndex ?? 0;
  const left = start.columnIndex ?? 0;
  const width = Math.max(0, ...rows.map((row) => row.values?.length ?? 0));
  if (rows.length > 0 && width > 0)
    inGrid(sheet, {
      startRowIndex: top,
      endRowIndex: top + rows.length,
      startColumnIndex: left,
      endColumnIndex: left + width,
    });
  rows.forEach((row, dr) =>
    (row.values ?? []).forEach((data, dc) => {
      if (data.userEnteredValue?.formulaValue !== undefined)
        throw new Error("formulaValue written");
      const key = `${top + dr},${left + dc}`;
      const cell: FakeCell = structuredClone(sheet.cells.get(key) ?? {});
      for (const field of fields) {
        if (field === "userEnteredValue") {
          if (data.userEnteredValue === undefined) delete cell.userEnteredValue;
          else cell.userEnteredValue = data.userEnteredValue;
        } else if (field === "userEnteredFormat") {
          if (data.userEnteredFormat === undefined) delete cell.userEnteredFormat;
          else cell.userEnteredFormat = data.userEnteredFormat;
        } else if (field === "userEnteredFormat.textFormat.link") {
          const link = data.userEnteredFormat?.textFormat?.link;
          cell.userEnteredFormat = {
            ...cell.userEnteredFormat,
            textFormat: { ...cell.userEnteredFormat?.textFormat, link },
          };
        } else throw new Error(`this fake does not write the field ${field}`);
      }
      sheet.cells.set(key, cell);
    }),
  );
}

function byId(book: FakeSpreadsheet, id: number | undefined): FakeSheet {
  const sheet = book.sheets.find((s) => s.sheetId === (id ?? 0));
  if (sheet === undefined) throw new Error(`No grid with id: ${String(id ?? 0)}`);
  return sheet;
}

interface Bounded {
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

/** A GridRange with its open ends closed by the grid; refused when it reaches past the grid. */
function inGrid(sheet: FakeSheet, range: z.infer<typeof gridRange>): Bounded {
  const bounded = {
    startRowIndex: range.startRowIndex ?? 0,
    endRowIndex: range.endRowIndex ?? sheet.rowCount,
    startColumnIndex: range.startColumnIndex ?? 0,
    endColumnIndex: range.endColumnIndex ?? sheet.columnCount,
  };
  if (
    bounded.startRowIndex > bounded.endRowIndex ||
    bounded.startColumnIndex > bounded.endColumnIndex
  )
    throw new Error(`Invalid range: start index after end index.`);
  if (bounded.endRowIndex > sheet.rowCount || bounded.endColumnIndex > sheet.columnCount)
    throw new Error(
      `Range (${quote(sheet.title)}!${a1(bounded)}) exceeds grid limits. ${limits(sheet)}`,
    );
  return bounded;
}

function limits(sheet: FakeSheet): string {
  return `Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`;
}

function checkFrozen(sheet: FakeSheet, rows: number, columns: number): void {
  if (rows >= sheet.rowCount && rows > 0)
    throw new Error("You can't freeze all visible rows on the sheet.");
  if (columns >= sheet.columnCount && columns > 0)
    throw new Error("You can't freeze all visible columns on the sheet.");
}

function checkCells(book: FakeSpreadsheet): void {
  const cells = book.sheets.reduce((sum, s) => sum + s.rowCount * s.columnCount, 0);
  if (cells > maxCells)
    throw new Error(
      `This action would increase the number of cells in the workbook above the limit of ${maxCells} cells.`,
    );
}

/** The mask's paths; each must be one the request's object has (as `allowed` lists them). */
function checkMask(mask: string, allowed: readonly string[]): string[] {
  const paths = mask.split(",").map((path) => path.trim());
  for (const path of paths)
    if (!allowed.includes(path) && path !== "*")
      throw new Error(`Invalid field mask: '${path}' is not a field of the request's object.`);
  return paths;
}

function overlaps(a: Bounded, b: Bounded): boolean {
  return (
    a.startRowIndex < b.endRowIndex &&
    b.startRowIndex < a.endRowIndex &&
    a.startColumnIndex < b.endColumnIndex &&
    b.startColumnIndex < a.endColumnIndex
  );
}

function quote(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

function letters(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function a1(range: Bounded): string {
  const first = `${letters(range.startColumnIndex)}${range.startRowIndex + 1}`;
  const last = `${letters(range.endColumnIndex - 1)}${range.endRowIndex}`;
  return first === last ? first : `${first}:${last}`;
}
