/**
 * Writing generated rosters: workbooks through ExcelJS with every timestamp fixed, and
 * delimited text in the encodings and line endings real exports use.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { WINDOWS_1252_HIGH } from "../../cli/io/decode-text.js";
import { unzip, zip, type ZipFile } from "./zip.js";

/** The fixed "now" of every generated file. */
export const GENERATED_AT = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Faculty Affairs (fabricated example)";
  workbook.lastModifiedBy = "Faculty Affairs (fabricated example)";
  workbook.created = GENERATED_AT;
  workbook.modified = GENERATED_AT;
  return workbook;
}

/**
 * Writes the workbook byte-for-byte reproducibly. `edit` may rewrite parts of the package
 * (XML a test needs that ExcelJS cannot produce) before it is zipped again.
 */
export async function saveWorkbook(
  workbook: ExcelJS.Workbook,
  path: string,
  edit?: (files: ZipFile[]) => ZipFile[],
): Promise<void> {
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  // Folder entries ("xl/") carry nothing; Excel never writes them.
  const files = unzip(written).filter((file) => !file.name.endsWith("/"));
  writeBytes(path, zip(edit ? edit(files) : files));
}

export function writeBytes(path: string, bytes: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** Replaces one part of a package, failing loudly if the text to replace is not there. */
export function editPart(files: ZipFile[], name: string, edit: (xml: string) => string): ZipFile[] {
  return files.map((file) => {
    if (file.name !== name) return file;
    const before = file.data.toString("utf8");
    const after = edit(before);
    if (after === before) throw new Error(`editPart: nothing changed in ${name}`);
    return { name, data: Buffer.from(after, "utf8") };
  });
}

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le-bom" | "windows-1252";

export interface TextFileOptions {
  readonly delimiter?: string;
  readonly lineEnding?: "\r\n" | "\n";
  readonly encoding?: TextEncoding;
}

/** Rows to delimited text, quoting like Excel: only fields that need it. */
export function delimitedText(
  rows: readonly (readonly (string | number | null)[])[],
  options: TextFileOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const lineEnding = options.lineEnding ?? "\r\n";
  const quote = (value: string | number | null): string => {
    const text = value === null ? "" : String(value);
    return text.includes(delimiter) || /["\r\n]/.test(text)
      ? `"${text.replace(/"/g, '""')}"`
      : text;
  };
  return rows.map((row) => row.map(quote).join(delimiter)).join(lineEnding) + lineEnding;
}

export function encodeText(text: string, encoding: TextEncoding = "utf-8"): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le-bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "windows-1252":
      return encodeWindows1252(text);
  }
}

function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = WINDOWS_1252_HIGH.indexOf(ch);
    if (high >= 0 && code > 0xff) bytes.push(0x80 + high);
    else if (code <= 0x7f || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`encodeWindows1252: ${JSON.stringify(ch)} has no Windows-1252 byte`);
  }
  return Buffer.from(bytes);
}
