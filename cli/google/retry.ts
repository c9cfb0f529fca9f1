/**
 * Retries a Google API call on 429 (rate limit) and 5xx with exponential backoff and jitter.
 * The sleep is injectable so tests never wait. googleapis' own retry is turned off (see
 * clients.ts) so there is exactly one retry policy, and POSTs (batchUpdate) are retried too:
 * every request we send is idempotent or atomic (see hosts/sheets-api/patch-requests.ts) —
 * except that Google may apply a batch and still answer 5xx, which `withWriteRetry` handles.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** The first wait, doubled each time. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait (for progress and for tests). */
  onRetry?: (status: number, attempt: number, delayMs: number) => void;
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** The HTTP status of a googleapis (gaxios) error, when it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  for (const candidate of [e.response?.status, e.status, e.code])
    if (typeof candidate === "number") return candidate;
  if (typeof e.code === "string" && /^\d{3}$/.test(e.code)) return Number(e.code);
  return undefined;
}

/** The API's own message (gaxios copies `error.message` of the JSON body into it). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isRetryable(status: number | undefined): boolean {
  return status === 429 || isServerError(status);
}

function isServerError(status: number | undefined): boolean {
  return status !== undefined && status >= 500 && status <= 599;
}

/** Connection codes after which the same request may simply be sent again. */
const droppedConnection = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "EAI_AGAIN",
  "ENETUNREACH",
]);

/**
 * Whether the connection failed before any answer came (no HTTP status): a kept-alive socket
 * the server closed during a long local step, a network blip. Treated like a 5xx: retried, and
 * for writes the request may or may not have been applied.
 */
export function isDroppedConnection(error: unknown): boolean {
  if (typeof error !== "object" || error === null || statusOf(error) !== undefined) return false;
  const e = error as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown };
  for (const code of [e.code, e.errno, (e.cause as { code?: unknown } | undefined)?.code])
    if (typeof code === "string" && droppedConnection.has(code)) return true;
  return typeof e.message === "string" && /socket hang up|ECONNRESET/.test(e.message);
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (!(isRetryable(status) || isDroppedConnection(error)) || attempt >= attempts) throw error;
      const delay = Math.round(base * 2 ** (attempt - 1) * (1 + Math.random() * 0.25));
      options.onRetry?.(status ?? 0, attempt, delay);
      await sleep(delay);
    }
  }
}

export type WriteOutcome = "written" | "applied earlier";

/**
 * A write (a batchUpdate) retried as above. A 5xx does not prove the write was not applied:
 * when it was, the retry is refused (the sheet it adds exists already, the document's revision
 * has moved on). `appliedEarlier` recognises such a refusal; it is asked only after a 5xx on
 * this same write, so a fresh mistake is never taken for success.
 */
export async function withWriteRetry(
  call: () => Promise<unknown>,
  options: RetryOptions,
  appliedEarlier: (error: unknown) => Promise<boolean>,
): Promise<WriteOutcome> {
  let serverError = false;
  let applied = false;
  await withRetry(async () => {
    try {
      await call();
    } catch (error) {
      const status = statusOf(error);
      if (isServerError(status) || isDroppedConnection(error)) serverError = true;
      else if (serverError && !isRetryable(status) && (await appliedEarlier(error))) {
        applied = true;
        return;
      }
      throw error;
    }
  }, options);
  return applied ? "applied earlier" : "written";
}
