/**
 * The three things a coordinator asks for — match, action plans, conference forms — as one
 * host routine: read the workbook, call the core's `prepareWorkbook`, apply its patch, render
 * the documents. When the core says no (an unreadable roster, a broken template), nothing is
 * written. Wording of the summaries is here; every decision is the core's.
 */
import { Packer } from "docx";
import {
  prepareWorkbook,
  TemplateError,
  type Issue,
  type PrepareWorkbookResult,
} from "../../shared/index.js";
import { docxDocument } from "../../hosts/docx-document.js";
import type { ExcelHost } from "./host.js";
import { builtInFormTemplates } from "./forms/built-in-templates.js";

export type Step = "match" | "plans" | "forms";

export interface FormFile {
  fileName: string;
  chair: string;
  faculty: number;
  blob: Blob;
}

export type StepOutcome =
  | {
      ok: true;
      step: Step;
      summary: string[];
      unmatched: { name: string; reason: string }[];
      issues: Issue[];
      files: FormFile[];
    }
  | { ok: false; step: Step; message: string; issues: Issue[] };

export type Progress = (message: string, done?: number, total?: number) => void;

export async function runStep(
  host: ExcelHost,
  step: Step,
  progress: Progress,
): Promise<StepOutcome> {
  progress("Reading the workbook…");
  const snapshot = await host.readWorkbook();
  progress(
    step === "match"
      ? "Matching…"
      : step === "plans"
        ? "Laying out the action plans…"
        : "Merging the forms…",
  );
  let prepared: PrepareWorkbookResult;
  try {
    prepared = prepareWorkbook({
      snapshot,
      today: host.today(),
      now: host.now(),
      mapping: host.mapping.load(),
      // Excel has no tab limit: every plan tab goes in this workbook (no tab budget).
      ...(step === "plans"
        ? { plans: { planWorkbookName: (n: number) => `Action plans ${n}` } }
        : {}),
      ...(step === "forms" ? { forms: { templates: builtInFormTemplates() } } : {}),
    });
  } catch (error) {
    if (error instanceof TemplateError)
      return { ok: false, step, message: error.message, issues: [] };
    throw error;
  }
  if (!prepared.ok) {
    return {
      ok: false,
      step,
      message: `${prepared.error.message} Nothing was written to the workbook.`,
      issues: prepared.issues.filter((i) => i.severity === "error"),
    };
  }
  progress("Writing to the workbook…");
  // Plan tabs are the long part: count them as they land ("Writing action plans: 120 of 232").
  const newTabs = new Set(
    (prepared.plans?.tabs ?? [])
      .filter((tab) => tab.status === "created" && tab.file === null)
      .map((tab) => tab.sheet.toLowerCase()),
  );
  let tabsWritten = 0;
  await host.applyPatch(prepared.patch, {
    onSheetWritten: (sheet) => {
      if (!newTabs.has(sheet.toLowerCase())) return;
      tabsWritten++;
      progress(
        `Writing action plans: ${tabsWritten} of ${newTabs.size}`,
        tabsWritten,
        newTabs.size,
      );
    },
  });

  const files: FormFile[] = [];
  const documents = prepared.forms?.documents ?? [];
  for (const [index, document] of documents.entries()) {
    progress(`Building ${document.fileName}…`, index, documents.length);
    files.push({
      fileName: document.fileName,
      chair: document.chairName,
      faculty: document.faculty.length,
      blob: await Packer.toBlob(docxDocument(document.model)),
    });
  }

  const { matched, plans } = prepared;
  const { summary } = matched.report;
  const name = (id: string) => matched.roster.people.find((p) => p.id === id)?.name ?? id;
  const lines = [
    `Matched ${summary.covered} of ${summary.mentees} mentees: ${summary.slotsFilled} of ${summary.slotsWanted} mentor places filled; ${summary.locked} locked, ${summary.rejected} rejected kept out.`,
  ];
  if (plans !== null) {
    const count = (status: string) => plans.tabs.filter((tab) => tab.status === status).length;
    lines.push(
      `Action plans: ${count("created")} created, ${count("refreshed")} refreshed, ${count("unchanged")} unchanged, ${count("ended")} marked ended.`,
    );
  }
  if (step === "forms") {
    lines.push(
      files.length === 0
        ? "Conference forms: every faculty member already has theirs (see the Forms sheet)."
        : `Conference forms: ${files.length} chair document${files.length === 1 ? "" : "s"} ready to download.`,
    );
  }
  const errors = prepared.issues.filter((i) => i.severity === "error").length;
  lines.push(
    `Issues: ${errors} errors, ${prepared.issues.length - errors} warnings (see the Issues sheet).`,
  );
  return {
    ok: true,
    step,
    summary: lines,
    unmatched: matched.match.unmatched.map((u) => ({ name: name(u.menteeId), reason: u.reason })),
    issues: prepared.issues,
    files,
  };
}
