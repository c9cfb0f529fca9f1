/**
 * The workbook-level parts: the sheet list, the date system, shared strings, which cell styles
 * are dates, and the tables on a sheet. Each is a small pass over one XML part.
 */
import { decodeExcelEscapes } from "./excel-escapes.js";
import { relationshipId, walkXml } from "./xml.js";

export interface WorkbookSheet {
  readonly name: string;
  readonly relationshipId: string;
}

export interface WorkbookInfo {
  readonly sheets: readonly WorkbookSheet[];
  /** Mac Excel's 1904 date system: serial 0 is 1904-01-01. */
  readonly date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  walkXml(xml, {
    open(element) {
      if (element.name === "workbookPr") {
        date1904 = isTrue(element.attributes.get("date1904"));
      } else if (element.name === "sheet") {
        const name = element.attributes.get("name");
        const id = relationshipId(element);
        if (name !== undefined && id !== undefined) sheets.push({ name, relationshipId: id });
      }
    },
  });
  return { sheets, date1904 };
}

/** Shared strings as shown: runs joined, phonetic guides (`rPh`) left out, escapes decoded. */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phoneticDepth = 0;
  walkXml(xml, {
    open(element) {
      if (element.name === "si") current = [];
      else if (element.name === "rPh") phoneticDepth++;
      else if (element.name === "t" && phoneticDepth === 0) inText = true;
    },
    text(text) {
      if (inText && current !== null) current.push(text);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phoneticDepth--;
      else if (name === "si" && current !== null) {
        strings.push(decodeExcelEscapes(current.join("")));
        current = null;
      }
    },
  });
  return strings;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** For each cell style index (`s` on a cell), whether it formats numbers as dates. */
export function parseDateStyles(xml: string): boolean[] {
  const customFormats = new Map<number, string>();
  const isDate: boolean[] = [];
  let inCellXfs = false;
  walkXml(xml, {
    open(element) {
      if (element.name === "numFmt") {
        const id = Number(element.attributes.get("numFmtId"));
        const code = element.attributes.get("formatCode");
        if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
      } else if (element.name === "cellXfs") {
        inCellXfs = true;
      } else if (element.name === "xf" && inCellXfs) {
        const id = Number(element.attributes.get("numFmtId") ?? "0");
        const custom = customFormats.get(id);
        isDate.push(custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(custom));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return isDate;
}

/** A format code shows a date when, outside quoted text, escapes and colours, it has d m y h s. */
export function isDateFormat(code: string): boolean {
  const section = code.split(";")[0] ?? "";
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^(general|@)$/i.test(bare.trim());
}

export interface TableInfo {
  readonly name: string;
  /** 0-based inclusive bounds of the whole table, header and totals rows included. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly totalsRowCount: number;
}

export function parseTable(
  xml: string,
  parseRef: (ref: string) => Bounds | null,
): TableInfo | null {
  let table: TableInfo | null = null;
  walkXml(xml, {
    open(element) {
      if (element.name !== "table") return;
      const bounds = parseRef(element.attributes.get("ref") ?? "");
      if (bounds === null) return;
      const totals = Number(element.attributes.get("totalsRowCount") ?? "0");
      table = {
        name:
          element.attributes.get("displayName") ?? element.attributes.get("name") ?? "the table",
        ...bounds,
        totalsRowCount: Number.isInteger(totals) && totals > 0 ? totals : 0,
      };
    },
  });
  return table;
}

export interface Bounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
