/**
 * An in-memory Excel behind the Office.js proxy contract, modelled on office-addin-mock's
 * OfficeMockObject but strict where our adapter could go wrong:
 *
 * - commands and loads are queued and run only at `context.sync()`, in order;
 * - reading a property that was not loaded, or before the sync that loads it, throws;
 * - a request (one sync) or its response over Excel on the web's 5 MB throws
 *   RequestPayloadSizeLimitExceeded, as Excel on the web does;
 * - `values` follow Excel's rules: null leaves a cell, "" clears it, text starting with
 *   = + - @ becomes a formula and "00123" a number unless the cell's format is "@" (text);
 * - sheet names follow Excel's rules (≤ 31 characters, none of \ / ? * [ ] :, unique ignoring case).
 *
 * Browser-safe (no Node imports): the end-to-end test bundles it as the page's `office.js`.
 */
import { columnIndex, columnLetter, quoteSheetName } from "../../shared/workbook/cell-ref.js";
import type { MergedRange } from "../../shared/workbook/snapshot.js";

export const payloadLimit = 5 * 1024 * 1024;
const maxRows = 1_048_576;
const maxColumns = 16_384;

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  /** Set when Excel took the written text for a formula. */
  formula?: string;
  numberFormat: string;
  /** Formatting as property paths: "font.bold", "fill.color", "borders.EdgeTop.style" … */
  format: Record<string, unknown>;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  merges: MergedRange[] = [];
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  validations: { row: number; column: number; rows: number; rule: unknown }[] = [];
  hyperlinks = new Map<string, { address?: string; documentReference?: string; text: string }>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};

  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  /** The value grid (null for empty), rows[0] is row 1; trailing empty rows dropped. */
  grid(): (FakeValue | null)[][] {
    let rows = 0;
    let columns = 0;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => this.cell(r, c)?.value ?? null),
    );
  }

  /** Text of a row, cells joined by " | " (for readable assertions). */
  rowText(row: number): string {
    return (this.grid()[row] ?? []).map((v) => (v === null ? "" : String(v))).join(" | ");
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  selection: string | null = null;
  settings = new Map<string, unknown>();

  constructor(sheets: Record<string, readonly (readonly (FakeValue | null)[])[]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = new FakeSheet(name);
      rows.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value !== null && value !== "")
            sheet.cells.set(`${r},${c}`, { value, numberFormat: "General", format: {} });
        }),
      );
      this.sheets.push(sheet);
    }
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Action {
  bytes: number;
  /** A load returns its response bytes. */
  run(): unknown;
}

const encoder = new TextEncoder();
const bytesOf = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? "").length;

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  /** Every `context.sync()` call, including ones with nothing queued. */
  syncs = 0;
  /** Bytes of each request and response, in order. */
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  private queue: Action[] = [];
  /** Incremented after each sync; loaded values are readable from the sync that loaded them. */
  generation = 0;

  constructor(readonly state: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(bytes: number, run: () => unknown): void {
    this.queue.push({ bytes: bytes + 40, run });
  }

  async sync(): Promise<void> {
    this.syncs++;
    const actions = this.queue;
    this.queue = [];
    const request = actions.reduce((sum, a) => sum + a.bytes, 0);
    this.requestBytes.push(request);
    if (request > payloadLimit)
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${request} bytes) has exceeded the limit.`,
      );
    let response = 0;
    for (const action of actions) {
      const bytes = action.run();
      if (typeof bytes === "number") response += bytes;
    }
    this.responseBytes.push(response);
    if (response > payloadLimit)
      throw new FakeError("ResponsePayloadSizeLimitExceeded", "The response payload is too big.");
    this.generation++;
    await Promise.resolve();
  }
}

/** Loaded properties of a proxy: set when its load ran, readable only after that sync. */
class Loaded {
  private values = new Map<string, unknown>();
  private readyAt = Infinity;

  constructor(private readonly context: FakeContext) {}

  /** `now`: readable at once (items of a collection that a sync already loaded). */
  store(values: Record<string, unknown>, now = false): void {
    for (const [key, value] of Object.entries(values)) this.values.set(key, value);
    this.readyAt = this.context.generation + (now ? 0 : 1);
  }

  get<T>(property: string, owner: string): T {
    if (!this.values.has(property) || this.context.generation < this.readyAt)
      throw new FakeError(
        "PropertyNotLoaded",
        `The property '${property}' of ${owner} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.values.get(property) as T;
  }
}

const properties = (list: string | string[] | undefined): string[] =>
  (Array.isArray(list) ? list : (list ?? "").split(","))
    .map((p) => p.trim())
    .filter((p) => p !== "");

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

const illegalName = (name: string): boolean =>
  name.length === 0 ||
  [...name].length > 31 ||
  /[\\/?*[\]:]/.test(name) ||
  name.startsWith("'") ||
  name.endsWith("'") ||
  name.toLowerCase() === "history";

class FakeWorksheetCollection {
  private loaded: Loaded;
  constructor(private readonly context: FakeContext) {
    this.loaded = new Loaded(context);
  }

  load(list?: string): this {
    this.context.enqueue(bytesOf(list), () => {
      const names = this.context.state.sheets.map((s) => s.name);
      this.loaded.store({ items: names });
      return bytesOf(names);
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    const names = this.loaded.get<string[]>("items", "WorksheetCollection");
    return names.map((name) => {
      const sheet = new FakeWorksheet(this.context, name);
      sheet.preload({ name, isNullObject: false });
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name, true);
  }

  add(name: string): FakeWorksheet {
    this.context.enqueue(bytesOf(name), () => {
      const state = this.context.state;
      if (illegalName(name))
        throw new FakeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
      if (state.sheet(name) !== undefined)
        throw new FakeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      state.sheets.push(new FakeSheet(name));
    });
    return new FakeWorksheet(this.context, name, true);
  }
}

interface Box {
  sheet: FakeSheet;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

class FakeWorksheet {
  private loaded: Loaded;
  readonly freezePanes: Record<string, (...args: never[]) => void>;
  readonly pageLayout: Record<string, unknown>;

  constructor(
    private readonly context: FakeContext,
    private readonly sheetName: string,
    private readonly mustExist = false,
  ) {
    this.loaded = new Loaded(context);
    const freeze = (rows: number, columns: number) =>
      this.command({ freeze: [rows, columns] }, (sheet) => (sheet.freeze = { rows, columns }));
    this.freezePanes = {
      freezeRows: (n: number) => freeze(n, 0),
      freezeColumns: (n: number) => freeze(0, n),
      freezeAt: (range: FakeRange) =>
        this.command({ freezeAt: true }, (sheet) => {
          const box = range.describe();
          sheet.freeze = { rows: box.row + box.rows, columns: box.column + box.columns };
        }),
      unfreeze: () => freeze(0, 0),
    } as unknown as Record<string, (...args: never[]) => void>;
    const layout: Record<string, unknown> = {};
    for (const key of ["orientation", "zoom"]) {
      Object.defineProperty(layout, key, {
        set: (value: unknown) =>
          this.command({ [key]: value }, (sheet) => (sheet.pageLayout[key] = value)),
      });
    }
    this.pageLayout = layout;
  }

  /** The state sheet, or null; throws ItemNotFound for getItem-style proxies. */
  resolve(): FakeSheet | null {
    const sheet = this.context.state.sheet(this.sheetName) ?? null;
    if (sheet === null && this.mustExist)
      throw new FakeError("ItemNotFound", `The sheet "${this.sheetName}" does not exist.`);
    return sheet;
  }

  preload(values: Record<string, unknown>): void {
    this.loaded.store(values, true);
  }

  private command(args: unknown, run: (sheet: FakeSheet) => void): void {
    this.context.enqueue(bytesOf(args), () => {
      const sheet = this.resolve();
      if (sheet === null) throw new FakeError("ItemNotFound", "The sheet does not exist.");
      run(sheet);
    });
  }

  load(list?: string): this {
    const wanted = properties(list);
    this.context.enqueue(bytesOf(list), () => {
      const sheet = this.resolve();
      const values: Record<string, unknown> = { isNullObject: sheet === null };
      if (sheet !== null) {
        if (wanted.includes("name")) values.name = sheet.name;
        if (wanted.includes("position")) values.position = this.context.state.sheets.indexOf(sheet);
      }
      this.loaded.store(values);
      return bytesOf(values);
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.loaded.get("isNullObject", "Worksheet");
  }
  get name(): string {
    return this.loaded.get("name", "Worksheet");
  }

  set position(index: number) {
    this.command({ position: index }, (sheet) => {
      const sheets = this.context.state.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(index, 0, sheet);
    });
  }

  activate(): void {
    this.command({ activate: true }, () => undefined);
  }

  getRange(address?: string): FakeRange {
    if (address === undefined)
      return new FakeRange(this.context, () => this.box(0, 0, maxRows, maxColumns));
    const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
    if (match === null) throw new FakeError("InvalidArgument", `Bad address ${address}`);
    const c1 = columnIndex(match[1]!)!;
    const r1 = Number(match[2]) - 1;
    const c2 = match[3] === undefined ? c1 : columnIndex(match[3])!;
    const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
    return new FakeRange(this.context, () => this.box(r1, c1, r2 - r1 + 1, c2 - c1 + 1));
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    if (rows < 1 || columns < 1) throw new FakeError("InvalidArgument", "Empty range");
    return new FakeRange(this.context, () => this.box(row, column, rows, columns));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (sheet === null) return null;
      let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
      for (const [key, cell] of sheet.cells) {
        if (valuesOnly === true && cell.value === "") continue;
        const [r, c] = key.split(",").map(Number) as [number, number];
        [top, left, bottom, right] = [
          Math.min(top, r),
          Math.min(left, c),
          Math.max(bottom, r),
          Math.max(right, c),
        ];
      }
      if (bottom < 0) return null;
      return { sheet, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
    });
  }

  private box(row: number, column: number, rows: number, columns: number): Box | null {
    const sheet = this.resolve();
    if (sheet === null) throw new FakeError("ItemNotFound", "The sheet does not exist.");
    return { sheet, row, column, rows, columns };
  }
}

const formulaLike = /^[=+\-@]/;
const numberLike = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function writeCell(sheet: FakeSheet, row: number, column: number, value: unknown): void {
  if (value === null || value === undefined) return;
  const key = `${row},${column}`;
  const cell = sheet.cells.get(key) ?? { value: "", numberFormat: "General", format: {} };
  delete cell.formula;
  if (typeof value === "string" && value !== "" && cell.numberFormat !== "@") {
    if (formulaLike.test(value) && !numberLike.test(value)) {
      cell.formula = value;
      cell.value = "#NAME?";
    } else if (numberLike.test(value)) cell.value = Number(value);
    else cell.value = value;
  } else cell.value = value as FakeValue;
  sheet.cells.set(key, cell);
}

class FakeRange {
  private loaded: Loaded;
  readonly format: Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;

  constructor(
    private readonly context: FakeContext,
    private readonly locate: () => Box | null,
  ) {
    this.loaded = new Loaded(context);
    this.format = this.formatProxy("");
    const validation: Record<string, unknown> = {
      clear: () =>
        this.command({ clearValidation: true }, (box) => {
          box.sheet.validations = box.sheet.validations.filter(
            (v) => !intersects(box, { ...v, columns: 1 }),
          );
        }),
    };
    Object.defineProperty(validation, "rule", {
      set: (rule: unknown) =>
        this.command({ rule }, (box) =>
          box.sheet.validations.push({ row: box.row, column: box.column, rows: box.rows, rule }),
        ),
    });
    Object.defineProperty(validation, "errorAlert", {
      set: (alert: unknown) => this.command({ alert }, () => undefined),
    });
    this.dataValidation = validation;
  }

  describe(): Box {
    const box = this.locate();
    if (box === null) throw new FakeError("ItemNotFound", "Null range");
    return box;
  }

  private command(args: unknown, run: (box: Box) => void): void {
    this.context.enqueue(bytesOf(args) + 30, () => run(this.describe()));
  }

  private eachCell(box: Box, run: (row: number, column: number) => void): void {
    if (box.rows * box.columns > 1_000_000)
      throw new FakeError("FakeLimit", "The fake does not format whole sheets cell by cell.");
    for (let r = 0; r < box.rows; r++)
      for (let c = 0; c < box.columns; c++) run(box.row + r, box.column + c);
  }

  private formatProxy(prefix: string): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    const simple = ["bold", "size", "color", "underline", "wrapText", "verticalAlignment", "style"];
    for (const key of simple) {
      Object.defineProperty(target, key, {
        set: (value: unknown) =>
          this.command({ [prefix + key]: value }, (box) =>
            this.eachCell(box, (r, c) => {
              const cellKey = `${r},${c}`;
              const cell = box.sheet.cells.get(cellKey) ?? {
                value: "",
                numberFormat: "General",
                format: {},
              };
              cell.format[prefix + key] = value;
              box.sheet.cells.set(cellKey, cell);
            }),
          ),
      });
    }
    if (prefix === "") {
      target.font = this.formatProxy("font.");
      target.fill = this.formatProxy("fill.");
      target.borders = { getItem: (edge: string) => this.formatProxy(`borders.${edge}.`) };
      Object.defineProperty(target, "columnWidth", {
        set: (width: number) =>
          this.command({ columnWidth: width }, (box) => {
            for (let c = 0; c < box.columns; c++) box.sheet.columnWidths.set(box.column + c, width);
          }),
      });
      Object.defineProperty(target, "rowHeight", {
        set: (height: number) =>
          this.command({ rowHeight: height }, (box) => {
            for (let r = 0; r < box.rows; r++) box.sheet.rowHeights.set(box.row + r, height);
          }),
      });
    }
    return target;
  }

  load(list?: string): this {
    const wanted = properties(list);
    this.context.enqueue(bytesOf(list), () => {
      const box = this.locate();
      const values: Record<string, unknown> = { isNullObject: box === null };
      if (box !== null) {
        const cell = (r: number, c: number) => box.sheet.cell(box.row + r, box.column + c);
        const grid = <T>(pick: (cell: FakeCell | undefined) => T): T[][] => {
          if (box.rows * box.columns > 1_000_000)
            throw new FakeError("ResponsePayloadSizeLimitExceeded", "Range too large to load.");
          return Array.from({ length: box.rows }, (_, r) =>
            Array.from({ length: box.columns }, (_, c) => pick(cell(r, c))),
          );
        };
        for (const property of wanted) {
          if (property === "values") values.values = grid((c) => c?.value ?? "");
          else if (property === "numberFormat")
            values.numberFormat = grid((c) => c?.numberFormat ?? "General");
          else if (property === "formulas")
            values.formulas = grid((c) => c?.formula ?? c?.value ?? "");
          else if (property === "rowIndex") values.rowIndex = box.row;
          else if (property === "columnIndex") values.columnIndex = box.column;
          else if (property === "rowCount") values.rowCount = box.rows;
          else if (property === "columnCount") values.columnCount = box.columns;
          else if (property === "address")
            values.address = `${quoteSheetName(box.sheet.name)}!${columnLetter(box.column)}${box.row + 1}:${columnLetter(box.column + box.columns - 1)}${box.row + box.rows}`;
          else if (property !== "isNullObject")
            throw new FakeError("InvalidArgument", `The fake cannot load Range.${property}`);
        }
      }
      this.loaded.store(values);
      return bytesOf(values);
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.loaded.get("isNullObject", "Range");
  }
  get values(): FakeValue[][] {
    return this.loaded.get("values", "Range");
  }
  set values(matrix: unknown[][]) {
    this.setMatrix("values", matrix, (box, r, c, value) =>
      writeCell(box.sheet, box.row + r, box.column + c, value),
    );
  }
  get numberFormat(): string[][] {
    return this.loaded.get("numberFormat", "Range");
  }
  set numberFormat(matrix: unknown[][]) {
    this.setMatrix("numberFormat", matrix, (box, r, c, format) => {
      if (format === null || format === undefined) return;
      const key = `${box.row + r},${box.column + c}`;
      const cell = box.sheet.cells.get(key) ?? { value: "", numberFormat: "General", format: {} };
      cell.numberFormat = format === "" ? "General" : String(format);
      box.sheet.cells.set(key, cell);
    });
  }
  get rowIndex(): number {
    return this.loaded.get("rowIndex", "Range");
  }
  get columnIndex(): number {
    return this.loaded.get("columnIndex", "Range");
  }
  get rowCount(): number {
    return this.loaded.get("rowCount", "Range");
  }
  get columnCount(): number {
    return this.loaded.get("columnCount", "Range");
  }
  get address(): string {
    return this.loaded.get("address", "Range");
  }

  private setMatrix(
    property: string,
    matrix: unknown[][],
    write: (box: Box, r: number, c: number, value: unknown) => void,
  ): void {
    this.command({ [property]: matrix }, (box) => {
      if (matrix.length !== box.rows || matrix.some((row) => row.length !== box.columns))
        throw new FakeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
        );
      matrix.forEach((row, r) => row.forEach((value, c) => write(box, r, c, value)));
    });
  }

  set hyperlink(link: { address?: string; documentReference?: string; textToDisplay?: string }) {
    this.command({ hyperlink: link }, (box) => {
      const text = link.textToDisplay ?? link.address ?? link.documentReference ?? "";
      box.sheet.hyperlinks.set(`${box.row},${box.column}`, {
        ...(link.address === undefined ? {} : { address: link.address }),
        ...(link.documentReference === undefined
          ? {}
          : { documentReference: link.documentReference }),
        text,
      });
      const cell = box.sheet.cell(box.row, box.column);
      // The display text is written like a value: under "@" it stays text.
      writeCell(box.sheet, box.row, box.column, text);
      if (cell !== undefined) delete cell.formula;
    });
  }

  clear(applyTo: string = "All"): void {
    this.command({ clear: applyTo }, (box) => {
      const all = applyTo === "All";
      for (const [key, cell] of [...box.sheet.cells]) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (!intersects(box, { row: r, column: c, rows: 1, columns: 1 })) continue;
        if (all) box.sheet.cells.delete(key);
        else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
        } else if (applyTo === "Formats") {
          cell.format = {};
          cell.numberFormat = "General";
        }
      }
      if (all)
        for (const key of [...box.sheet.hyperlinks.keys()]) {
          const [r, c] = key.split(",").map(Number) as [number, number];
          if (intersects(box, { row: r, column: c, rows: 1, columns: 1 }))
            box.sheet.hyperlinks.delete(key);
        }
    });
  }

  merge(across = false): void {
    this.command({ merge: across }, (box) => {
      box.sheet.merges.push({
        top: box.row,
        left: box.column,
        bottom: box.row + box.rows - 1,
        right: box.column + box.columns - 1,
      });
    });
  }

  unmerge(): void {
    this.command({ unmerge: true }, (box) => {
      box.sheet.merges = box.sheet.merges.filter(
        (m) =>
          !intersects(box, {
            row: m.top,
            column: m.left,
            rows: m.bottom - m.top + 1,
            columns: m.right - m.left + 1,
          }),
      );
    });
  }

  select(): void {
    this.command({ select: true }, (box) => {
      this.context.state.selection = `${quoteSheetName(box.sheet.name)}!${columnLetter(box.column)}${box.row + 1}`;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const box = this.describe();
      return box.sheet.merges.filter((m) =>
        intersects(box, {
          row: m.top,
          column: m.left,
          rows: m.bottom - m.top + 1,
          columns: m.right - m.left + 1,
        }),
      );
    });
  }
}

class FakeRangeAreas {
  private loaded: Loaded;
  constructor(
    private readonly context: FakeContext,
    private readonly find: () => MergedRange[],
  ) {
    this.loaded = new Loaded(context);
  }

  load(list?: string): this {
    this.context.enqueue(bytesOf(list), () => {
      const merges = this.find();
      const items = merges.map((m) => ({
        rowIndex: m.top,
        columnIndex: m.left,
        rowCount: m.bottom - m.top + 1,
        columnCount: m.right - m.left + 1,
      }));
      this.loaded.store({ isNullObject: merges.length === 0, areas: { items } });
      return bytesOf(items);
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.loaded.get("isNullObject", "RangeAreas");
  }
  get areas(): {
    items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[];
  } {
    return this.loaded.get("areas", "RangeAreas");
  }
}

function intersects(
  a: { row: number; column: number; rows: number; columns: number },
  b: { row: number; column: number; rows: number; columns: number },
): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}
