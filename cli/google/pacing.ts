/**
 * Client-side pacing of writes. Sheets and Docs each allow about 60 write requests per minute
 * per user; rather than run into 429s and back off, a run keeps at most N writes in any 60 s
 * (a sliding window) and waits for the oldest to leave it. The 429 retry stays as the fallback
 * (other programs may write as the same user). Clock and sleep are injected so tests use
 * virtual time.
 */
import { realSleep } from "./retry.js";

export interface Clock {
  /** Milliseconds, as Date.now. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: realSleep };

/** Google's documented quota for Sheets and Docs write requests, per minute per user. */
export const defaultWritesPerMinute = 60;

const windowMs = 60_000;

/**
 * A gate to await before each write: at most `perMinute` writes in any 60 s; 0 = no limit.
 * `onWait` hears of each wait (for a progress line).
 */
export function writePacer(
  perMinute: number,
  clock: Clock,
  onWait?: (ms: number) => void,
): () => Promise<void> {
  const sent: number[] = [];
  return async () => {
    if (perMinute <= 0) return;
    for (;;) {
      const now = clock.now();
      while (sent.length > 0 && sent[0]! <= now - windowMs) sent.shift();
      if (sent.length < perMinute) {
        sent.push(now);
        return;
      }
      const wait = sent[0]! + windowMs - now;
      onWait?.(wait);
      await clock.sleep(wait);
    }
  };
}
