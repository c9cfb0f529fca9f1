/** Finds the header row below title rows and notes: the row whose cells best name our fields. */
import type { SheetSnapshot } from "../workbook/snapshot.js";
import { assignColumns, scoreHeader } from "./map-columns.js";
import { personFields, doNotPairFields, type Field } from "./fields.js";
import type { SheetKind } from "./sheet-kind.js";
import { cellText } from "./text.js";

/** Titles and notes above a header rarely run longer than this. */
const rowsToScan = 40;

export interface HeaderGuess {
  /** 0-based row index of the header. */
  row: number;
  headers: string[];
  columns: Map<number, Field>;
}

export function fieldsFor(kind: SheetKind): readonly Field[] {
  return kind === "doNotPair" ? doNotPairFields : personFields;
}

export function headerTexts(sheet: SheetSnapshot, row: number): string[] {
  // Numbers and dates are data, never header text.
  return (sheet.rows[row] ?? []).map((value) => (typeof value === "string" ? cellText(value) : ""));
}

function isUsableHeader(columns: Map<number, Field>, kind: SheetKind): boolean {
  const fields = new Set(columns.values());
  if (kind === "doNotPair") return fields.has("personA") && fields.has("personB");
  const identifies = fields.has("name") || fields.has("lastName") || fields.has("email");
  return identifies && fields.size >= 2;
}

export function detectHeader(sheet: SheetSnapshot, kind: SheetKind): HeaderGuess | null {
  const fields = fieldsFor(kind);
  let best: (HeaderGuess & { score: number }) | null = null;
  const lastRow = Math.min(sheet.rows.length, rowsToScan);
  for (let row = 0; row < lastRow; row++) {
    const headers = headerTexts(sheet, row);
    if (headers.filter((text) => text !== "").length < 2) continue;
    const columns = assignColumns(headers, kind, fields);
    if (!isUsableHeader(columns, kind)) continue;
    let score = 0;
    for (const [column, field] of columns) {
      const fieldScore = scoreHeader(headers[column]!, kind, [field])[0]?.score ?? 0;
      score += fieldScore;
    }
    if (best === null || score > best.score + 1e-9) best = { row, headers, columns, score };
  }
  return best === null ? null : { row: best.row, headers: best.headers, columns: best.columns };
}
