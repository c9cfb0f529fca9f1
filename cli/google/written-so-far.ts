/**
 * What a run has written, so a run that stops part-way can say so. Every step is safe to
 * repeat — books and Docs are found again by name, tabs by Plan ID, sheet batches are atomic,
 * the Forms log comes last — so after a failure a retry can fix (quota, a Google outage, the
 * network) the advice is to run the same command again. After a refusal a retry cannot fix
 * (a 4xx other than 429: Google judged the request itself invalid) the same run would fail
 * the same way, so the advice is to report it, never to run again.
 */
import { isDroppedConnection, isRetryable, statusOf } from "./retry.js";

/**
 * What may help after a failure: `retry` (429, 5xx, a dropped connection), `fix-then-retry`
 * (access or sign-in, already explained to the user), `report` (Google refused a request as
 * invalid: a fault in the product).
 */
export type FailureAdvice = "retry" | "fix-then-retry" | "report";

export function adviceFor(error: unknown, explained: boolean): FailureAdvice {
  const status = statusOf(error);
  if (isRetryable(status) || isDroppedConnection(error)) return "retry";
  if (explained) return "fix-then-retry";
  if (status !== undefined && status >= 400 && status < 500) return "report";
  return "retry";
}
interface Tally {
  done: number;
  total: number;
}

export class WrittenSoFar {
  readonly planBooks: Tally = { done: 0, total: 0 };
  readonly sheetBatches: Tally = { done: 0, total: 0 };
  readonly documents: Tally = { done: 0, total: 0 };
  /** Whether the Forms log still has rows to append after the documents. */
  formsLogPending = false;

  /** Whether writing had been planned when the run stopped (before that, nothing changed). */
  get started(): boolean {
    return this.planBooks.total + this.sheetBatches.total + this.documents.total > 0;
  }

  /** "wrote 3 of 7 sheet batches, 2 of 7 chair documents; run the same command again …" */
  describe(advice: FailureAdvice = "retry"): string {
    const parts = [
      ...(this.planBooks.total > 0
        ? [`created ${this.planBooks.done} of ${this.planBooks.total} plan spreadsheets`]
        : []),
      ...(this.sheetBatches.total > 0 || this.planBooks.total === 0
        ? [`wrote ${this.sheetBatches.done} of ${this.sheetBatches.total} sheet batches`]
        : []),
      ...(this.documents.total > 0
        ? [`${this.documents.done} of ${this.documents.total} chair documents`]
        : []),
      ...(this.formsLogPending ? ["not yet the Forms log"] : []),
    ];
    const sofar = parts.join(", ");
    if (advice === "report") return `${sofar} before the refusal`;
    const again =
      advice === "fix-then-retry"
        ? "once that is fixed, run the same command again to finish"
        : "run the same command again to finish";
    return `${sofar}; ${again} — nothing will be duplicated`;
  }
}
