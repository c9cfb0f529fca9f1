/**
 * The additional plan spreadsheets: the action-plan tabs that do not fit in the roster
 * spreadsheet (Google Sheets holds about 200 sheets), as the Apps Script host writes them but
 * through googleapis. The n-th (n ≥ 2) is a Google Sheets file named by the function the core
 * is given, created with Drive in the program folder; `drive.file` lets this app see only the
 * files it created, so "find by name" never picks up a user's file. The books of earlier runs
 * are n = 2, 3, … up to the first missing one, read into snapshots so the core finds their tabs
 * again (by Plan ID) and refreshes them instead of creating them twice.
 */
import type { PatchOp, PlanWorkbook } from "../../shared/index.js";
import {
  sheetByTitle,
  type BookState,
  type Request,
} from "../../hosts/sheets-api/patch-requests.js";
import type { GoogleClients } from "./clients.js";
import { createFile, listFiles, spreadsheetType, spreadsheetUrl } from "./drive-client.js";
import { planBatches, readSpreadsheet, type WriteOptions } from "./sheets-client.js";

export interface PlanBook {
  file: string;
  id: string;
  /** Follows the spreadsheet as batches are planned. */
  state: BookState;
  created: boolean;
}

export class PlanBooks {
  private readonly books = new Map<string, PlanBook>();

  constructor(
    private readonly clients: GoogleClients,
    readonly name: (n: number) => string,
  ) {}

  /** The books of earlier runs, read for the core; none when there is no folder yet. */
  async read(folderId: string | null): Promise<PlanWorkbook[]> {
    if (folderId === null) return [];
    const files = await listFiles(this.clients, spreadsheetType, folderId);
    const read: PlanWorkbook[] = [];
    for (let n = 2; ; n++) {
      const file = this.name(n);
      // Oldest first: should a name ever be doubled, the same file is chosen every run.
      const found = files.find((candidate) => candidate.name === file);
      if (found === undefined) break;
      const { book, snapshot } = await readSpreadsheet(this.clients, found.id, { planBook: true });
      this.books.set(file, { file, id: found.id, state: book, created: false });
      read.push({ file, snapshot });
    }
    return read;
  }

  has(file: string): boolean {
    return this.books.has(file);
  }

  /** Creates a book the core named in the folder; its blank first sheet goes with the first tab. */
  async create(file: string, folderId: string): Promise<PlanBook> {
    const id = await createFile(this.clients, file, spreadsheetType, folderId);
    const { book } = await readSpreadsheet(this.clients, id, { planBook: true, values: false });
    const created = { file, id, state: book, created: true };
    this.books.set(file, created);
    return created;
  }

  /** A book's batches for its ops; its state then holds the new tabs' ids (for tabUrl). */
  plan(file: string, ops: readonly PatchOp[], options: WriteOptions): Request[][] {
    return planBatches(this.get(file).state, ops, options);
  }

  get(file: string): PlanBook {
    const book = this.books.get(file);
    if (book === undefined)
      throw new Error(`the plan spreadsheet ${file} was neither found nor created`);
    return book;
  }

  /** Every book, in the core's order (2, 3, …). */
  all(): PlanBook[] {
    return [...this.books.values()];
  }

  /** `https://docs.google.com/spreadsheets/d/<id>/edit#gid=<sheetId>` of a known tab. */
  tabUrl(file: string, sheet: string): string | undefined {
    const book = this.books.get(file);
    const tab = book === undefined ? undefined : sheetByTitle(book.state, sheet);
    if (book === undefined || tab === undefined) return undefined;
    return `${spreadsheetUrl(book.id)}#gid=${tab.sheetId}`;
  }
}
