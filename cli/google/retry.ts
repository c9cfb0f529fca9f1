/**
 * Retries a Google API call on 429 (rate limit) and 5xx with exponential backoff and jitter.
 * The sleep is injectable so tests never wait. googleapis' own retry is turned off (see
 * clients.ts) so there is exactly one retry policy, and POSTs (batchUpdate) are retried too:
 * every request we send is idempotent or atomic (see hosts/sheets-api/patch-requests.ts).
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

export function isRetryable(status: number | undefined): boolean {
  return status === 429 || (status !== undefined && status >= 500 && status <= 599);
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
      if (!isRetryable(status) || attempt >= attempts) throw error;
      const delay = Math.round(base * 2 ** (attempt - 1) * (1 + Math.random() * 0.25));
      options.onRetry?.(status!, attempt, delay);
      await sleep(delay);
    }
  }
}
