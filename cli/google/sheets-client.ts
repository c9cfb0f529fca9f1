/**
 * A spreadsheet read and written through the Sheets API v4.
 *
 * Read: one `spreadsheets.get` with a field mask (titles, ids, grid sizes, merges) and
 * `values.batchGet` of every sheet, 40 ranges a call so the URL stays short, with
 * UNFORMATTED_VALUE, so numbers come back as numbers and text as text. Dates come back as
 * their displayed text (dateTimeRenderOption FORMATTED_STRING, e.g. "2025-07-01" or
 * "7/1/2025" in the sheet's locale): the core reads date text as it does a CSV's, so no
 * serial-number guessing happens here.
 *
 * Write: the core's patch through the host-shared translator (hosts/sheets-api), batched in
 * `spreadsheets.batchUpdate` requests below 2 MB each; a sheet's requests stay in one batch
 * whenever they fit, so no half-built tab is visible.
 */
import type {
  CellValue,
  MergedRange,
  PatchOp,
  SheetSnapshot,
  WorkbookSnapshot,
} from "../../shared/index.js";
import {
  dropBlankDefault,
  opRequests,
  type BookState,
  type Request,
  type TabUrl,
} from "../../hosts/sheets-api/patch-requests.js";
import type { GoogleClients } from "./clients.js";
import { messageOf, statusOf, type WriteOutcome } from "./retry.js";

export const spreadsheetFields =
  "properties(title,timeZone),sheets(properties(sheetId,title,gridProperties),merges)";

/** Google's limit is about 2 MB of request body; stay clear of it. */
export const defaultMaxBatchBytes = 1_900_000;

/** Ranges per values.batchGet: they travel in the URL. */
export const rangesPerRead = 40;

export interface ReadSpreadsheet {
  title: string;
  /** The spreadsheet's time zone (an IANA name such as "America/New_York"). */
  timeZone: string;
  snapshot: WorkbookSnapshot;
  book: BookState;
}

/**
 * Reads a spreadsheet for the core. A plan spreadsheet (`planBook`) is one this app created:
 * its blank first sheet (id 0, the one every new spreadsheet has) is left out of the snapshot
 * and marked to be dropped once a tab exists; in the user's spreadsheet no sheet is ever
 * dropped. `values: false` reads only the sheet properties (a spreadsheet just created).
 */
export async function readSpreadsheet(
  clients: GoogleClients,
  spreadsheetId: string,
  options: { planBook?: boolean; values?: boolean } = {},
): Promise<ReadSpreadsheet> {
  const meta = await clients.call("sheets.get", () =>
    clients.sheets.spreadsheets.get({ spreadsheetId, fields: spreadsheetFields }),
  );
  const sheets = meta.data.sheets ?? [];
  const titles = sheets.map((sheet) => sheet.properties?.title ?? "");
  const values: unknown[][][] = [];
  for (let start = 0; options.values !== false && start < titles.length; start += rangesPerRead) {
    const ranges = titles.slice(start, start + rangesPerRead).map(quoteSheet);
    const read = await clients.call("sheets.values.batchGet", () =>
      clients.sheets.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges,
        majorDimension: "ROWS",
        valueRenderOption: "UNFORMATTED_VALUE",
        dateTimeRenderOption: "FORMATTED_STRING",
      }),
    );
    for (let i = 0; i < ranges.length; i++)
      values.push((read.data.valueRanges?.[i]?.values ?? []) as unknown[][]);
  }
  const snapshotSheets: SheetSnapshot[] = [];
  const book: BookState = { sheets: [] };
  sheets.forEach((sheet, i) => {
    const rows = (values[i] ?? []).map((row) => row.map(cellValue));
    const sheetId = sheet.properties?.sheetId ?? 0;
    const blankDefault =
      options.planBook === true &&
      sheetId === 0 &&
      rows.every((row) => row.every((value) => value === null));
    book.sheets.push({
      sheetId,
      title: titles[i]!,
      rowCount: sheet.properties?.gridProperties?.rowCount ?? 1000,
      columnCount: sheet.properties?.gridProperties?.columnCount ?? 26,
      blankDefault,
    });
    if (blankDefault) return;
    snapshotSheets.push({
      name: titles[i]!,
      rows,
      merges: (sheet.merges ?? []).map((m): MergedRange => ({
        top: m.startRowIndex ?? 0,
        left: m.startColumnIndex ?? 0,
        bottom: (m.endRowIndex ?? 1) - 1,
        right: (m.endColumnIndex ?? 1) - 1,
      })),
    });
  });
  return {
    title: meta.data.properties?.title ?? spreadsheetId,
    timeZone: meta.data.properties?.timeZone ?? "UTC",
    snapshot: { sheets: snapshotSheets },
    book,
  };
}

/** A range naming a whole sheet: 'Plan – O''Neil'. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

export interface WriteOptions {
  tabUrl?: TabUrl;
  fileUrls?: ReadonlyMap<string, string>;
  maxBatchBytes?: number;
}

/**
 * The batches for ops applied in order; `book` is updated to the state after them (so tab
 * ids and titles are known before anything is sent). Ops in `translateFirst` are translated
 * before the others — a sheet linking to tabs needs their ids — but every op's requests are
 * sent in patch order, so the sheets appear in the spreadsheet as the patch lists them (as the
 * other hosts show them). A blank default sheet goes in the batch that adds the first tab.
 */
export function planBatches(
  book: BookState,
  ops: readonly PatchOp[],
  options: WriteOptions = {},
  translateFirst: ReadonlySet<PatchOp> = new Set(),
): Request[][] {
  const translated = new Map<PatchOp, Request[]>();
  for (const op of [
    ...ops.filter((o) => translateFirst.has(o)),
    ...ops.filter((o) => !translateFirst.has(o)),
  ]) {
    const requests = opRequests(book, op, {
      tabUrl: options.tabUrl,
      fileUrls: options.fileUrls,
    });
    dropBlankDefault(book, requests);
    translated.set(op, requests);
  }
  const groups = ops.map((op) => translated.get(op)!).filter((requests) => requests.length > 0);
  return batchRequests(groups, options.maxBatchBytes ?? defaultMaxBatchBytes);
}

/**
 * Sends one batch. A batch is atomic: when a retry after a 5xx is refused because a sheet it
 * adds "already exists", the earlier attempt was applied whole.
 */
export async function sendBatch(
  clients: GoogleClients,
  spreadsheetId: string,
  requests: Request[],
): Promise<WriteOutcome> {
  const addsSheet = requests.some((request) => request.addSheet !== undefined);
  return clients.write(
    "sheets",
    "sheets.batchUpdate",
    () => clients.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
    async (error) =>
      addsSheet && statusOf(error) === 400 && /already exists/i.test(messageOf(error)),
  );
}

/** The size in bytes of a batch's request body. */
export function batchBytes(requests: Request[]): number {
  return Buffer.byteLength(JSON.stringify({ requests }));
}

/** Applies ops in order; `book` follows the spreadsheet. Returns the batches' sizes in bytes. */
export async function writeOps(
  clients: GoogleClients,
  spreadsheetId: string,
  book: BookState,
  ops: readonly PatchOp[],
  options: WriteOptions = {},
): Promise<number[]> {
  const sizes: number[] = [];
  for (const requests of planBatches(book, ops, options)) {
    sizes.push(batchBytes(requests));
    await sendBatch(clients, spreadsheetId, requests);
  }
  return sizes;
}

/** Envelope bytes of `{"requests":[…]}` around the requests. */
const envelope = Buffer.byteLength('{"requests":[]}');

/**
 * Packs groups of requests (one op each) into batches whose JSON body stays below `limit`
 * bytes; a group too big for one batch is split between requests, and an `updateCells` too
 * big alone is split by rows.
 */
export function batchRequests(groups: readonly Request[][], limit: number): Request[][] {
  const batches: Request[][] = [];
  let current: Request[] = [];
  let size = envelope;
  const flush = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    size = envelope;
  };
  const push = (request: Request) => {
    const bytes = Buffer.byteLength(JSON.stringify(request)) + 1;
    if (envelope + bytes > limit) {
      const parts = splitUpdateCells(request);
      if (parts === null)
        throw new Error(
          `one Sheets request is ${bytes} bytes, above the ${limit}-byte batch limit`,
        );
      for (const part of parts) push(part);
      return;
    }
    if (size + bytes > limit) flush();
    current.push(request);
    size += bytes;
  };
  for (const group of groups) {
    const bytes = group.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)) + 1, 0);
    if (size + bytes > limit && envelope + bytes <= limit) flush();
    for (const request of group) push(request);
  }
  flush();
  return batches;
}

/** An `updateCells` from a start cell, halved by rows; null for anything else. */
function splitUpdateCells(request: Request): Request[] | null {
  const update = request.updateCells;
  const rows = update?.rows;
  if (update?.start === undefined || rows === undefined || rows.length < 2) return null;
  const half = Math.ceil(rows.length / 2);
  const start = update.start;
  return [
    { updateCells: { ...update, rows: rows.slice(0, half) } },
    {
      updateCells: {
        ...update,
        start: { ...start, rowIndex: (start.rowIndex ?? 0) + half },
        rows: rows.slice(half),
      },
    },
  ];
}
