/**
 * The core's patch as Sheets API v4 `batchUpdate` requests, for the additional plan
 * spreadsheets (opened through the Sheets advanced service, which `drive.file` allows on the
 * script's own files; SpreadsheetApp.openById would need the full `spreadsheets` scope).
 *
 * The translator itself is host-shared (hosts/sheets-api/patch-requests.ts, also used by the
 * CLI's Google mode); this adaptor gives it the advanced service's types.
 */
import {
  dropBlankDefault as dropBlank,
  opRequests as sharedOpRequests,
  type BookState,
} from "../../../hosts/sheets-api/patch-requests.js";
import type { PatchOp } from "../../../shared/index.js";
import type { TabUrl } from "./links.js";

export {
  sheetByTitle,
  type BookSheet,
  type BookState,
} from "../../../hosts/sheets-api/patch-requests.js";

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** The requests for one op; `book` is updated to the state after them. */
export function opRequests(book: BookState, op: PatchOp, tabUrl?: TabUrl): Request[] {
  return sharedOpRequests(book, op, { tabUrl }) satisfies Request[];
}

/** Drops the spreadsheet's blank default sheet once another sheet exists (never the last one). */
export function dropBlankDefault(book: BookState, requests: Request[]): void {
  dropBlank(book, requests);
}
