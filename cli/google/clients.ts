/**
 * The three googleapis service clients, each with its own root URL when one is given (tests
 * point them at a loopback fake; `google.options({ rootUrl })` would be ignored by them).
 * googleapis' built-in retry is off: retry.ts is the one policy, with an injectable sleep.
 * Writes also pass a per-API pacer (pacing.ts), once per attempt: a retry is a request too.
 */
import { google, type docs_v1, type drive_v3, type sheets_v4 } from "googleapis";
import type { AuthClient } from "google-auth-library";
import { defaultWritesPerMinute, realClock, writePacer, type Clock } from "./pacing.js";
import { withRetry, withWriteRetry, type RetryOptions, type WriteOutcome } from "./retry.js";

/** The APIs whose writes are paced, each against its own per-minute quota. */
export type WriteApi = "sheets" | "docs";

export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  docs: docs_v1.Docs;
  drive: drive_v3.Drive;
  /** Runs one API call with the retry policy, counting it under `name`. */
  call: <T>(name: string, run: () => Promise<T>) => Promise<T>;
  /**
   * Runs one batchUpdate: paced, retried, and done ("applied earlier") when a retry after a
   * 5xx is refused in a way `appliedEarlier` recognises as the earlier attempt having applied.
   */
  write: (
    api: WriteApi,
    name: string,
    run: () => Promise<unknown>,
    appliedEarlier: (error: unknown) => Promise<boolean>,
  ) => Promise<WriteOutcome>;
  /** Calls made, by name ("sheets.get", "docs.batchUpdate" …), retries included. */
  counts: Map<string, number>;
}

export interface ClientOptions {
  rootUrl?: string | undefined;
  retry?: RetryOptions | undefined;
  /** Writes per minute and API (default 60, Google's quota); 0 = no pacing. */
  writesPerMinute?: number | undefined;
  clock?: Clock | undefined;
  /** Told when a write waits for the pacer. */
  onPace?: ((api: WriteApi, ms: number) => void) | undefined;
}

export function googleClients(auth: AuthClient, options: ClientOptions = {}): GoogleClients {
  const root = options.rootUrl === undefined ? {} : { rootUrl: withSlash(options.rootUrl) };
  // The googleapis typings want their own copy of AuthClient; the object is the same.
  const common = { auth: auth as never, retry: false, ...root };
  const counts = new Map<string, number>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const clock = options.clock ?? realClock;
  const perMinute = options.writesPerMinute ?? defaultWritesPerMinute;
  const pacers: Record<WriteApi, () => Promise<void>> = {
    sheets: writePacer(perMinute, clock, (ms) => options.onPace?.("sheets", ms)),
    docs: writePacer(perMinute, clock, (ms) => options.onPace?.("docs", ms)),
  };
  const retry = { sleep: clock.sleep, ...options.retry };
  return {
    sheets: google.sheets({ version: "v4", ...common }),
    docs: google.docs({ version: "v1", ...common }),
    drive: google.drive({ version: "v3", ...common }),
    counts,
    call: (name, run) =>
      withRetry(() => {
        count(name);
        return run();
      }, retry),
    write: (api, name, run, appliedEarlier) =>
      withWriteRetry(
        async () => {
          await pacers[api]();
          count(name);
          return run();
        },
        retry,
        appliedEarlier,
      ),
  };
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
