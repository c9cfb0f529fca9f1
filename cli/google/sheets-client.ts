/**
 * A spreadsheet read and written through the Sheets API v4.
 *
 * Read: one `spreadsheets.get` with a field mask (titles, ids, grid sizes, merges) and one
 * `values.batchGet` of every sheet with UNFORMATTED_VALUE, so numbers come back as numbers and
 * text as text. Dates come back as their displayed text (dateTimeRenderOption
 * FORMATTED_STRING, e.g. "2025-07-01" or "7/1/2025" in the sheet's locale): the core reads
 * date text as it does a CSV's, so no serial-number guessing happens here.
 *
 * Write: the core's patch through the host-shared translator (hosts/sheets-api), batched in
 * `spreadsheets.batchUpdate` requests below 2 MB each; a sheet's requests stay in one batch
 * whenever they fit, so no half-built tab is visible.
 */
import type { CellValue, MergedRange, PatchOp, WorkbookSnapshot } from "../../shared/index.js";
import {
  opRequests,
  type BookState,
  type Request,
  type TabUrl,
} from "../../hosts/sheets-api/patch-requests.js";
import type { GoogleClients } from "./clients.js";

export const spreadsheetFields =
  "properties.title,sheets(properties(sheetId,title,gridProperties),merges)";

/** Google's limit is about 2 MB of request body; stay clear of it. */
export const defaultMaxBatchBytes = 1_900_000;

export interface ReadSpreadsheet {
  title: string;
  snapshot: WorkbookSnapshot;
  book: BookState;
}

export async function readSpreadsheet(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<ReadSpreadsheet> {
  const meta = await clients.call("sheets.get", () =>
    clients.sheets.spreadsheets.get({ spreadsheetId, fields: spreadsheetFields }),
  );
  const sheets = meta.data.sheets ?? [];
  const titles = sheets.map((sheet) => sheet.properties?.title ?? "");
  const values =
    titles.length === 0
      ? []
      : ((
          await clients.call("sheets.values.batchGet", () =>
            clients.sheets.spreadsheets.values.batchGet({
              spreadsheetId,
              ranges: titles.map(quoteSheet),
              majorDimension: "ROWS",
              valueRenderOption: "UNFORMATTED_VALUE",
              dateTimeRenderOption: "FORMATTED_STRING",
            }),
          )
        ).data.valueRanges ?? []);
  return {
    title: meta.data.properties?.title ?? spreadsheetId,
    snapshot: {
      sheets: sheets.map((sheet, i) => ({
        name: titles[i]!,
        rows: (values[i]?.values ?? []).map((row: unknown[]) => row.map(cellValue)),
        merges: (sheet.merges ?? []).map((m): MergedRange => ({
          top: m.startRowIndex ?? 0,
          left: m.startColumnIndex ?? 0,
          bottom: (m.endRowIndex ?? 1) - 1,
          right: (m.endColumnIndex ?? 1) - 1,
        })),
      })),
    },
    book: {
      sheets: sheets.map((sheet) => ({
        sheetId: sheet.properties?.sheetId ?? 0,
        title: sheet.properties?.title ?? "",
        rowCount: sheet.properties?.gridProperties?.rowCount ?? 1000,
        columnCount: sheet.properties?.gridProperties?.columnCount ?? 26,
        // Never drop a sheet of the user's.
        blankDefault: false,
      })),
    },
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

/** Applies ops in order; `book` follows the spreadsheet. Returns the batches' sizes in bytes. */
export async function writeOps(
  clients: GoogleClients,
  spreadsheetId: string,
  book: BookState,
  ops: readonly PatchOp[],
  options: WriteOptions = {},
): Promise<number[]> {
  const groups = ops
    .map((op) => opRequests(book, op, { tabUrl: options.tabUrl, fileUrls: options.fileUrls }))
    .filter((requests) => requests.length > 0);
  const batches = batchRequests(groups, options.maxBatchBytes ?? defaultMaxBatchBytes);
  const sizes: number[] = [];
  for (const requests of batches) {
    const body = { requests };
    sizes.push(Buffer.byteLength(JSON.stringify(body)));
    await clients.call("sheets.batchUpdate", () =>
      clients.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: body }),
    );
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
