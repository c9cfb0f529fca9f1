/** Small text helpers shared by the roster readers. */
import type { CellValue } from "../workbook/snapshot.js";

/** A cell as trimmed text; numbers and dates as a person would read them; blank → "". */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return collapseSpaces(value);
}

/** Non-breaking and other odd spaces to plain spaces, runs collapsed, ends trimmed. */
export function collapseSpaces(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\r?\n */g, "\n")
    .trim();
}

/** Case- and accent-insensitive key: "García-López" and "garcia lopez" agree. */
export function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function isBlank(value: CellValue | undefined): boolean {
  return cellText(value) === "";
}

/** Edit distance counting a swap of neighbours as one edit ("Emial"), for typo-tolerant headers. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

export function quoteForMessage(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return `“${oneLine.length > 60 ? oneLine.slice(0, 57) + "…" : oneLine}”`;
}

/** "clinical mentor" → "Clinical mentor". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
