/** The lines `run --google` prints for a person (the report is the JSON for programs). */
import type { PrepareWorkbookResult } from "../../shared/index.js";
import type { PipelineResult } from "../pipeline.js";

export type WrittenDocument = NonNullable<PipelineResult["report"]["documents"]>[number];

export interface PlanFile {
  file: string;
  url: string;
  created: boolean;
}

export function summaryLines(
  prepared: PrepareWorkbookResult & { ok: true },
  report: PipelineResult["report"],
  written: { planFiles: readonly PlanFile[]; notShared: readonly string[]; budget: number },
): string[] {
  const { matched, plans } = prepared;
  const { summary } = matched.report;
  const documents = report.documents ?? [];
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const name = (id: string) => matched.roster.people.find((p) => p.id === id)?.name ?? id;
  const tabs = plans?.tabs ?? [];
  const count = (status: string) => tabs.filter((t) => t.status === status).length;
  const tabsIn = (file: string) => tabs.filter((t) => t.file === file).length;
  const { planFiles, notShared } = written;
  return [
    `${matched.settings.programName} (${matched.settings.preset}), ${matched.settings.academicYear}`,
    `Matched ${summary.covered} of ${summary.mentees} mentees: ${summary.slotsFilled} of ${summary.slotsWanted} mentor places filled; ${summary.locked} locked, ${summary.rejected} rejected kept out.`,
    ...matched.match.unmatched
      .slice(0, 10)
      .map((u) => `  not fully matched: ${name(u.menteeId)} — ${u.reason}`),
    ...(matched.match.unmatched.length > 10
      ? [`  … and ${matched.match.unmatched.length - 10} more (see the Pairs sheet)`]
      : []),
    `Action plans: ${count("created")} created, ${count("refreshed")} refreshed, ${count("unchanged")} unchanged, ${count("ended")} marked ended.`,
    ...(planFiles.length > 0
      ? [
          `  past ${written.budget} sheets, in ${planFiles.length} more spreadsheet${planFiles.length === 1 ? "" : "s"}: ${planFiles.map((book) => `${book.file} (${tabsIn(book.file)} tabs)`).join(", ")}`,
        ]
      : []),
    documents.length === 0
      ? "Conference forms: every faculty member already has theirs (see the Forms sheet)."
      : `Conference forms: ${documents.length} chair Google Doc${documents.length === 1 ? "" : "s"}, ${documents.reduce((sum, d) => sum + d.newFaculty.length, 0)} faculty added to the Forms sheet.`,
    ...(notShared.length > 0 ? [`  not shared (Drive refused): ${notShared.join(", ")}`] : []),
    `Issues: ${errors} errors, ${report.issues.length - errors} warnings (see the Issues sheet).`,
    `Updated ${report.files[0]}`,
    ...planFiles.map(
      (book) => `${book.created ? "Created" : "Updated"} ${book.url} (${book.file})`,
    ),
  ];
}
