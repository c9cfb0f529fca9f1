/**
 * Cell values between Excel and the core: Excel gives dates as serial numbers with a date
 * number format, the core wants Date; strings are written under the text format "@" so Excel
 * never reads "=HYPERLINK(…)", "+1", "-x", "@x", "00123" or "2026-09-01" as a formula, number
 * or date.
 */
import type { CellValue } from "../../../shared/index.js";

/** 1899-12-30: Excel's day 0 once its 1900 leap-year bug is accounted for (serials ≥ 61). */
const excelEpoch = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;

export const textFormat = "@";

export function dateFromSerial(serial: number): Date {
  return new Date(excelEpoch + Math.round(serial * dayMs));
}

export function serialFromDate(date: Date): number {
  return (date.getTime() - excelEpoch) / dayMs;
}

/** A number format that shows a date or time ("m/d/yyyy", "yyyy-mm-dd hh:mm", "[$-409]d-mmm"). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || format === "General") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0]!;
  return /[dy]/i.test(bare) || (/h/i.test(bare) && /[ms]/i.test(bare));
}

/** An Excel cell value (string, number, boolean; "" for empty) as the core's CellValue. */
export function fromExcel(value: unknown, numberFormat: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return isDateFormat(numberFormat) ? dateFromSerial(value) : value;
  if (typeof value === "boolean") return value;
  return String(value);
}

/**
 * What to write for one cell: its value and the number format that keeps it what it is.
 * `blank` is what an empty cell becomes: "" (clear it, in a sheet we replace) or null (leave
 * the cell unchanged: Office.js skips null entries of a 2-D array).
 */
export function toExcel(
  value: CellValue,
  blank: "" | null,
  columnFormat: string | undefined,
): { value: string | number | boolean | null; format: string | null } {
  if (value === null || value === "") return { value: value === "" ? "" : blank, format: null };
  if (typeof value === "string") return { value, format: textFormat };
  if (value instanceof Date) {
    const timeOfDay = value.getTime() % dayMs !== 0;
    return { value: serialFromDate(value), format: timeOfDay ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  }
  if (typeof value === "number") return { value, format: columnFormat ?? null };
  return { value, format: null };
}
