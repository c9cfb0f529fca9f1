/**
 * The additional plan spreadsheets: the action-plan tabs that do not fit in the roster
 * spreadsheet (Google Sheets holds about 200 sheets). Each is a Google Sheets file the script
 * creates in the program folder with the Drive advanced service, found again by the id saved
 * in the document properties (or by its name in the folder), and read and written with the
 * Sheets advanced service (API v4) — both allowed by `drive.file` on the script's own files,
 * where SpreadsheetApp.openById would need the full `spreadsheets` scope.
 *
 * The n-th (n ≥ 2) is named by the same function the core is given and its id saved under n;
 * the books of earlier runs are n = 2, 3, … up to the first missing one (found by saved id, so
 * under the name they have even after the roster was renamed, or by name in the folder), read
 * into snapshots so the core finds their tabs again (by Plan ID) instead of creating them twice.
 */
import type { CellValue, PatchOp, PlanWorkbook, SheetSnapshot } from "../../../shared/index.js";
import { createFile, findFile, liveFile, spreadsheetType } from "../docs/drive-files.js";
import { keys, properties } from "../jobs/store.js";
import { dropBlankDefault, opRequests, sheetByTitle, type BookState } from "./patch-requests.js";
import type { TabUrl } from "./links.js";

type Request = GoogleAppsScript.Sheets.Schema.Request;

interface PlanBook {
  file: string;
  id: string;
  state: BookState;
}

/** One batchUpdate stays well below the ~2 MB a request body should not exceed. */
const maxBatchChars = 1_000_000;
/** Ranges per values.batchGet (they travel in the URL). */
const rangesPerRead = 40;
const maxBooks = 50;

/** Calls below name `Sheets.…` in full so the scope test can see each method the bundle uses. */
function requireSheets(): void {
  if (typeof Sheets === "undefined" || Sheets === undefined)
    throw new Error(
      "The Sheets advanced service is not enabled for this script (see docs/apps-script.md).",
    );
}

export interface BookWrite {
  /** How many batchUpdate calls it took. */
  batches: number;
  created: number;
  updated: number;
}

/** The additional plan spreadsheets one execution knows about. */
export class PlanBooks {
  private readonly books = new Map<string, PlanBook>();

  constructor(readonly name: (n: number) => string) {}

  /** The books of earlier runs, read for the core; `folderId` null when there is no folder. */
  read(folderId: string | null): PlanWorkbook[] {
    const read: PlanWorkbook[] = [];
    for (let n = 2; n < 2 + maxBooks; n++) {
      const saved = savedFile(n);
      const named = this.name(n);
      const found =
        saved ?? (folderId === null ? null : findFile(folderId, named, spreadsheetType));
      if (found === null) break;
      const id = typeof found === "string" ? found : found.id;
      const file = typeof found === "string" ? named : found.name;
      saveId(n, id);
      const { state, snapshot } = readBook(id);
      this.books.set(file, { file, id, state });
      read.push({ file, snapshot });
    }
    return read;
  }

  /**
   * Applies a book's ops in order, creating the book in the folder when it does not exist:
   * as few batchUpdate calls as the size limit allows, an op's requests never split.
   */
  apply(file: string, ops: readonly PatchOp[], folderId: () => string, tabUrl?: TabUrl): BookWrite {
    const book = this.books.get(file) ?? this.open(file, folderId);
    const batches: Request[][] = [];
    let batch: Request[] = [];
    let size = 0;
    let created = 0;
    for (const op of ops) {
      const isNew = op.op === "setSheet" && sheetByTitle(book.state, op.sheet) === undefined;
      if (isNew) created++;
      const requests = opRequests(book.state, op, tabUrl);
      if (isNew) dropBlankDefault(book.state, requests);
      const chars = JSON.stringify(requests).length;
      if (batch.length > 0 && size + chars > maxBatchChars) {
        batches.push(batch);
        batch = [];
        size = 0;
      }
      batch.push(...requests);
      size += chars;
    }
    if (batch.length > 0) batches.push(batch);
    requireSheets();
    for (const requests of batches) Sheets!.Spreadsheets.batchUpdate({ requests }, book.id);
    return { batches: batches.length, created, updated: ops.length - created };
  }

  /** `https://docs.google.com/spreadsheets/d/<id>/edit#gid=<sheetId>` of a known tab. */
  tabUrl(file: string, sheet: string): string | undefined {
    const book = this.books.get(file);
    const tab = book === undefined ? undefined : sheetByTitle(book.state, sheet);
    if (book === undefined || tab === undefined) return undefined;
    return `https://docs.google.com/spreadsheets/d/${book.id}/edit#gid=${tab.sheetId}`;
  }

  /** Which file each book is, for telling apart writes that link to different files. */
  signature(): string {
    return [...this.books.values()].map((book) => `${book.file}=${book.id}`).join("\n");
  }

  /** A book the core named (n-th of the series), found again or created in the folder. */
  private open(file: string, folderId: () => string): PlanBook {
    let n = 2;
    while (n < 2 + maxBooks && this.name(n) !== file) n++;
    if (n === 2 + maxBooks) throw new Error(`Too many additional plan spreadsheets (${file}).`);
    const saved = savedFile(n);
    const folder = folderId();
    const id =
      (saved !== null && saved.name === file ? saved.id : null) ??
      findFile(folder, file, spreadsheetType) ??
      createFile(folder, file, spreadsheetType);
    saveId(n, id);
    const book = { file, id, state: readBook(id).state };
    this.books.set(file, book);
    return book;
  }
}

/** The n-th book saved by an earlier run, when it still exists (and its current name). */
function savedFile(n: number): { id: string; name: string } | null {
  const saved = properties().getProperty(keys.planBook(n));
  const file = saved === null ? null : liveFile(saved);
  return file === null ? null : { id: file.id ?? saved!, name: file.name ?? "" };
}

function saveId(n: number, id: string): void {
  if (properties().getProperty(keys.planBook(n)) !== id)
    properties().setProperty(keys.planBook(n), id);
}

/** One spreadsheets.get (sheet properties and merges) and values.batchGet per 40 sheets. */
function readBook(id: string): { state: BookState; snapshot: { sheets: SheetSnapshot[] } } {
  requireSheets();
  const meta = Sheets!.Spreadsheets.get(id, {
    fields: "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),merges)",
  });
  const sheets = meta.sheets ?? [];
  const values: unknown[][][] = [];
  for (let start = 0; start < sheets.length; start += rangesPerRead) {
    const ranges = sheets
      .slice(start, start + rangesPerRead)
      .map((sheet) => `'${(sheet.properties?.title ?? "").replace(/'/g, "''")}'`);
    const read = Sheets!.Spreadsheets.Values.batchGet(id, {
      ranges,
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "FORMATTED_STRING",
    });
    for (let i = 0; i < ranges.length; i++)
      values.push((read.valueRanges?.[i]?.values ?? []) as unknown[][]);
  }
  const state: BookState = { sheets: [] };
  const snapshot: { sheets: SheetSnapshot[] } = { sheets: [] };
  sheets.forEach((sheet, i) => {
    const properties = sheet.properties ?? {};
    const rows = (values[i] ?? []).map((row) => row.map(cellValue));
    const blank = rows.every((row) => row.every((value) => value === null));
    const blankDefault = properties.sheetId === 0 && blank;
    state.sheets.push({
      sheetId: properties.sheetId ?? 0,
      title: properties.title ?? "",
      rowCount: properties.gridProperties?.rowCount ?? 1000,
      columnCount: properties.gridProperties?.columnCount ?? 26,
      blankDefault,
    });
    // The new file's empty first sheet is left out: it goes when the first tab is added.
    if (blankDefault) return;
    snapshot.sheets.push({
      name: properties.title ?? "",
      rows,
      merges: (sheet.merges ?? []).map((merge) => ({
        top: merge.startRowIndex ?? 0,
        left: merge.startColumnIndex ?? 0,
        bottom: (merge.endRowIndex ?? 1) - 1,
        right: (merge.endColumnIndex ?? 1) - 1,
      })),
    });
  });
  return { state, snapshot };
}

function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}
