/**
 * Reads roster files (.xlsx, .xlsm, .csv, .tsv, .txt) into one {@link WorkbookSnapshot}, the
 * only thing the core sees. Files are opened read-only and never written.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { SheetSnapshot, WorkbookSnapshot } from "../../shared/workbook/snapshot.js";
import { removeControlCharacters } from "./control-characters.js";
import { trimRows } from "./trim.js";
import { decodeText, type TextEncodingName } from "./decode-text.js";
import { unreadable, UnreadableFileError } from "./errors.js";
import { identifyFile } from "./identify.js";
import {
  parseDelimited,
  UnclosedQuoteError,
  type Delimiter,
  type DelimitedText,
} from "./read-delimited.js";
import { readXlsx, type RawSheet } from "./read-xlsx.js";
import { assignSheetNames } from "./sheet-names.js";

export { SUPPORTED_EXTENSIONS, UnreadableFileError, type UnreadableCode } from "./errors.js";

/** Where a sheet of the snapshot came from, for messages like "Mentors (radiology.xlsx)". */
export interface SheetOrigin {
  /** The sheet's name in the snapshot. */
  readonly sheet: string;
  /** The path as given. */
  readonly path: string;
  /** The tab's name inside the file, or the file's stem for CSV and text. */
  readonly nameInFile: string;
  readonly format: "xlsx" | "text";
  /** Text files only: how the bytes were decoded and split. */
  readonly encoding?: TextEncodingName;
  readonly delimiter?: Delimiter;
}

export interface ReadWorkbookResult {
  readonly snapshot: WorkbookSnapshot;
  /** Parallel to `snapshot.sheets`. */
  readonly origins: readonly SheetOrigin[];
  /** Paths given more than once (the same file after resolving links), read only once. */
  readonly skippedDuplicates: readonly string[];
}

/** Reads the files, in order, into one workbook. Throws {@link UnreadableFileError}. */
export async function readWorkbookFiles(paths: readonly string[]): Promise<WorkbookSnapshot> {
  return (await readWorkbookFilesWithOrigins(paths)).snapshot;
}

export async function readWorkbookFilesWithOrigins(
  paths: readonly string[],
): Promise<ReadWorkbookResult> {
  if (paths.length === 0) throw new RangeError("readWorkbookFiles needs at least one file");
  const seen = new Set<string>();
  const skippedDuplicates: string[] = [];
  const files: FileSheets[] = [];
  for (const path of paths) {
    const file = await readSpreadsheetFile(path);
    if (seen.has(file.realPath)) {
      skippedDuplicates.push(path);
      continue;
    }
    seen.add(file.realPath);
    files.push(file);
  }

  const flat = files.flatMap((file) => file.sheets.map((sheet) => ({ file, sheet })));
  const names = assignSheetNames(
    flat.map(({ file, sheet }) => ({
      stem: file.stem,
      name: sheet.name,
      fromFileName: file.format === "text",
    })),
  );
  const sheets: SheetSnapshot[] = flat.map(({ sheet }, i) => ({
    name: names[i]!,
    rows: sheet.rows,
    ...(sheet.merges.length > 0 ? { merges: sheet.merges } : {}),
    ...(sheet.notes !== undefined && sheet.notes.length > 0 ? { notes: sheet.notes } : {}),
  }));
  const origins: SheetOrigin[] = flat.map(({ file, sheet }, i) => ({
    sheet: names[i]!,
    path: file.path,
    nameInFile: sheet.name,
    format: file.format,
    ...(file.encoding === undefined ? {} : { encoding: file.encoding }),
    ...(file.delimiter === undefined ? {} : { delimiter: file.delimiter }),
  }));
  return { snapshot: { sheets }, origins, skippedDuplicates };
}

/** One file's sheets, with their names as in the file (not yet made unique). */
export interface FileSheets {
  readonly path: string;
  readonly realPath: string;
  readonly stem: string;
  readonly format: "xlsx" | "text";
  readonly sheets: readonly RawSheet[];
  readonly encoding?: TextEncodingName;
  readonly delimiter?: Delimiter;
}

export async function readSpreadsheetFile(path: string): Promise<FileSheets> {
  const name = basename(path);
  const extension = extname(name);
  const stem = basename(name, extension);

  const info = await stat(path).catch((error: unknown) => {
    throw fileSystemError(path, error);
  });
  if (info.isDirectory()) {
    if (extension.toLowerCase() === ".numbers") {
      throw unreadable(
        "unsupported-format",
        path,
        "is an Apple Numbers file; in Numbers choose File › Export To › Excel, then use the .xlsx",
      );
    }
    throw new UnreadableFileError(
      "is-directory",
      path,
      `${path} is a folder, not a file; give the roster file inside it`,
    );
  }
  if (name.startsWith("~$")) {
    throw unreadable(
      "lock-file",
      path,
      "is a temporary file Excel keeps while a workbook is open; leave it out and use the workbook itself",
    );
  }
  if (info.size === 0) {
    throw unreadable("empty", path, "is empty (0 bytes); save or export the roster again");
  }

  // readFile opens with flag "r": read-only, the file is never modified.
  const bytes = await readFile(path, { flag: "r" }).catch((error: unknown) => {
    throw fileSystemError(path, error);
  });
  const realPath = await realpath(path).catch(() => path);
  const kind = identifyFile(bytes, extension);

  if (kind.kind === "unreadable") throw unreadable(kind.code, path, kind.rest);

  if (kind.kind === "xlsx") {
    let sheets: RawSheet[];
    try {
      sheets = await readXlsx(bytes);
    } catch (error) {
      throw unreadable(
        "damaged",
        path,
        "could not be read as an Excel workbook (it may be damaged); open it in Excel and save a copy as .xlsx",
        error,
      );
    }
    if (sheets.every((sheet) => sheet.rows.length === 0)) {
      throw unreadable("empty", path, "has no data in any sheet; check that it is the right file");
    }
    return { path, realPath, stem, format: "xlsx", sheets: sheets.map(withoutControlCharacters) };
  }

  const { text, encoding } = decodeText(bytes);
  const parsed = parseText(path, text, kind.preferTab);
  if (parsed.rows.length === 0) {
    throw unreadable("empty", path, "has no data; save or export the roster again");
  }
  return {
    path,
    realPath,
    stem,
    format: "text",
    sheets: [withoutControlCharacters({ name: stem, rows: parsed.rows, merges: [] })],
    encoding,
    delimiter: parsed.delimiter,
  };
}

/** Removes control characters from every cell, noting each cell for the core to report. */
function withoutControlCharacters(sheet: RawSheet): RawSheet {
  const notes = removeControlCharacters(sheet.rows);
  if (notes.length === 0) return sheet;
  const all = [...(sheet.notes ?? []), ...notes].sort(
    (a, b) => a.row - b.row || (a.column ?? -1) - (b.column ?? -1),
  );
  return { ...sheet, rows: trimRows(sheet.rows), notes: all };
}

function parseText(path: string, text: string, preferTab: boolean): DelimitedText {
  try {
    return parseDelimited(text, { preferTab });
  } catch (error) {
    if (error instanceof UnclosedQuoteError) {
      throw unreadable(
        "malformed-csv",
        path,
        `has a quotation mark on line ${error.line} that is never closed; fix that line or export the roster again`,
        error,
      );
    }
    throw error;
  }
}

function fileSystemError(path: string, error: unknown): UnreadableFileError {
  const code = errorCode(error);
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new UnreadableFileError(
      "not-found",
      path,
      `${path} was not found; check the file name and folder`,
      { cause: error },
    );
  }
  if (code === "EISDIR") {
    return new UnreadableFileError(
      "is-directory",
      path,
      `${path} is a folder, not a file; give the roster file inside it`,
      { cause: error },
    );
  }
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
    return unreadable(
      "permission-denied",
      path,
      "could not be opened (permission denied or locked by another program); close it elsewhere or copy it to a folder you own",
      error,
    );
  }
  return unreadable(
    "io-error",
    path,
    `could not be read (${code ?? "unknown error"}); copy it to a local folder and try again`,
    error,
  );
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String(error.code)
    : undefined;
}
