/**
 * An in-memory SpreadsheetApp with the behaviours that bite real scripts: `setValues` and
 * `setNumberFormats` reject data that does not match the range, a range past the sheet's
 * rows or columns is refused (a new sheet has 1000 × 26; `insertRowsAfter` and
 * `insertColumnsAfter` grow it), sheet names are unique ignoring case (and at most 100
 * characters), and a string starting with "=" becomes a formula ("+"/"-" a number or a
 * formula) unless the cell is text-formatted ("@").
 */
import type { Runtime } from "./runtime.js";

export type Value = string | number | boolean | Date;

export interface Cell {
  value: Value;
  formula?: string;
  numberFormat?: string;
  style: Record<string, unknown>;
  link?: string;
  validation?: unknown;
}

const defaultNumberFormat = "0.###############";

export class FakeSheet {
  cells: (Cell | undefined)[][] = [];
  merges: { row: number; column: number; rows: number; columns: number }[] = [];
  /** Service calls made on this sheet and its ranges. */
  calls = 0;
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  call(method: string): void {
    this.calls++;
    this.book.runtime.call(`Sheet.${method}`);
  }

  cell(row: number, column: number): Cell {
    const cells = (this.cells[row] ??= []);
    return (cells[column] ??= { value: "", style: {} });
  }

  peek(row: number, column: number): Cell | undefined {
    return this.cells[row]?.[column];
  }

  lastRow(): number {
    for (let r = this.cells.length - 1; r >= 0; r--)
      if ((this.cells[r] ?? []).some((cell) => cell !== undefined && cell.value !== ""))
        return r + 1;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.cells)
      (row ?? []).forEach((cell, c) => {
        if (cell !== undefined && cell.value !== "") last = Math.max(last, c + 1);
      });
    return last;
  }

  /** The values as a test reads them: formulas as "=…" so a test sees them. */
  grid(): Value[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const cell = this.peek(r, c);
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
  }

  // --- the Sheet API used by the script ---
  getName(): string {
    this.call("getName");
    return this.name;
  }
  setName(name: string): this {
    this.call("setName");
    this.book.checkName(name, this);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.call("getSheetId");
    return this.id;
  }
  getDataRange(): FakeRange {
    this.call("getDataRange");
    return new FakeRange(this, 0, 0, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    this.call("getRange");
    if (typeof rowOrA1 === "string") {
      const [top, left, bottom, right] = parseA1(rowOrA1);
      return new FakeRange(this, top, left, bottom - top + 1, right - left + 1);
    }
    if (column === undefined) throw new Error("getRange: column missing");
    if (rowOrA1 < 1 || column < 1 || rows < 1 || columns < 1)
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet.`);
    return new FakeRange(this, rowOrA1 - 1, column - 1, rows, columns);
  }
  getRangeList(a1s: string[]): FakeRangeList {
    this.call("getRangeList");
    return new FakeRangeList(
      this,
      a1s.map((a1) => {
        const [top, left, bottom, right] = parseA1(a1);
        return new FakeRange(this, top, left, bottom - top + 1, right - left + 1);
      }),
    );
  }
  getLastRow(): number {
    this.call("getLastRow");
    return this.lastRow();
  }
  getLastColumn(): number {
    this.call("getLastColumn");
    return this.lastColumn();
  }
  getMaxRows(): number {
    this.call("getMaxRows");
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.call("getMaxColumns");
    return this.maxColumns;
  }
  setColumnWidths(start: number, count: number, width: number): this {
    this.call("setColumnWidths");
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
  setRowHeight(row: number, height: number): this {
    this.call("setRowHeight");
    this.rowHeights.set(row, height);
    return this;
  }
  insertRowsAfter(after: number, count: number): this {
    this.call("insertRowsAfter");
    if (after < 1 || after > this.maxRows || count < 1)
      throw new Error("Those rows are out of bounds.");
    this.cells.splice(after, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
    return this;
  }
  insertColumnsAfter(after: number, count: number): this {
    this.call("insertColumnsAfter");
    if (after < 1 || after > this.maxColumns || count < 1)
      throw new Error("Those columns are out of bounds.");
    for (const row of this.cells) row?.splice(after, 0, ...Array<undefined>(count));
    this.maxColumns += count;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.call("setFrozenRows");
    this.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.call("setFrozenColumns");
    this.frozenColumns = columns;
  }
}

export class FakeRange {
  /** A range inside a RangeList: the list's one call covers it. */
  silent = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    if (top + rows > sheet.maxRows || left + columns > sheet.maxColumns)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  }

  private each(visit: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.columns; c++)
        visit(this.sheet.cell(this.top + r, this.left + c), r, c);
  }

  /** Only cells that exist: clearing never needs to create any. */
  private eachExisting(visit: (cell: Cell) => void): void {
    for (let r = this.top; r < Math.min(this.top + this.rows, this.sheet.cells.length); r++) {
      const row = this.sheet.cells[r] ?? [];
      for (let c = this.left; c < Math.min(this.left + this.columns, row.length); c++) {
        const cell = row[c];
        if (cell !== undefined) visit(cell);
      }
    }
  }

  private checkShape(data: unknown[][], what: string): void {
    if (data.length !== this.rows)
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rows}.`,
      );
    for (const row of data)
      if (!Array.isArray(row) || row.length !== this.columns)
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.columns}.`,
        );
  }

  private style(method: string, key: string, value: unknown): this {
    if (!this.silent) this.sheet.call(method);
    this.each((cell) => {
      cell.style[key] = value;
    });
    return this;
  }

  getRow(): number {
    return this.top + 1;
  }
  getColumn(): number {
    return this.left + 1;
  }
  getLastRow(): number {
    return this.top + this.rows;
  }
  getLastColumn(): number {
    return this.left + this.columns;
  }
  getValues(): unknown[][] {
    this.sheet.call("getValues");
    const book = this.sheet.book;
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => {
        const cell = this.sheet.peek(this.top + r, this.left + c);
        if (cell === undefined) return "";
        if (cell.formula !== undefined) return "#ERROR!";
        return cell.value instanceof Date ? book.toScriptDate(cell.value) : cell.value;
      }),
    );
  }
  setValues(values: unknown[][]): this {
    this.sheet.call("setValues");
    this.checkShape(values, "data");
    this.each((cell, r, c) => writeValue(cell, values[r]![c]));
    return this;
  }
  getNumberFormats(): string[][] {
    this.sheet.call("getNumberFormats");
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from(
        { length: this.columns },
        (_, c) => this.sheet.peek(this.top + r, this.left + c)?.numberFormat ?? defaultNumberFormat,
      ),
    );
  }
  setNumberFormats(formats: string[][]): this {
    this.sheet.call("setNumberFormats");
    this.checkShape(formats, "data");
    this.each((cell, r, c) => {
      cell.numberFormat = formats[r]![c]!;
    });
    return this;
  }
  setRichTextValues(values: { text: string; url: string | null }[][]): this {
    this.sheet.call("setRichTextValues");
    this.checkShape(values, "data");
    this.each((cell, r, c) => {
      const rich = values[r]![c]!;
      cell.value = rich.text;
      delete cell.formula;
      if (rich.url === null) delete cell.link;
      else cell.link = rich.url;
    });
    return this;
  }
  getMergedRanges(): FakeRange[] {
    this.sheet.call("getMergedRanges");
    return this.sheet.merges
      .filter(
        (m) =>
          m.row < this.top + this.rows &&
          m.row + m.rows > this.top &&
          m.column < this.left + this.columns &&
          m.column + m.columns > this.left,
      )
      .map((m) => new FakeRange(this.sheet, m.row, m.column, m.rows, m.columns));
  }
  merge(): this {
    this.sheet.call("merge");
    this.sheet.merges.push({
      row: this.top,
      column: this.left,
      rows: this.rows,
      columns: this.columns,
    });
    return this;
  }
  breakApart(): this {
    this.sheet.call("breakApart");
    this.sheet.merges = this.sheet.merges.filter(
      (m) =>
        !(
          m.row >= this.top &&
          m.row + m.rows <= this.top + this.rows &&
          m.column >= this.left &&
          m.column + m.columns <= this.left + this.columns
        ),
    );
    return this;
  }
  clearContent(): this {
    this.sheet.call("clearContent");
    this.eachExisting((cell) => {
      cell.value = "";
      delete cell.formula;
      delete cell.link;
    });
    return this;
  }
  clearFormat(): this {
    this.sheet.call("clearFormat");
    this.eachExisting((cell) => {
      cell.style = {};
      delete cell.numberFormat;
    });
    return this;
  }
  clearDataValidations(): this {
    this.sheet.call("clearDataValidations");
    this.eachExisting((cell) => {
      delete cell.validation;
    });
    return this;
  }
  setDataValidation(rule: unknown): this {
    this.sheet.call("setDataValidation");
    this.each((cell) => {
      cell.validation = rule;
    });
    return this;
  }
  activate(): this {
    this.sheet.call("activate");
    this.sheet.book.activeRange = this;
    return this;
  }
  setFontWeight(weight: string): this {
    return this.style("setFontWeight", "fontWeight", weight);
  }
  setFontSize(size: number): this {
    return this.style("setFontSize", "fontSize", size);
  }
  setFontColor(color: string): this {
    return this.style("setFontColor", "fontColor", color);
  }
  setBackground(color: string): this {
    return this.style("setBackground", "background", color);
  }
  setWrap(wrap: boolean): this {
    return this.style("setWrap", "wrap", wrap);
  }
  setVerticalAlignment(alignment: string): this {
    return this.style("setVerticalAlignment", "verticalAlignment", alignment);
  }
  setBorder(...sides: unknown[]): this {
    return this.style("setBorder", "border", sides.slice(0, 4));
  }
}

/** RangeList: one call styles every range in it. */
export class FakeRangeList {
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {}
  private all(method: string, apply: (range: FakeRange) => void): this {
    this.sheet.call(`RangeList.${method}`);
    for (const range of this.ranges) {
      range.silent = true;
      apply(range);
    }
    return this;
  }
  setFontWeight(weight: string): this {
    return this.all("setFontWeight", (r) => r.setFontWeight(weight));
  }
  setFontSize(size: number): this {
    return this.all("setFontSize", (r) => r.setFontSize(size));
  }
  setFontColor(color: string): this {
    return this.all("setFontColor", (r) => r.setFontColor(color));
  }
  setBackground(color: string): this {
    return this.all("setBackground", (r) => r.setBackground(color));
  }
  setWrap(wrap: boolean): this {
    return this.all("setWrap", (r) => r.setWrap(wrap));
  }
  setVerticalAlignment(alignment: string): this {
    return this.all("setVerticalAlignment", (r) => r.setVerticalAlignment(alignment));
  }
  setBorder(...sides: unknown[]): this {
    return this.all("setBorder", (r) => r.setBorder(...sides));
  }
}

function writeValue(cell: Cell, value: unknown): void {
  delete cell.formula;
  delete cell.link;
  if (value === null || value === undefined || value === "") {
    cell.value = "";
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (value instanceof Date || Object.prototype.toString.call(value) === "[object Date]") {
    cell.value = new Date((value as Date).getTime());
    return;
  }
  if (typeof value !== "string") throw new Error(`setValues: unsupported value ${String(value)}`);
  if (cell.numberFormat === "@") {
    cell.value = value;
    return;
  }
  // What Sheets does with typed-in text: "=…" is a formula, "+1"/"-1" numbers, "+x"/"-x" errors.
  if (value.startsWith("=")) {
    cell.formula = value;
    cell.value = "";
  } else if (/^[+-]/.test(value)) {
    const number = Number(value);
    if (value.trim().length > 1 && Number.isFinite(number)) cell.value = number;
    else {
      cell.formula = `=${value}`;
      cell.value = "";
    }
  } else cell.value = value;
}

/** "B3", "A1:F1", "C:C" is not used by the script. 0-based inclusive bounds. */
export function parseA1(a1: string): [number, number, number, number] {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.toUpperCase());
  if (match === null) throw new Error(`Range not found: ${a1}`);
  const column = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(match[2]) - 1;
  const left = column(match[1]!);
  const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
  const right = match[3] === undefined ? left : column(match[3]);
  return [top, left, bottom, right];
}

export interface UiEvent {
  kind: "menu" | "alert" | "sidebar";
  title: string;
  text: string;
  items?: { caption: string; handler: string }[];
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  private nextId = 0;
  activeRange: FakeRange | null = null;
  ui: UiEvent[] = [];

  constructor(
    readonly runtime: Runtime,
    readonly name: string,
    /** Makes a Date of the script's own realm (vm context), so `instanceof Date` holds there. */
    readonly toScriptDate: (date: Date) => Date,
  ) {}

  /** Adds a sheet without counting calls (the test's setup). */
  seed(name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextId++);
    // An imported sheet's grid holds its data (and is never smaller than a new sheet's).
    sheet.maxRows = Math.max(sheet.maxRows, rows.length);
    sheet.maxColumns = Math.max(sheet.maxColumns, ...rows.map((row) => row.length));
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== "") {
          const cell = sheet.cell(r, c);
          cell.value = value instanceof Date ? new Date(value.getTime()) : (value as Value);
        }
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  checkName(name: string, self: FakeSheet | null): void {
    if (name.trim() === "" || name.length > 100)
      throw new Error(`Invalid sheet name: ${JSON.stringify(name)}`);
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  // --- the Spreadsheet API used by the script ---
  getName(): string {
    this.runtime.call("Spreadsheet.getName");
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    this.runtime.call("Spreadsheet.getSpreadsheetTimeZone");
    return "America/New_York";
  }
  getSheets(): FakeSheet[] {
    this.runtime.call("Spreadsheet.getSheets");
    return [...this.sheets];
  }
  getNumSheets(): number {
    this.runtime.call("Spreadsheet.getNumSheets");
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    this.runtime.call("Spreadsheet.getSheetByName");
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    this.runtime.call("Spreadsheet.insertSheet");
    this.checkName(name, null);
    if (this.sheets.length >= 200) throw new Error("This spreadsheet has too many sheets.");
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.runtime.call("Spreadsheet.deleteSheet");
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }
}

/** SpreadsheetApp and its Ui, bound to one spreadsheet. */
export function fakeSpreadsheetApp(book: FakeSpreadsheet): Record<string, unknown> {
  const runtime = book.runtime;
  const ui = {
    ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL" },
    createMenu(title: string) {
      runtime.call("Ui.createMenu");
      const items: { caption: string; handler: string }[] = [];
      const menu = {
        addItem(caption: string, handler: string) {
          items.push({ caption, handler });
          return menu;
        },
        addSeparator() {
          return menu;
        },
        addToUi() {
          runtime.call("Menu.addToUi");
          book.ui.push({ kind: "menu", title, text: "", items });
        },
      };
      return menu;
    },
    alert(title: string, text: string) {
      runtime.call("Ui.alert");
      book.ui.push({ kind: "alert", title, text });
      return "OK";
    },
    showSidebar(output: { getContent(): string; title: string }) {
      runtime.call("Ui.showSidebar");
      book.ui.push({ kind: "sidebar", title: output.title, text: output.getContent() });
    },
  };
  return {
    getActiveSpreadsheet() {
      runtime.call("SpreadsheetApp.getActiveSpreadsheet");
      return book;
    },
    getUi() {
      runtime.call("SpreadsheetApp.getUi");
      return ui;
    },
    newDataValidation() {
      const rule: { values?: unknown[]; allowInvalid?: boolean } = {};
      const builder = {
        requireValueInList(values: unknown[]) {
          rule.values = [...values];
          return builder;
        },
        setAllowInvalid(allow: boolean) {
          rule.allowInvalid = allow;
          return builder;
        },
        build: () => ({ ...rule }),
      };
      return builder;
    },
    newRichTextValue() {
      const rich = { text: "", url: null as string | null };
      const builder = {
        setText(text: string) {
          rich.text = text;
          return builder;
        },
        setLinkUrl(url: string) {
          rich.url = url;
          return builder;
        },
        build: () => ({ ...rich }),
      };
      return builder;
    },
    BorderStyle: { SOLID: "SOLID" },
  };
}
