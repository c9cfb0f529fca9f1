/**
 * What a run has written, so a run that stops part-way (quota, network, a Google outage) can
 * say so. Every step is safe to repeat — books and Docs are found again by name, tabs by Plan
 * ID, sheet batches are atomic, the Forms log comes last — so the advice is always the same:
 * run the same command again.
 */
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
  describe(): string {
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
    return `${parts.join(", ")}; run the same command again to finish — nothing will be duplicated`;
  }
}
