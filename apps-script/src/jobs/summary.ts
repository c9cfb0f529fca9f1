/** What a finished job tells the user, in plain words (the counts come from the core). */
import type { PrepareWorkbookResult } from "../../../shared/index.js";
import type { Job } from "./job-state.js";

export function summaryLines(job: Job, prepared: PrepareWorkbookResult & { ok: true }): string[] {
  const { summary } = prepared.matched.report;
  const errors = prepared.issues.filter((issue) => issue.severity === "error").length;
  const lines = [
    `Matched ${summary.covered} of ${summary.mentees} mentees: ${summary.slotsFilled} of ${summary.slotsWanted} mentor places filled; ${summary.locked} locked, ${summary.rejected} rejected kept out. See the Pairs sheet.`,
  ];
  if (job.action === "plans") {
    lines.push(
      `Action plans: ${job.tabsCreated} tabs created, ${job.tabsUpdated} updates to existing tabs (typed answers are never touched).`,
    );
    const books = job.planBooks.filter((book) => book.created + book.updated > 0);
    if (books.length > 0)
      lines.push(
        `Tabs that do not fit in this spreadsheet (Google Sheets holds about 200 sheets) are in additional spreadsheets in the program folder, linked from the Pairs sheet: ${books
          .map(
            (book) =>
              `${book.created} new${book.updated > 0 ? ` and ${book.updated} updates` : ""} in “${book.file}”`,
          )
          .join(", ")}.`,
      );
  }
  if (job.action === "forms") {
    lines.push(
      job.documents === 0
        ? "Conference forms: every faculty member already has theirs (see the Forms sheet)."
        : `Conference forms: ${job.documents} chair document${job.documents === 1 ? "" : "s"} in the program folder, ${job.facultyAdded} faculty added to the Forms sheet.`,
    );
    if (job.notShared.length > 0)
      lines.push(
        `Could not share with: ${job.notShared.join(", ")}. Share those documents by hand (links in the Forms sheet).`,
      );
  }
  lines.push(
    `Issues: ${errors} errors, ${prepared.issues.length - errors} warnings (see the Issues sheet).`,
  );
  if (job.executions > 1) lines.push(`Finished in ${job.executions} runs of the script.`);
  return lines;
}
