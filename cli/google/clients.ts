/**
 * The three googleapis service clients, each with its own root URL when one is given (tests
 * point them at a loopback fake; `google.options({ rootUrl })` would be ignored by them).
 * googleapis' built-in retry is off: retry.ts is the one policy, with an injectable sleep.
 */
import { google, type docs_v1, type drive_v3, type sheets_v4 } from "googleapis";
import type { AuthClient } from "google-auth-library";
import { withRetry, type RetryOptions } from "./retry.js";

export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  docs: docs_v1.Docs;
  drive: drive_v3.Drive;
  /** Runs one API call with the retry policy, counting it under `name`. */
  call: <T>(name: string, run: () => Promise<T>) => Promise<T>;
  /** Calls made, by name ("sheets.get", "docs.batchUpdate" …), retries included. */
  counts: Map<string, number>;
}

export function googleClients(
  auth: AuthClient,
  options: { rootUrl?: string | undefined; retry?: RetryOptions } = {},
): GoogleClients {
  const root = options.rootUrl === undefined ? {} : { rootUrl: withSlash(options.rootUrl) };
  // The googleapis typings want their own copy of AuthClient; the object is the same.
  const common = { auth: auth as never, retry: false, ...root };
  const counts = new Map<string, number>();
  return {
    sheets: google.sheets({ version: "v4", ...common }),
    docs: google.docs({ version: "v1", ...common }),
    drive: google.drive({ version: "v3", ...common }),
    counts,
    call: (name, run) =>
      withRetry(() => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return run();
      }, options.retry),
  };
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
