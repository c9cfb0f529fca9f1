/**
 * ExcelJS cell values to snapshot values. ExcelJS gives a union of scalars and objects (rich
 * text, hyperlinks, formulas, errors); the snapshot holds only what a person sees as the value.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../shared/workbook/snapshot.js";

type ExcelValue = ExcelJS.CellValue;

export function toCellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ("error" in value) return null;
  if ("richText" in value) return nonEmpty(richTextToString(value.richText));
  if ("hyperlink" in value) return hyperlinkText(value);
  if ("formula" in value || "sharedFormula" in value) return formulaResult(value.result);
  return null;
}

/** A formula's cached result. Absent (never calculated) or an error value (#N/A) is null. */
function formulaResult(result: unknown): CellValue {
  if (result === null || result === undefined) return null;
  if (typeof result === "string") return result === "" ? null : result;
  if (typeof result === "number") return Number.isFinite(result) ? result : null;
  if (typeof result === "boolean") return result;
  if (result instanceof Date) return Number.isNaN(result.getTime()) ? null : result;
  return null; // { error: "#N/A" } and anything unforeseen
}

/**
 * A hyperlink cell shows its text. ExcelJS types `text` as a string, but when reading it holds
 * whatever the cell held: rich text, a formula's result, a number, or nothing at all. A `mailto:`
 * link with no text (or whose text is the link itself) stands for the address.
 */
function hyperlinkText(value: { text: unknown; hyperlink: string }): CellValue {
  const text = plainText(value.text);
  const mailto = /^mailto:/i.test(value.hyperlink) ? mailtoAddress(value.hyperlink) : null;
  if (text === null || text.trim() === "") return mailto ?? null;
  if (mailto !== null && text.trim().toLowerCase() === value.hyperlink.toLowerCase()) return mailto;
  return text;
}

function plainText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "richText" in value && Array.isArray(value.richText)) {
    return richTextToString(value.richText);
  }
  return null;
}

function richTextToString(runs: readonly unknown[]): string {
  return runs
    .map((run) =>
      typeof run === "object" && run !== null && "text" in run && typeof run.text === "string"
        ? run.text
        : "",
    )
    .join("");
}

function mailtoAddress(link: string): string | null {
  const address = link.replace(/^mailto:/i, "").split("?")[0]!;
  let decoded = address;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    // A stray "%" that is not an escape: keep the address as written.
  }
  return nonEmpty(decoded.trim());
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === "" ? null : text;
}
