/**
 * One worksheet part to rows of cell values, in a single SAX pass. Cells are typed by their
 * `t` attribute (shared, inline and formula strings, booleans, errors, ISO dates, numbers);
 * numbers in a date style become Dates in the workbook's date system.
 */
import { columnIndex } from "../../../shared/workbook/cell-ref.js";
import type { CellValue, ReadNote } from "../../../shared/workbook/snapshot.js";
import { decodeExcelEscapes } from "./excel-escapes.js";
import { isTrue, type Bounds } from "./parts.js";
import { relationshipId, walkXml } from "./xml.js";

export interface WorksheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

export interface ParsedWorksheet {
  readonly rows: CellValue[][];
  readonly merges: Bounds[];
  /** Hyperlinked cells and the relationship id of their target. */
  readonly hyperlinks: { readonly ref: string; readonly relationshipId: string }[];
  readonly tableRelationshipIds: string[];
  readonly notes: ReadNote[];
}

interface OpenCell {
  row: number;
  column: number;
  type: string;
  style: number;
  hasFormula: boolean;
  value: string | null;
  inline: string[];
}

export function parseWorksheet(xml: string, context: WorksheetContext): ParsedWorksheet {
  const rows: CellValue[][] = [];
  const merges: Bounds[] = [];
  const hyperlinks: ParsedWorksheet["hyperlinks"] = [];
  const tableRelationshipIds: string[] = [];
  const notes: ReadNote[] = [];

  let rowIndex = -1;
  let nextColumn = 0;
  let cell: OpenCell | null = null;
  // Which text element we are in: the cached value, an inline-string run, or neither.
  let textTarget: "value" | "inline" | null = null;
  let phoneticDepth = 0;

  walkXml(xml, {
    open(element) {
      const attributes = element.attributes;
      switch (element.name) {
        case "row": {
          // `r` is optional: without it, a row follows the previous one.
          const r = Number(attributes.get("r"));
          rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
          nextColumn = 0;
          if (isTrue(attributes.get("hidden"))) {
            notes.push({ code: "hidden-row", row: rowIndex, column: null });
          }
          break;
        }
        case "c": {
          const position = cellPosition(attributes.get("r"));
          const row = position?.row ?? Math.max(rowIndex, 0);
          const column = position?.column ?? nextColumn;
          nextColumn = column + 1;
          cell = {
            row,
            column,
            type: attributes.get("t") ?? "n",
            style: Number(attributes.get("s") ?? "0"),
            hasFormula: false,
            value: null,
            inline: [],
          };
          break;
        }
        case "f":
          if (cell) cell.hasFormula = true;
          break;
        case "v":
          if (cell) {
            cell.value ??= "";
            textTarget = "value";
          }
          break;
        case "rPh":
          phoneticDepth++;
          break;
        case "t":
          if (cell && phoneticDepth === 0) textTarget = "inline";
          break;
        case "mergeCell": {
          const bounds = parseRef(attributes.get("ref") ?? "");
          if (bounds) merges.push(bounds);
          break;
        }
        case "hyperlink": {
          const id = relationshipId(element);
          const ref = attributes.get("ref");
          if (id !== undefined && ref !== undefined) hyperlinks.push({ ref, relationshipId: id });
          break;
        }
        case "tablePart": {
          const id = relationshipId(element);
          if (id !== undefined) tableRelationshipIds.push(id);
          break;
        }
      }
    },
    text(text) {
      if (cell === null || textTarget === null) return;
      if (textTarget === "value") cell.value += text;
      else cell.inline.push(text);
    },
    close(name) {
      if (name === "v" || name === "t") textTarget = null;
      else if (name === "rPh") phoneticDepth--;
      else if (name === "c" && cell !== null) {
        const value = cellValue(cell, context);
        if (value !== null) {
          let row = rows[cell.row];
          if (row === undefined) rows[cell.row] = row = [];
          row[cell.column] = value;
        } else if (cell.hasFormula && cell.value === null) {
          notes.push({ code: "formula-without-value", row: cell.row, column: cell.column });
        }
        cell = null;
      }
    },
  });

  // Sparse assignment leaves holes; the snapshot wants nulls.
  const dense: CellValue[][] = Array.from({ length: rows.length }, (_, r) =>
    Array.from(rows[r] ?? [], (value) => value ?? null),
  );
  return { rows: dense, merges, hyperlinks, tableRelationshipIds, notes };
}

function cellValue(cell: OpenCell, context: WorksheetContext): CellValue {
  const raw = cell.value;
  switch (cell.type) {
    case "s": {
      const index = Number(raw);
      return nonEmpty(Number.isInteger(index) ? (context.sharedStrings[index] ?? null) : null);
    }
    case "inlineStr":
      return nonEmpty(
        decodeExcelEscapes(cell.inline.length > 0 ? cell.inline.join("") : (raw ?? "")),
      );
    case "str":
      return nonEmpty(raw === null ? null : decodeExcelEscapes(raw));
    case "b":
      return raw === null || raw === "" ? null : raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return null; // #N/A, #REF! …: no value a person meant
    case "d": {
      if (raw === null || raw.trim() === "") return null;
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw.trim()}Z`);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default: {
      if (raw === null || raw.trim() === "") return null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return null;
      return context.dateStyles[cell.style] === true
        ? serialToDate(number, context.date1904)
        : number;
    }
  }
}

/** An Excel serial day number to a UTC Date (as ExcelJS did, so values read the same). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const unixDays = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(unixDays * 86_400_000));
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === "" ? null : text;
}

function cellPosition(ref: string | undefined): { row: number; column: number } | null {
  if (ref === undefined) return null;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!match) return null;
  const column = columnIndex(match[1]!);
  const row = Number(match[2]) - 1;
  return column === null || row < 0 ? null : { row, column };
}

/** "B3:D5" (or a lone "B3") to a 0-based inclusive range; null for anything else. */
export function parseRef(range: string): Bounds | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!match) return null;
  const left = columnIndex(match[1]!);
  const right = columnIndex(match[3] ?? match[1]!);
  const top = Number(match[2]) - 1;
  const bottom = Number(match[4] ?? match[2]) - 1;
  if (left === null || right === null || top < 0 || bottom < 0) return null;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
