/**
 * Excel on the web rejects a request (one `context.sync()`) whose body exceeds 5 MB, and a
 * request that runs too long times out. The patch applier hands over its work as units (one
 * new tab, one block of rows, one sheet's formats), each with its size on the wire
 * (rich-api.ts); `sendUnits` packs them into requests under a safe budget, and when Excel
 * refuses or times out a request anyway, re-queues that chunk as two halves — down to a single
 * unit, which alone is an error naming its sheet.
 */
import { jsonBytes, requestOverhead } from "./rich-api.js";

export { jsonBytes };

/** Excel on the web's limit per request, in bytes. */
export const excelWebPayloadLimit = 5 * 1024 * 1024;
/** What we allow ourselves: a margin under the limit, since an estimate is only an estimate. */
export const defaultRequestBudget = 3.5 * 1024 * 1024;

/**
 * Rows [from, to) chunks of a matrix whose JSON stays within `budget` bytes each (a single
 * row larger than the budget still goes alone: Excel will say so, nothing silently dropped).
 */
export function rowChunks(rowBytes: readonly number[], budget: number): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let size = 0;
  rowBytes.forEach((bytes, r) => {
    if (r > start && size + bytes > budget) {
      chunks.push([start, r]);
      start = r;
      size = 0;
    }
    size += bytes;
  });
  if (rowBytes.length > start) chunks.push([start, rowBytes.length]);
  return chunks;
}

const timeoutAttempts = 3;

/** Work that goes into one request whole: queued again as it is if its request fails. */
export interface Unit {
  /** The sheet it writes, for progress and for the error when it cannot fit. */
  readonly sheet: string;
  /** Its size on the wire. */
  readonly bytes: number;
  /** The last unit of its sheet: once sent, the sheet is complete. */
  readonly completesSheet: boolean;
  /** Adds or copies a sheet: the heavy part of a request for Excel. */
  readonly createsSheet?: boolean;
  /** Queues its commands on the request context. */
  enqueue(): void;
}

/** A sheet Excel would not take even on its own: too large, or timing out every time. */
export class SheetNotWrittenError extends Error {
  constructor(
    readonly sheet: string,
    readonly reason: "too-large" | "timeout",
  ) {
    super(
      reason === "too-large"
        ? `Excel refused the sheet "${sheet}" as too large, even on its own; the sheets before it were written. Shorten what it holds and run the step again.`
        : `Excel timed out ${timeoutAttempts} times writing the sheet "${sheet}"; the sheets before it were written. Run the step again to finish: nothing is written twice.`,
    );
    this.name = "SheetNotWrittenError";
  }
}

/** A refusal as too large, or a request that ran out of time: worth splitting and retrying. */
export function isRetriable(error: unknown): "too-large" | "timeout" | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === "RequestPayloadSizeLimitExceeded") return "too-large";
  if (code === "Timeout" || code === "RequestAborted" || /timed? ?out/i.test(message))
    return "timeout";
  return null;
}

export interface SendReport {
  /** Estimated bytes of each request that went through. */
  requests: number[];
  /** Requests Excel refused or that timed out (each then split). */
  retries: number;
}

export interface SendIo<U extends Unit> {
  sync(): Promise<void>;
  /**
   * After a failed request: which of its units are still to do (a timed-out request may have
   * run part of them). Called before the halves are queued again.
   */
  recover(failed: readonly U[], reason: "too-large" | "timeout"): Promise<U[]>;
  /** A sheet's last unit went through. */
  sheetWritten?(sheet: string): void;
}

/**
 * Most sheets one request creates: keeps a request's run time in Excel bounded (a long one
 * times out) and lets the pane count progress in steps of this size.
 */
export const sheetsPerRequest = 100;

/** Packs units into requests of at most `budget` bytes and `sheetsPerRequest` new sheets, in order. */
export function packUnits<U extends Unit>(units: readonly U[], budget: number): U[][] {
  const chunks: U[][] = [];
  let chunk: U[] = [];
  let size = requestOverhead;
  let sheets = 0;
  for (const unit of units) {
    const full =
      size + unit.bytes > budget || (unit.createsSheet === true && sheets >= sheetsPerRequest);
    if (chunk.length > 0 && full) {
      chunks.push(chunk);
      chunk = [];
      size = requestOverhead;
      sheets = 0;
    }
    chunk.push(unit);
    size += unit.bytes;
    if (unit.createsSheet === true) sheets++;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export async function sendUnits<U extends Unit>(
  units: readonly U[],
  io: SendIo<U>,
  budget = defaultRequestBudget,
): Promise<SendReport> {
  const report: SendReport = { requests: [], retries: 0 };
  const pending: { units: U[]; attempt: number }[] = packUnits(units, budget).map((chunk) => ({
    units: chunk,
    attempt: 1,
  }));
  while (pending.length > 0) {
    const { units: chunk, attempt } = pending.shift()!;
    for (const unit of chunk) unit.enqueue();
    try {
      await io.sync();
    } catch (error) {
      const reason = isRetriable(error);
      if (reason === null) throw error;
      report.retries++;
      const rest = await io.recover(chunk, reason);
      if (rest.length === 0) continue;
      if (rest.length > 1) {
        const half = Math.ceil(rest.length / 2);
        pending.unshift(
          { units: rest.slice(0, half), attempt: 1 },
          { units: rest.slice(half), attempt: 1 },
        );
        continue;
      }
      // One unit: too large alone is final; a timeout may pass on a calmer try.
      if (reason === "timeout" && attempt < timeoutAttempts) {
        pending.unshift({ units: rest, attempt: attempt + 1 });
        continue;
      }
      throw new SheetNotWrittenError(rest[0]!.sheet, reason);
    }
    report.requests.push(chunk.reduce((sum, unit) => sum + unit.bytes, requestOverhead));
    for (const unit of chunk) if (unit.completesSheet) io.sheetWritten?.(unit.sheet);
  }
  return report;
}
