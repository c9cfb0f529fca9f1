import { basename } from "node:path";

/** Why a file could not become part of the snapshot. Stable: the CLI and tests switch on it. */
export type UnreadableCode =
  /** No file at that path. */
  | "not-found"
  /** The path is a folder. */
  | "is-directory"
  /** The operating system refused to open the file. */
  | "permission-denied"
  /** Zero bytes, only whitespace, or a workbook with no cell holding a value. */
  | "empty"
  /** Excel's `~$name.xlsx` owner file, left next to a workbook that is open in Excel. */
  | "lock-file"
  /** An extension or container this reader does not read (.ods, .numbers, .xlsb, …). */
  | "unsupported-format"
  /** An Excel 97–2003 workbook (OLE compound file with a Workbook stream). */
  | "legacy-xls"
  /** A password-protected (encrypted) Office file. */
  | "encrypted"
  /** Something else under a spreadsheet's name: text, PDF, Word document, a zip without a workbook. */
  | "not-a-spreadsheet"
  /** Looks like an .xlsx workbook but ExcelJS could not read it. */
  | "damaged"
  /** A CSV/text export whose quoting cannot be parsed (a quote that never closes). */
  | "malformed-csv"
  /** Any other failure of the operating system to read the file. */
  | "io-error";

/**
 * A file the CLI cannot read. `message` is one plain line a coordinator can act on, starting
 * with the file's name, e.g. "roster.xls is an old Excel 97–2003 file; open it in Excel and save
 * it as .xlsx".
 */
export class UnreadableFileError extends Error {
  override readonly name = "UnreadableFileError";

  constructor(
    readonly code: UnreadableCode,
    /** The path as it was given to the reader. */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Builds the error with the file's base name as the subject of the sentence. */
export function unreadable(
  code: UnreadableCode,
  path: string,
  rest: string,
  cause?: unknown,
): UnreadableFileError {
  return new UnreadableFileError(
    code,
    path,
    `${basename(path)} ${rest}`,
    cause === undefined ? undefined : { cause },
  );
}

export const SUPPORTED_EXTENSIONS = [".xlsx", ".xlsm", ".csv", ".tsv", ".txt"] as const;

export const SUPPORTED_LIST = ".xlsx, .xlsm, .csv, .tsv or .txt";
