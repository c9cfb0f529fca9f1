/**
 * Excel on the web rejects a request (one `context.sync()`) whose payload exceeds 5 MB. The
 * patch applier queues its commands through a `Batcher`, which syncs only when the next
 * command would take the request over the budget, and splits big value blocks into row
 * chunks that each fit. A roster of any ordinary size is one request; the number of requests
 * grows with the bytes written, never with the number of pairs or tabs.
 */

/** Excel on the web's limit per request, in bytes. */
export const excelWebPayloadLimit = 5 * 1024 * 1024;
/** What we allow ourselves: headroom for addresses and the request's own framing. */
export const defaultRequestBudget = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** The UTF-8 size of a value as JSON: what it adds to the request body. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

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

/** Queues commands on a request context and syncs when the request budget would be exceeded. */
export class Batcher {
  private pending = 0;
  /** Bytes of each request sent, for tests and diagnostics. */
  readonly requests: number[] = [];

  constructor(
    private readonly sync: () => Promise<unknown>,
    private readonly budget = defaultRequestBudget,
  ) {}

  /** Queue a command of about `bytes` bytes; `enqueue` adds it to the context. */
  async add(bytes: number, enqueue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    enqueue();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.requests.push(this.pending);
    this.pending = 0;
    await this.sync();
  }
}
