/**
 * CSV / TSV / "Unicode text" exports to rows of strings. Values stay strings exactly as written
 * (no number or date coercion: "02115" and "3/4" mean what the coordinator typed); an empty
 * field is null. Blank lines are kept as empty rows so row numbers match what Excel shows when
 * it opens the file.
 */
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import type { CellValue } from "../../shared/workbook/snapshot.js";
import { trimRows } from "./trim.js";

export type Delimiter = "," | ";" | "\t" | "|";

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];
const SNIFF_RECORDS = 50;
const SNIFF_CHARS = 64 * 1024;

export interface DelimitedText {
  readonly rows: CellValue[][];
  readonly delimiter: Delimiter;
}

export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`a quotation mark opened on line ${line} is never closed`);
  }
}

/** `preferTab` breaks ties towards tabs (a .tsv or .txt file). */
export function parseDelimited(text: string, options: { preferTab?: boolean } = {}): DelimitedText {
  let body = text;
  let delimiter: Delimiter | null = null;
  // Excel honours (and some exports write) a first line "sep=;" naming the delimiter.
  const sepLine = /^sep=(.)\r?\n/i.exec(body);
  const named = sepLine?.[1];
  if (named !== undefined && isDelimiter(named)) {
    delimiter = named;
    body = body.slice(sepLine![0].length);
  }
  delimiter ??= sniffDelimiter(body, options.preferTab ?? false);

  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new UnclosedQuoteError(unclosedQuoteLine(body, delimiter));
    }
    throw error;
  }
  const rows = records.map((record) => record.map((field) => (field === "" ? null : field)));
  return { rows: trimRows(rows), delimiter };
}

function isDelimiter(value: string): value is Delimiter {
  return (CANDIDATES as readonly string[]).includes(value);
}

/**
 * Picks the delimiter that splits the most records into the same number of fields. A title line
 * or a free-text column may contain stray commas or semicolons, but only the real delimiter is
 * consistent from record to record. Ties go to more fields, then to comma (or tab).
 */
export function sniffDelimiter(text: string, preferTab = false): Delimiter {
  return bestDelimiter(text, preferTab).delimiter;
}

/** Whether text reads as a table: at least three records split alike by some delimiter. */
export function looksDelimited(text: string): boolean {
  return bestDelimiter(text, false).records >= 3;
}

function bestDelimiter(
  text: string,
  preferTab: boolean,
): { delimiter: Delimiter; records: number; fields: number } {
  const records = sampleRecords(text);
  const order: readonly Delimiter[] = preferTab ? ["\t", ",", ";", "|"] : CANDIDATES;
  let best = { delimiter: order[0]!, records: 0, fields: 0 };
  for (const delimiter of order) {
    const frequency = new Map<number, number>();
    for (const record of records) {
      const count = countOutsideQuotes(record, delimiter);
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [fields, times] of frequency) {
      if (times > best.records || (times === best.records && fields > best.fields)) {
        best = { delimiter, records: times, fields };
      }
    }
  }
  return best;
}

/** The first records of the text, split on line breaks that are not inside quotes. */
function sampleRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let inQuotes = false;
  const end = Math.min(text.length, SNIFF_CHARS);
  for (let i = 0; i < end && records.length < SNIFF_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n" && !inQuotes) {
      const record = text.slice(start, i).replace(/\r$/, "");
      if (record.trim() !== "") records.push(record);
      start = i + 1;
    }
  }
  if (records.length < SNIFF_RECORDS && start < end && !inQuotes) {
    const record = text.slice(start, end).replace(/\r$/, "");
    if (record.trim() !== "") records.push(record);
  }
  return records;
}

function countOutsideQuotes(record: string, delimiter: Delimiter): number {
  let count = 0;
  let inQuotes = false;
  for (const ch of record) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}

/** 1-based line of the opening quote of the field that never closes. */
function unclosedQuoteLine(text: string, delimiter: Delimiter): number {
  let line = 1;
  let openedAt = 1;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === "\n") line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      openedAt = line;
    }
    if (ch === "\n") line++;
    atFieldStart = ch === delimiter || ch === "\n";
  }
  return openedAt;
}
