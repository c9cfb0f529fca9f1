/**
 * What a file really is, from its bytes first and its extension second: coordinators rename
 * files, download "Excel exports" that are web pages, and save CSV under .xlsx names.
 */
import { decodeText, looksLikeText } from "./decode-text.js";
import type { UnreadableCode } from "./errors.js";
import { SUPPORTED_LIST } from "./errors.js";
import { looksDelimited } from "./read-delimited.js";
import { containsStreamName, isOleCompoundFile, readOleEntryNames } from "./ole-directory.js";
import { isZip, readZipDirectory, type ZipEntry } from "./zip-directory.js";

export type FileKind =
  | { readonly kind: "xlsx" }
  | { readonly kind: "text"; readonly preferTab: boolean }
  /** `rest` completes a sentence whose subject is the file name. */
  | { readonly kind: "unreadable"; readonly code: UnreadableCode; readonly rest: string };

const TEXT_EXTENSIONS = new Set([".csv", ".tsv", ".txt", ".tab"]);
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xltx", ".xltm"]);

const SAVE_AS_XLSX = "open it in Excel and save it as .xlsx";

/** Extensions we know and cannot read, with what to do instead (a Map: ".constructor" is a name too). */
const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  [
    ".ods",
    `is an OpenDocument spreadsheet; save it as .xlsx or .csv (supported: ${SUPPORTED_LIST})`,
  ],
  [
    ".numbers",
    `is an Apple Numbers file; in Numbers choose File › Export To › Excel, then use the .xlsx (supported: ${SUPPORTED_LIST})`,
  ],
  [".xlsb", `is an Excel binary workbook (.xlsb); ${SAVE_AS_XLSX}`],
  [".xls", `is an old Excel 97–2003 file; ${SAVE_AS_XLSX}`],
  [".pdf", "is a PDF, not a spreadsheet; use the Excel or CSV file the roster came from"],
  [".doc", "is a Word document, not a spreadsheet; put the roster in Excel and save it as .xlsx"],
  [".docx", "is a Word document, not a spreadsheet; put the roster in Excel and save it as .xlsx"],
]);

export function identifyFile(bytes: Uint8Array, extension: string): FileKind {
  const ext = extension.toLowerCase();
  if (isZip(bytes)) return identifyZip(bytes, ext);
  if (isOleCompoundFile(bytes)) return identifyOle(bytes, ext);
  if (startsWith(bytes, "%PDF")) {
    return unreadable("not-a-spreadsheet", UNSUPPORTED.get(".pdf")!);
  }

  const { text } = decodeText(bytes.subarray(0, 64 * 1024));
  const isText = looksLikeText(text);
  const markup = isText && /^\s*</.test(text);

  if (TEXT_EXTENSIONS.has(ext)) {
    if (isText) return { kind: "text", preferTab: ext !== ".csv" };
    return unreadable(
      "not-a-spreadsheet",
      "holds binary data, not text; export the roster again as CSV or save it as .xlsx",
    );
  }
  if (WORKBOOK_EXTENSIONS.has(ext)) {
    if (markup) {
      return unreadable(
        "not-a-spreadsheet",
        `is a web page or XML file, not a workbook; ${SAVE_AS_XLSX}`,
      );
    }
    if (isText && looksDelimited(text)) {
      return unreadable(
        "not-a-spreadsheet",
        "is a CSV or text export with an Excel name, not a workbook; rename it to end in .csv",
      );
    }
    if (isText) {
      return unreadable(
        "not-a-spreadsheet",
        "is plain text, not an Excel workbook; use the workbook or CSV file the roster is in",
      );
    }
    return unreadable(
      "not-a-spreadsheet",
      `is not an Excel workbook; ${SAVE_AS_XLSX}, or export the roster again`,
    );
  }
  if (ext === ".xls") {
    // Many web systems' "Export to Excel" writes a tab-separated text file named .xls.
    if (isText && !markup) return { kind: "text", preferTab: true };
    if (markup) {
      return unreadable(
        "not-a-spreadsheet",
        `is a web page saved with an Excel name; ${SAVE_AS_XLSX}`,
      );
    }
    return unreadable("legacy-xls", UNSUPPORTED.get(".xls")!);
  }
  const known = UNSUPPORTED.get(ext);
  if (known !== undefined) return unreadable("unsupported-format", known);
  return unreadable(
    "unsupported-format",
    `is not a file type Mentor Match reads; use ${SUPPORTED_LIST}`,
  );
}

function identifyZip(bytes: Uint8Array, ext: string): FileKind {
  const entries = readZipDirectory(bytes);
  if (entries === null) {
    return unreadable(
      "damaged",
      `is damaged or incomplete (a download or copy may have been cut short); ${SAVE_AS_XLSX} again`,
    );
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has("xl/workbook.xml")) return { kind: "xlsx" };
  if (names.has("xl/workbook.bin"))
    return unreadable("unsupported-format", UNSUPPORTED.get(".xlsb")!);
  const mimetype = storedText(
    bytes,
    entries.find((entry) => entry.name === "mimetype"),
  );
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet") || ext === ".ods") {
    return unreadable("unsupported-format", UNSUPPORTED.get(".ods")!);
  }
  if (ext === ".numbers" || [...names].some((name) => name.startsWith("Index/"))) {
    return unreadable("unsupported-format", UNSUPPORTED.get(".numbers")!);
  }
  if (names.has("word/document.xml")) {
    return unreadable("not-a-spreadsheet", UNSUPPORTED.get(".docx")!);
  }
  if (names.has("ppt/presentation.xml")) {
    return unreadable(
      "not-a-spreadsheet",
      "is a PowerPoint presentation, not a spreadsheet; put the roster in Excel and save it as .xlsx",
    );
  }
  return unreadable(
    "not-a-spreadsheet",
    `is a zip archive with no Excel workbook inside; unzip it or ${SAVE_AS_XLSX}`,
  );
}

function identifyOle(bytes: Uint8Array, ext: string): FileKind {
  const names = readOleEntryNames(bytes);
  const has = (name: string): boolean =>
    names === null ? containsStreamName(bytes, name) : names.includes(name);
  if (has("EncryptedPackage")) {
    return unreadable(
      "encrypted",
      "is password-protected; open it in Excel, remove the password (File › Info › Protect Workbook), and save it again",
    );
  }
  const despite = ext === ".xls" ? "" : ` despite its ${ext || "missing"} extension`;
  if (has("Workbook") || has("Book")) {
    return unreadable("legacy-xls", `is an old Excel 97–2003 file${despite}; ${SAVE_AS_XLSX}`);
  }
  if (has("WordDocument")) return unreadable("not-a-spreadsheet", UNSUPPORTED.get(".doc")!);
  if (ext === ".xls") return unreadable("legacy-xls", UNSUPPORTED.get(".xls")!);
  if (names === null) {
    // Cannot look inside: both possibilities in one sentence.
    return unreadable(
      "encrypted",
      `is password-protected or an old Excel 97–2003 file; open it in Excel, remove any password, and save it as .xlsx`,
    );
  }
  return unreadable(
    "not-a-spreadsheet",
    `is an Office 97–2003 file with no workbook inside; ${SAVE_AS_XLSX}`,
  );
}

/** The text of a stored (uncompressed) entry, as ODF writes its `mimetype`. */
function storedText(bytes: Uint8Array, entry: ZipEntry | undefined): string | null {
  if (entry === undefined || entry.method !== 0 || entry.size > 200) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.size > bytes.length) return null;
  return new TextDecoder().decode(bytes.subarray(start, start + entry.size));
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  return [...ascii].every((ch, i) => bytes[i] === ch.charCodeAt(0));
}

function unreadable(code: UnreadableCode, rest: string): FileKind {
  return { kind: "unreadable", code, rest };
}
