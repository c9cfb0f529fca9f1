/**
 * Runs a user action as a job that survives Apps Script's six-minute limit. Each execution
 * holds the document lock, reads the spreadsheet, calls the core (pure and deterministic, with
 * the clock reading saved when the job started) and applies what is still to do, in an order
 * that keeps the spreadsheet consistent: new and changed plan tabs (in this spreadsheet, then in
 * the additional plan spreadsheets), then Pairs/Issues/Program (whose links need the tabs),
 * then the chairs' documents, then the Forms log rows (written
 * only once the documents exist). It stops well before the limit, saves its progress and
 * leaves a trigger to continue. Every step is idempotent, so an execution killed anywhere
 * is repaired by the next one: tabs already made produce no step, documents are found again.
 */
import { googleDocsCharacterBudget } from "../../../hosts/google-limits.js";
import {
  defaultFormTemplates,
  prepareWorkbook,
  type ConferenceFormsDocument,
  type PatchOp,
  type PlanWorkbook,
  type PrepareWorkbookResult,
} from "../../../shared/index.js";
import { readSnapshot } from "../sheets/read-snapshot.js";
import { applyOp } from "../sheets/apply-patch.js";
import { removeTemporarySheets } from "../sheets/temporary-sheets.js";
import { PlanBooks } from "../sheets/plan-books.js";
import {
  existingProgramFolder,
  programFolder,
  writeChairDocument,
} from "../docs/write-chair-document.js";
import { pendingPreset, savedMapping, choosePreset } from "../preferences.js";
import { withDocumentLock } from "./lock.js";
import { clearContinuation, scheduleContinuation } from "./continuation.js";
import { actionLabels, endJob, loadJob, saveJob, type Job, type JobAction } from "./job-state.js";
import { keys, readJson, textKey, writeJson } from "./store.js";
import { summaryLines } from "./summary.js";

/** Stop starting new steps after this long: Apps Script stops an execution at 6 minutes. */
export const executionBudgetMs = 4 * 60_000;
/** No step starts unless the slowest step so far, with margin, ends before this. */
const lastStepEndsBeforeMs = 5 * 60_000;
/** Google Sheets holds about 200 sheets; leave room for the user's own. */
export const tabBudget = 190;

export interface Progress {
  action: JobAction;
  label: string;
  done: number;
  total: number;
}

export interface RunOutcome {
  status: "done" | "continuing" | "busy" | "failed";
  title: string;
  message: string;
  progress: Progress | null;
}

type Step =
  | { kind: "op"; op: PatchOp; tab: "new" | "update" | null }
  /** A chunk of an additional plan spreadsheet's ops, written in one batchUpdate. */
  | { kind: "book"; file: string; ops: PatchOp[] }
  | { kind: "document"; document: ConferenceFormsDocument };

/**
 * Ops per step in an additional plan spreadsheet, one batchUpdate each: a new tab's requests
 * are about 75 kB, so a step of new tabs sends about 0.75 MB (well below the ~2 MB limit).
 */
const bookOpsPerStep = 10;
/** …and a step's ops stay below this much JSON (a new tab's op is about 7 kB). */
const bookCharsPerStep = 100_000;

/** A menu click or a sidebar button: starts the job, or continues it when it is this one. */
export function runAction(action: JobAction): RunOutcome {
  const startedAt = Date.now();
  const locked = withDocumentLock(() => {
    const pending = loadJob();
    if (pending !== null && pending.action !== action) {
      return outcome(
        "busy",
        "Another run is going",
        `“${actionLabels[pending.action]}” is still running (${pending.done} of ${pending.total} steps done) and continues by itself. Nothing was changed; try again when it has finished.`,
        pending,
      );
    }
    return runExecution(pending ?? startJob(action), startedAt);
  });
  if (locked.ok) return locked.value;
  return outcome(
    "busy",
    "Another run is going",
    "Mentor Match is already running in this spreadsheet (started by you or another editor). Nothing was changed; try again when it has finished.",
    loadJob(),
  );
}

/** The continuation trigger: carries on the saved job, if any. */
export function continueJob(): RunOutcome | null {
  const startedAt = Date.now();
  const locked = withDocumentLock(() => {
    clearContinuation();
    const job = loadJob();
    return job === null ? null : runExecution(job, startedAt);
  });
  if (locked.ok) return locked.value;
  // Someone else's execution holds the lock: try again later rather than lose the job.
  if (loadJob() !== null) scheduleContinuation();
  return null;
}

export function currentProgress(): Progress | null {
  const job = loadJob();
  return job === null ? null : progressOf(job);
}

/** Forgets a running job (the sidebar's Cancel); what it already wrote stays. */
export function cancelJob(): boolean {
  const locked = withDocumentLock(() => {
    clearContinuation();
    endJob();
    return true;
  });
  return locked.ok;
}

function startJob(action: JobAction): Job {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const started = new Date();
  const job: Job = {
    action,
    today: Utilities.formatDate(started, zone, "yyyy-MM-dd"),
    now: Utilities.formatDate(started, zone, "yyyy-MM-dd'T'HH:mm:ssXXX"),
    preset: pendingPreset(),
    total: 0,
    done: 0,
    executions: 0,
    tabsCreated: 0,
    tabsUpdated: 0,
    planBooks: [],
    documents: 0,
    facultyAdded: 0,
    notShared: [],
    sheetsWritten: [],
  };
  // Saved before anything is written, so a run killed at once is resumed with this clock.
  saveJob(job);
  return job;
}

function runExecution(job: Job, startedAt: number): RunOutcome {
  const deadline = startedAt + executionBudgetMs;
  const hardDeadline = startedAt + lastStepEndsBeforeMs;
  let slowestStepMs = 0;
  let progressed = false;
  job.executions++;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  removeTemporarySheets(spreadsheet);
  const name = spreadsheet.getName();
  const books = new PlanBooks((n) => `${name} – action plans ${n}`);
  const planWorkbooks = job.action === "plans" ? books.read(existingProgramFolder()) : [];
  const prepared = prepare(job, spreadsheet, books, planWorkbooks);
  if (!prepared.ok) {
    endJob();
    clearContinuation();
    const details = prepared.issues
      .filter((issue) => issue.severity === "error")
      .slice(0, 5)
      .map((issue) => `${issue.cell === "" ? "" : `${issue.cell}: `}${issue.message}`);
    return outcome(
      "failed",
      `${actionLabels[job.action]}: nothing was changed`,
      [prepared.error.message, ...details].join("\n"),
      null,
    );
  }
  const steps = jobSteps(prepared);
  const logOps = new Set(prepared.forms?.patch.ops ?? []);
  if (job.total === 0) job.total = steps.length;
  const fileUrls = new Map<string, string>();
  const tabUrl = (file: string, sheet: string) => books.tabUrl(file, sheet);
  let folderId: string | null = null;
  for (let i = 0; i < steps.length; i++) {
    const stepStart = Date.now();
    // Until this execution has done new work it carries on, so every execution progresses.
    const outOfTime =
      progressed && (stepStart >= deadline || stepStart + 1.5 * slowestStepMs >= hardDeadline);
    if (outOfTime) {
      job.done = Math.max(job.done, job.total - (steps.length - i));
      saveJob(job);
      scheduleContinuation();
      return outcome(
        "continuing",
        `${actionLabels[job.action]}: continuing`,
        `${job.done} of ${job.total} steps done. The rest continues by itself in about a minute; the Mentoring sidebar shows the progress.`,
        job,
      );
    }
    const step = steps[i]!;
    if (step.kind === "op" && step.tab === null && !logOps.has(step.op)) {
      // Pairs, Issues, Program: the same content as an earlier execution wrote is skipped
      // (the same content linking to the same plan spreadsheets).
      const hash = textKey(JSON.stringify(step.op) + books.signature());
      if (!job.sheetsWritten.includes(hash)) {
        applyOp(spreadsheet, step.op, { fileUrls, tabUrl });
        job.sheetsWritten.push(hash);
        saveJob(job);
      }
    } else if (step.kind === "op") {
      applyOp(spreadsheet, step.op, { fileUrls, tabUrl });
      if (step.tab === "new") job.tabsCreated++;
      if (step.tab === "update") job.tabsUpdated++;
      progressed = true;
    } else if (step.kind === "book") {
      const written = books.apply(
        step.file,
        step.ops,
        () => (folderId ??= programFolder(name)),
        tabUrl,
      );
      job.tabsCreated += written.created;
      job.tabsUpdated += written.updated;
      const counts = job.planBooks.find((book) => book.file === step.file);
      if (counts === undefined)
        job.planBooks.push({ file: step.file, created: written.created, updated: written.updated });
      else {
        counts.created += written.created;
        counts.updated += written.updated;
      }
      // Saved with the work, so a continuation reports these tabs too.
      saveJob(job);
      progressed = true;
    } else {
      folderId ??= programFolder(name);
      const wrote = writeDocument(job, step.document, folderId, prepared, fileUrls);
      progressed ||= wrote;
    }
    slowestStepMs = Math.max(slowestStepMs, Date.now() - stepStart);
    if (i % 10 === 9) {
      job.done = Math.max(job.done, job.total - (steps.length - i - 1));
      saveJob(job);
    }
  }
  job.done = job.total;
  const lines = summaryLines(job, prepared);
  endJob();
  clearContinuation();
  if (job.preset !== null) choosePreset(null);
  return outcome("done", `${actionLabels[job.action]}: done`, lines.join("\n"), null);
}

function prepare(
  job: Job,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  books: PlanBooks,
  planWorkbooks: PlanWorkbook[],
): PrepareWorkbookResult {
  return prepareWorkbook({
    snapshot: readSnapshot(spreadsheet),
    today: job.today,
    now: job.now,
    preset: job.preset ?? undefined,
    mapping: savedMapping(),
    ...(job.action === "plans"
      ? { plans: { tabBudget, planWorkbookName: books.name, planWorkbooks } }
      : {}),
    ...(job.action === "forms"
      ? {
          forms: {
            templates: defaultFormTemplates,
            maxDocumentCharacters: googleDocsCharacterBudget,
            documentKind: "google-doc",
          },
        }
      : {}),
  });
}

/** The patch and documents in the order that keeps the spreadsheet consistent. */
function jobSteps(prepared: PrepareWorkbookResult & { ok: true }): Step[] {
  const bookSteps = (prepared.plans?.planWorkbookPatches ?? []).flatMap(({ file, patch }) => {
    const chunks: Step[] = [];
    let ops: PatchOp[] = [];
    let chars = 0;
    for (const op of patch.ops) {
      const size = JSON.stringify(op).length;
      if (ops.length >= bookOpsPerStep || (ops.length > 0 && chars + size > bookCharsPerStep)) {
        chunks.push({ kind: "book", file, ops });
        ops = [];
        chars = 0;
      }
      ops.push(op);
      chars += size;
    }
    if (ops.length > 0) chunks.push({ kind: "book", file, ops });
    return chunks;
  });
  const tabOps = new Set(prepared.plans?.tabOps ?? []);
  const logOps = new Set(prepared.forms?.patch.ops ?? []);
  const ops = prepared.patch.ops;
  const tabKind = (op: PatchOp) => (op.op === "setSheet" ? "new" : "update");
  return [
    ...ops.filter((op) => tabOps.has(op)).map((op): Step => ({ kind: "op", op, tab: tabKind(op) })),
    ...bookSteps,
    ...ops
      .filter((op) => !tabOps.has(op) && !logOps.has(op))
      .map((op): Step => ({ kind: "op", op, tab: null })),
    ...(prepared.forms?.documents ?? []).map((document): Step => ({ kind: "document", document })),
    ...ops.filter((op) => logOps.has(op)).map((op): Step => ({ kind: "op", op, tab: null })),
  ];
}

interface DocumentDone {
  hash: string;
  url: string;
}

/** Writes a chair's document unless this job already wrote the same content; true if written. */
function writeDocument(
  job: Job,
  document: ConferenceFormsDocument,
  folderId: string,
  prepared: PrepareWorkbookResult & { ok: true },
  fileUrls: Map<string, string>,
): boolean {
  const { chairAccess, notifyChairs } = prepared.matched.settings;
  const doneKey = keys.documentDone(textKey(document.title.toLowerCase()));
  const hash = textKey(JSON.stringify([document.model, chairAccess, notifyChairs]));
  const earlier = readJson(doneKey) as DocumentDone | null;
  if (earlier !== null && earlier.hash === hash) {
    fileUrls.set(document.fileName, earlier.url);
    return false;
  }
  const written = writeChairDocument(document, folderId, {
    access: chairAccess,
    notify: notifyChairs,
  });
  fileUrls.set(document.fileName, written.url);
  job.documents++;
  job.facultyAdded += document.newFaculty.length;
  if (!written.shared) job.notShared.push(`${document.chairName} <${document.chairEmail}>`);
  writeJson(doneKey, { hash, url: written.url } satisfies DocumentDone);
  saveJob(job);
  return true;
}

function progressOf(job: Job): Progress {
  return { action: job.action, label: actionLabels[job.action], done: job.done, total: job.total };
}

function outcome(
  status: RunOutcome["status"],
  title: string,
  message: string,
  job: Job | null,
): RunOutcome {
  return { status, title, message, progress: job === null ? null : progressOf(job) };
}
