/**
 * An in-memory Excel behind the Office.js proxy contract, modelled on office-addin-mock's
 * OfficeMockObject but strict where our adapter could go wrong:
 *
 * - commands and loads are queued and run only at `context.sync()`, in order;
 * - reading a property that was not loaded, or before the sync that loads it, throws;
 * - each sync serialises its queue as Office.js does on the wire (RichApi: `Actions` plus the
 *   `ObjectPaths` they reference, each path instantiated once per request) and a request body
 *   or response over Excel on the web's 5 MB throws RequestPayloadSizeLimitExceeded;
 * - a test may make a sync fail on purpose (`context.interrupt`): refused as too large, or
 *   timed out after running part of its actions, as a slow Excel on the web can;
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

/** RichApi object path kinds and action kinds (OfficeExtension's ObjectPathType, ActionType). */
const pathType = { global: 1, method: 3, property: 4, indexer: 5 } as const;
const actionType = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments: unknown[] };
}

/** A proxy's place in the object model, sent with every request that uses it. */
export class ObjectPath {
  constructor(
    readonly info: PathInfo,
    readonly parent: ObjectPath | null,
  ) {}
}

interface ActionSpec {
  type: number;
  name: string;
  args?: unknown[];
  select?: string[];
}

interface Action {
  target: ObjectPath;
  spec: ActionSpec;
  /** A load returns its response bytes. */
  run(): unknown;
}

/** What a test can make the next syncs do instead of succeeding. */
export type Interruption =
  | { code: "RequestPayloadSizeLimitExceeded" }
  /** Runs the first `after` actions, then fails as a request that took too long. */
  | { code: "Timeout"; after: number };

const encoder = new TextEncoder();
const bytesOf = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? "").length;

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  /** Every `context.sync()` call, including ones with nothing queued. */
  syncs = 0;
  /** Bytes of each request body (as serialised on the wire) and response, in order. */
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Syncs refused or interrupted, with their code. */
  readonly failures: { sync: number; code: string; bytes: number }[] = [];
  /** Decides, per sync (1-based), whether it fails; undefined lets it run. */
  interrupt: (sync: number, bytes: number) => Interruption | undefined = () => undefined;
  /** Sheets deleted through this context, by name. */
  readonly deleted: string[] = [];
  /** Keeps request bodies for inspection (off for big runs). */
  keepBodies = false;
  readonly bodies: string[] = [];
  private queue: Action[] = [];
  private lastId = 0;
  /** Incremented after each sync; loaded values are readable from the sync that loaded them. */
  generation = 0;
  readonly root: ObjectPath;

  constructor(readonly state: FakeWorkbook) {
    this.root = new ObjectPath(
      { Id: this.nextId(), ObjectPathType: pathType.global, Name: "" },
      null,
    );
    this.workbook = new FakeWorkbookProxy(this);
  }

  nextId(): number {
    return ++this.lastId;
  }

  /** A child path: a property, a method that returns an object, or an indexer. */
  path(
    parent: ObjectPath,
    kind: "method" | "property" | "indexer",
    name: string,
    args?: unknown[],
  ): ObjectPath {
    const info: PathInfo = {
      Id: this.nextId(),
      ObjectPathType: pathType[kind],
      Name: kind === "indexer" ? "" : name,
      ParentObjectPathId: parent.info.Id,
    };
    if (args !== undefined) info.ArgumentInfo = { Arguments: args };
    return new ObjectPath(info, parent);
  }

  enqueue(target: ObjectPath, spec: ActionSpec, run: () => unknown): void {
    this.queue.push({ target, spec, run });
  }

  /** The request body Office.js would send for the queued actions. */
  private serialise(actions: readonly Action[]): string {
    const body: { Actions: Record<string, unknown>[]; ObjectPaths: Record<string, PathInfo> } = {
      Actions: [],
      ObjectPaths: {},
    };
    const instantiated = new Set<number>();
    const ensure = (path: ObjectPath | null): void => {
      if (path === null || instantiated.has(path.info.Id)) return;
      ensure(path.parent);
      instantiated.add(path.info.Id);
      body.ObjectPaths[String(path.info.Id)] = path.info;
      if (path.info.ObjectPathType !== pathType.global)
        body.Actions.push({
          Id: this.nextId(),
          ActionType: actionType.instantiate,
          Name: "",
          ObjectPathId: path.info.Id,
        });
    };
    for (const { target, spec } of actions) {
      ensure(target);
      if (spec.type === actionType.instantiate) continue; // ensure() just sent it
      const action: Record<string, unknown> = {
        Id: this.nextId(),
        ActionType: spec.type,
        Name: spec.name,
        ObjectPathId: target.info.Id,
      };
      if (spec.args !== undefined) action.ArgumentInfo = { Arguments: spec.args };
      if (spec.select !== undefined) action.QueryInfo = { Select: spec.select };
      body.Actions.push(action);
    }
    return JSON.stringify(body);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const actions = this.queue;
    this.queue = [];
    const body = this.serialise(actions);
    const request = encoder.encode(body).length;
    this.requestBytes.push(request);
    if (this.keepBodies) this.bodies.push(body);
    const planned = this.interrupt(this.syncs, request);
    if (request > payloadLimit || planned?.code === "RequestPayloadSizeLimitExceeded") {
      this.failures.push({
        sync: this.syncs,
        code: "RequestPayloadSizeLimitExceeded",
        bytes: request,
      });
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${request} bytes) has exceeded the limit.`,
      );
    }
    let response = 0;
    for (const [index, action] of actions.entries()) {
      if (planned?.code === "Timeout" && index >= planned.after) {
        this.failures.push({ sync: this.syncs, code: "Timeout", bytes: request });
        this.generation++;
        throw new FakeError("Timeout", "The operation has timed out.");
      }
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
    this.worksheets = new FakeWorksheetCollection(
      context,
      context.path(context.root, "property", "Worksheets"),
    );
  }
}

const illegalName = (name: string): boolean =>
  name.length === 0 ||
  [...name].length > 31 ||
  /[\\/?*[\]:]/.test(name) ||
  name.startsWith("'") ||
  name.endsWith("'") ||
  name.toLowerCase() === "history";

/** Excel's name for a copy of `name`: "Plan (2)", "Plan (3)" …, cut to stay within 31 characters. */
function copyName(state: FakeWorkbook, name: string): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...name].slice(0, 31 - suffix.length).join("") + suffix;
    if (state.sheet(candidate) === undefined) return candidate;
  }
}

class FakeWorksheetCollection {
  private loaded: Loaded;
  constructor(
    private readonly context: FakeContext,
    readonly path: ObjectPath,
  ) {
    this.loaded = new Loaded(context);
  }

  load(list?: string): this {
    this.context.enqueue(this.path, { type: 2, name: "", select: properties(list) }, () => {
      const names = this.context.state.sheets.map((s) => s.name);
      this.loaded.store({ items: names });
      return bytesOf(names);
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    const names = this.loaded.get<string[]>("items", "WorksheetCollection");
    return names.map((name) => {
      const sheet = new FakeWorksheet(
        this.context,
        () => name,
        false,
        this.context.path(this.path, "indexer", "", [name]),
      );
      sheet.preload({ name, isNullObject: false });
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const path = this.context.path(this.path, "method", "GetItemOrNullObject", [name]);
    return new FakeWorksheet(this.context, () => name, false, path);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => name,
      true,
      this.context.path(this.path, "indexer", "", [name]),
    );
  }

  add(name: string): FakeWorksheet {
    const path = this.context.path(this.path, "method", "Add", [name]);
    this.context.enqueue(path, { type: 1, name: "" }, () => {
      const state = this.context.state;
      if (illegalName(name))
        throw new FakeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
      if (state.sheet(name) !== undefined)
        throw new FakeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      state.sheets.push(new FakeSheet(name));
    });
    return new FakeWorksheet(this.context, () => name, true, path);
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
  private freezePath: ObjectPath | undefined;
  private layoutPath: ObjectPath | undefined;

  /** `sheetName` is read when the request runs: a copy or a rename decides it then. */
  constructor(
    private readonly context: FakeContext,
    private sheetName: () => string,
    private readonly mustExist: boolean,
    readonly path: ObjectPath,
  ) {
    this.loaded = new Loaded(context);
  }

  get freezePanes(): Record<string, (...args: never[]) => void> {
    this.freezePath ??= this.context.path(this.path, "property", "Freeze");
    const target = this.freezePath;
    const freeze = (name: string, args: unknown[], rows: number, columns: number) =>
      this.command(target, 3, name, args, (sheet) => (sheet.freeze = { rows, columns }));
    return {
      freezeRows: (n: number) => freeze("FreezeRows", [n], n, 0),
      freezeColumns: (n: number) => freeze("FreezeColumns", [n], 0, n),
      freezeAt: (range: FakeRange) =>
        this.command(target, 3, "FreezeAt", [{ _ObjectPathId: range.path.info.Id }], (sheet) => {
          const box = range.describe();
          sheet.freeze = { rows: box.row + box.rows, columns: box.column + box.columns };
        }),
      unfreeze: () => freeze("Unfreeze", [], 0, 0),
    } as unknown as Record<string, (...args: never[]) => void>;
  }

  get pageLayout(): Record<string, unknown> {
    this.layoutPath ??= this.context.path(this.path, "property", "PageLayout");
    const target = this.layoutPath;
    const layout: Record<string, unknown> = {};
    for (const key of ["orientation", "zoom"]) {
      Object.defineProperty(layout, key, {
        set: (value: unknown) =>
          this.command(target, 4, pascal(key), [value], (sheet) => (sheet.pageLayout[key] = value)),
      });
    }
    return layout;
  }

  /** The state sheet, or null; throws ItemNotFound for getItem-style proxies. */
  resolve(): FakeSheet | null {
    const sheet = this.context.state.sheet(this.sheetName()) ?? null;
    if (sheet === null && this.mustExist)
      throw new FakeError("ItemNotFound", `The sheet "${this.sheetName()}" does not exist.`);
    return sheet;
  }

  preload(values: Record<string, unknown>): void {
    this.loaded.store(values, true);
  }

  private command(
    target: ObjectPath,
    type: number,
    name: string,
    args: unknown[],
    run: (sheet: FakeSheet) => void,
  ): void {
    this.context.enqueue(target, { type, name, args }, () => {
      const sheet = this.resolve();
      if (sheet === null) throw new FakeError("ItemNotFound", "The sheet does not exist.");
      run(sheet);
    });
  }

  load(list?: string): this {
    const wanted = properties(list);
    this.context.enqueue(this.path, { type: 2, name: "", select: wanted }, () => {
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
  set name(name: string) {
    this.command(this.path, 4, "Name", [name], (sheet) => {
      const other = this.context.state.sheet(name);
      if (illegalName(name))
        throw new FakeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
      if (other !== undefined && other !== sheet)
        throw new FakeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      sheet.name = name;
      this.sheetName = () => name;
    });
  }

  set position(index: number) {
    this.command(this.path, 4, "Position", [index], (sheet) => {
      const sheets = this.context.state.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(index, 0, sheet);
    });
  }

  activate(): void {
    this.command(this.path, 3, "Activate", [], () => undefined);
  }

  delete(): void {
    this.command(this.path, 3, "Delete", [], (sheet) => {
      this.context.deleted.push(sheet.name);
      const sheets = this.context.state.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
    });
  }

  /** Copies everything the sheet holds (values, formats, merges, freeze, layout) to the end. */
  copy(positionType: "End" = "End"): FakeWorksheet {
    const path = this.context.path(this.path, "method", "Copy", [positionType, null]);
    let copied = "";
    this.context.enqueue(path, { type: 1, name: "" }, () => {
      const sheet = this.resolve();
      if (sheet === null) throw new FakeError("ItemNotFound", "The sheet does not exist.");
      const copy = new FakeSheet(copyName(this.context.state, sheet.name));
      for (const [key, cell] of sheet.cells)
        copy.cells.set(key, { ...cell, format: { ...cell.format } });
      copy.merges = sheet.merges.map((m) => ({ ...m }));
      copy.freeze = { ...sheet.freeze };
      copy.validations = sheet.validations.map((v) => ({ ...v }));
      copy.hyperlinks = new Map(sheet.hyperlinks);
      copy.columnWidths = new Map(sheet.columnWidths);
      copy.rowHeights = new Map(sheet.rowHeights);
      copy.pageLayout = { ...sheet.pageLayout };
      this.context.state.sheets.push(copy);
      copied = copy.name;
    });
    return new FakeWorksheet(this.context, () => copied, true, path);
  }

  getRange(address?: string): FakeRange {
    if (address === undefined)
      return new FakeRange(
        this.context,
        this.context.path(this.path, "method", "GetRange", []),
        () => this.box(0, 0, maxRows, maxColumns),
      );
    const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
    if (match === null) throw new FakeError("InvalidArgument", `Bad address ${address}`);
    const c1 = columnIndex(match[1]!)!;
    const r1 = Number(match[2]) - 1;
    const c2 = match[3] === undefined ? c1 : columnIndex(match[3])!;
    const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
    return new FakeRange(
      this.context,
      this.context.path(this.path, "method", "GetRange", [address]),
      () => this.box(r1, c1, r2 - r1 + 1, c2 - c1 + 1),
    );
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    if (rows < 1 || columns < 1) throw new FakeError("InvalidArgument", "Empty range");
    const path = this.context.path(this.path, "method", "GetRangeByIndexes", [
      row,
      column,
      rows,
      columns,
    ]);
    return new FakeRange(this.context, path, () => this.box(row, column, rows, columns));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const path = this.context.path(this.path, "method", "GetUsedRangeOrNullObject", [
      valuesOnly ?? false,
    ]);
    return new FakeRange(this.context, path, () => {
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

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

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
  private formatObject: Record<string, unknown> | undefined;
  private validationObject: Record<string, unknown> | undefined;

  constructor(
    private readonly context: FakeContext,
    readonly path: ObjectPath,
    private readonly locate: () => Box | null,
  ) {
    this.loaded = new Loaded(context);
  }

  /** Like Office.js, a property object is made once and then reused. */
  get format(): Record<string, unknown> {
    this.formatObject ??= this.formatProxy("", this.context.path(this.path, "property", "Format"));
    return this.formatObject;
  }

  get dataValidation(): Record<string, unknown> {
    if (this.validationObject !== undefined) return this.validationObject;
    const path = this.context.path(this.path, "property", "DataValidation");
    const validation: Record<string, unknown> = {
      clear: () =>
        this.command(path, 3, "Clear", [], (box) => {
          box.sheet.validations = box.sheet.validations.filter(
            (v) => !intersects(box, { ...v, columns: 1 }),
          );
        }),
    };
    Object.defineProperty(validation, "rule", {
      set: (rule: unknown) =>
        this.command(path, 4, "Rule", [rule], (box) =>
          box.sheet.validations.push({ row: box.row, column: box.column, rows: box.rows, rule }),
        ),
    });
    Object.defineProperty(validation, "errorAlert", {
      set: (alert: unknown) => this.command(path, 4, "ErrorAlert", [alert], () => undefined),
    });
    this.validationObject = validation;
    return validation;
  }

  describe(): Box {
    const box = this.locate();
    if (box === null) throw new FakeError("ItemNotFound", "Null range");
    return box;
  }

  private command(
    target: ObjectPath,
    type: number,
    name: string,
    args: unknown[],
    run: (box: Box) => void,
  ): void {
    this.context.enqueue(target, { type, name, args }, () => run(this.describe()));
  }

  private eachCell(box: Box, run: (row: number, column: number) => void): void {
    if (box.rows * box.columns > 1_000_000)
      throw new FakeError("FakeLimit", "The fake does not format whole sheets cell by cell.");
    for (let r = 0; r < box.rows; r++)
      for (let c = 0; c < box.columns; c++) run(box.row + r, box.column + c);
  }

  private formatProxy(prefix: string, path: ObjectPath): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    const simple = ["bold", "size", "color", "underline", "wrapText", "verticalAlignment", "style"];
    for (const key of simple) {
      Object.defineProperty(target, key, {
        set: (value: unknown) =>
          this.command(path, 4, pascal(key), [value], (box) =>
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
      let font: Record<string, unknown> | undefined;
      let fill: Record<string, unknown> | undefined;
      let borders: Record<string, unknown> | undefined;
      Object.defineProperties(target, {
        font: {
          get: () =>
            (font ??= this.formatProxy("font.", this.context.path(path, "property", "Font"))),
        },
        fill: {
          get: () =>
            (fill ??= this.formatProxy("fill.", this.context.path(path, "property", "Fill"))),
        },
        borders: {
          get: () => {
            if (borders !== undefined) return borders;
            const bordersPath = this.context.path(path, "property", "Borders");
            borders = {
              getItem: (edge: string) =>
                this.formatProxy(
                  `borders.${edge}.`,
                  this.context.path(bordersPath, "method", "GetItem", [edge]),
                ),
            };
            return borders;
          },
        },
      });
      Object.defineProperty(target, "columnWidth", {
        set: (width: number) =>
          this.command(path, 4, "ColumnWidth", [width], (box) => {
            for (let c = 0; c < box.columns; c++) box.sheet.columnWidths.set(box.column + c, width);
          }),
      });
      Object.defineProperty(target, "rowHeight", {
        set: (height: number) =>
          this.command(path, 4, "RowHeight", [height], (box) => {
            for (let r = 0; r < box.rows; r++) box.sheet.rowHeights.set(box.row + r, height);
          }),
      });
    }
    return target;
  }

  load(list?: string): this {
    const wanted = properties(list);
    this.context.enqueue(this.path, { type: 2, name: "", select: wanted }, () => {
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
    this.command(this.path, 4, pascal(property), [matrix], (box) => {
      if (matrix.length !== box.rows || matrix.some((row) => row.length !== box.columns))
        throw new FakeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
        );
      matrix.forEach((row, r) => row.forEach((value, c) => write(box, r, c, value)));
    });
  }

  set hyperlink(link: { address?: string; documentReference?: string; textToDisplay?: string }) {
    this.command(this.path, 4, "Hyperlink", [link], (box) => {
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
    this.command(this.path, 3, "Clear", [applyTo], (box) => {
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
    this.command(this.path, 3, "Merge", [across], (box) => {
      // Like Excel, a merge over merged cells replaces them.
      box.sheet.merges = box.sheet.merges.filter(
        (m) =>
          !intersects(box, {
            row: m.top,
            column: m.left,
            rows: m.bottom - m.top + 1,
            columns: m.right - m.left + 1,
          }),
      );
      box.sheet.merges.push({
        top: box.row,
        left: box.column,
        bottom: box.row + box.rows - 1,
        right: box.column + box.columns - 1,
      });
    });
  }

  unmerge(): void {
    this.command(this.path, 3, "Unmerge", [], (box) => {
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
    this.command(this.path, 3, "Select", [], (box) => {
      this.context.state.selection = `${quoteSheetName(box.sheet.name)}!${columnLetter(box.column)}${box.row + 1}`;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const path = this.context.path(this.path, "method", "GetMergedAreasOrNullObject", []);
    return new FakeRangeAreas(this.context, path, () => {
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
    private readonly path: ObjectPath,
    private readonly find: () => MergedRange[],
  ) {
    this.loaded = new Loaded(context);
  }

  load(list?: string): this {
    this.context.enqueue(this.path, { type: 2, name: "", select: properties(list) }, () => {
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
