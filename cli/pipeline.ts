/**
 * What `run`, `plans` and `forms` share: read the files, call the core's use cases, write the
 * workbook(s), documents and report. Decisions stay in the core; this only moves data.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import {
  defaultFormTemplates,
  prepareWorkbook,
  TemplateError,
  type CreateActionPlansResult,
  type MappingOverride,
  type MatchReport,
  type PlanWorkbook,
  type PresetName,
} from "../shared/index.js";
import { readWorkbookFiles, UnreadableFileError } from "./io/read-workbook.js";
import { writeDocx } from "./io/write-docx.js";
import { patchedWorkbookBytes } from "./io/apply-patch-xlsx.js";
import { withWorkbookLock, WorkbookLockedError, writeFileAtomic } from "./io/atomic-write.js";
import { CliError } from "./command.js";
import { formatIssue } from "./format/roster-report.js";

export interface PipelineOptions {
  inputs: string[];
  /** The main output workbook's path. */
  outPath: string;
  today: string;
  preset?: PresetName | undefined;
  mapping?: MappingOverride | undefined;
  plans: boolean;
  forms: boolean;
  /** A folder with faculty-form.hbs and chair-form.hbs replacing the default templates. */
  templatesDir?: string | undefined;
  /** ISO timestamp of the run, logged beside each generated form. */
  now: string;
  tabBudget?: number | undefined;
  /** Keep a copy of the input before writing over it (`--in-place`). */
  backupOf?: string | undefined;
}

export interface PipelineResult {
  report: MatchReport & {
    tabs?: CreateActionPlansResult["tabs"];
    documents?: {
      chair: string;
      chairEmail: string;
      file: string;
      faculty: string[];
      newFaculty: string[];
    }[];
    files: string[];
  };
  summary: string[];
}

/** `<stem>` of a roster or matched workbook: "medicine-roster-matched.xlsx" → "medicine-roster". */
export function rosterStem(path: string): string {
  return basename(path, extname(path)).replace(/-matched$/, "");
}

/**
 * Sheets per .xlsx when --tab-budget is not given: Excel opens a workbook of thousands of
 * tabs only slowly and nobody can find a tab in it; a department fits in one workbook.
 */
export const defaultFileTabBudget = 250;

export function planWorkbookName(stem: string, n: number): string {
  return `${stem}-action-plans-${n}.xlsx`;
}

/** The report as JSON, or the summary for a person. */
export function printResult(result: PipelineResult, asJson: boolean): void {
  process.stdout.write(
    asJson ? JSON.stringify(result.report, null, 2) + "\n" : result.summary.join("\n") + "\n",
  );
}

let progressListener: ((message: string) => void) | null = null;

/** Hears every progress line (the benchmark times the stages by them); null to stop. */
export function listenToProgress(listener: ((message: string) => void) | null): void {
  progressListener = listener;
}

/** Progress for a person watching a terminal; silent when output is piped or captured. */
export function progress(message: string): void {
  progressListener?.(message);
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

/** The extension a matched copy keeps: an .xlsm stays macro-enabled, anything else is .xlsx. */
export function matchedExtension(inputs: readonly string[]): ".xlsm" | ".xlsx" {
  return inputs.length === 1 && /\.xlsm$/i.test(inputs[0]!) ? ".xlsm" : ".xlsx";
}

/** One run per workbook at a time: the output (the input itself with --in-place) is locked. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  await mkdir(dirname(options.outPath), { recursive: true });
  try {
    return await withWorkbookLock(options.outPath, () => runLocked(options));
  } catch (error) {
    if (error instanceof WorkbookLockedError) throw new CliError(error.message);
    throw error;
  }
}

async function runLocked(options: PipelineOptions): Promise<PipelineResult> {
  const { inputs, outPath, today } = options;
  progress(`reading ${inputs.join(", ")}`);
  const snapshot = await readWorkbookFiles(inputs).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new CliError(error.message);
    throw error;
  });
  const stem = rosterStem(inputs[0]!);
  const outDir = dirname(outPath);
  const planBooks: (PlanWorkbook & { path: string })[] = [];
  if (options.plans) {
    for (const file of await existingPlanWorkbooks(dirname(inputs[0]!), stem)) {
      planBooks.push({
        file: basename(file),
        path: file,
        snapshot: await readWorkbookFiles([file]),
      });
    }
  }
  const templates = options.forms ? await formTemplates(options.templatesDir) : null;
  progress(
    `matching${options.plans ? ", action plans" : ""}${options.forms ? ", conference forms" : ""}`,
  );
  const prepared = catchTemplateError(() =>
    prepareWorkbook({
      snapshot,
      today,
      now: options.now,
      preset: options.preset,
      mapping: options.mapping,
      ...(options.plans
        ? {
            plans: {
              planWorkbooks: planBooks,
              tabBudget: options.tabBudget ?? defaultFileTabBudget,
              planWorkbookName: (n: number) => planWorkbookName(stem, n),
            },
          }
        : {}),
      ...(templates === null ? {} : { forms: { templates } }),
    }),
  );
  if (!prepared.ok) {
    const details = prepared.issues.filter((i) => i.severity === "error").map(formatIssue);
    throw new CliError([`${inputs.join(", ")}: ${prepared.error.message}`, ...details].join("\n"));
  }
  const { matched, plans, forms } = prepared;
  const mainPatch = prepared.patch;

  if (options.backupOf !== undefined)
    writeOutput(backupName(options.backupOf, today), await readFile(options.backupOf));
  const files: string[] = [outPath];
  const xlsxInput = inputs.length === 1 && /\.xls[xm]$/i.test(inputs[0]!) ? inputs[0]! : null;
  progress(`writing ${outPath}`);
  writeOutput(outPath, await patchedWorkbookBytes(xlsxInput, snapshot, mainPatch));
  // Every additional plan workbook goes where the main one goes, changed or not: the Pairs
  // sheet links to it by file name, beside the main workbook.
  const patches = new Map(
    (plans?.planWorkbookPatches ?? []).map((book) => [book.file, book.patch]),
  );
  const bookFiles = [...new Set([...planBooks.map((book) => book.file), ...patches.keys()])];
  for (const file of bookFiles) {
    const earlier = planBooks.find((candidate) => candidate.file === file);
    const patch = patches.get(file) ?? { ops: [] };
    const target = join(outDir, file);
    if (earlier !== undefined && resolve(earlier.path) === resolve(target)) {
      if (patch.ops.length === 0) continue;
      if (options.backupOf === undefined)
        throw new CliError(
          `writing ${target} would replace an input file; choose another --out folder`,
        );
    }
    progress(`writing ${target}`);
    writeOutput(target, await patchedWorkbookBytes(earlier?.path ?? null, { sheets: [] }, patch));
    files.push(target);
  }

  const documents = [];
  const byId = new Map(matched.roster.people.map((p) => [p.id, p]));
  const handle = (id: string) => byId.get(id)?.email ?? id;
  for (const document of forms?.documents ?? []) {
    const target = join(outDir, "forms", document.fileName);
    progress(`writing ${target}`);
    await mkdir(dirname(target), { recursive: true });
    writeOutput(target, await writeDocx(document.model));
    files.push(target);
    documents.push({
      chair: document.chairName,
      chairEmail: document.chairEmail,
      file: target,
      faculty: document.faculty.map(handle),
      newFaculty: document.newFaculty.map(handle),
    });
  }

  const report = {
    ...matched.report,
    issues: prepared.issues,
    ...(plans === null ? {} : { tabs: plans.tabs }),
    ...(forms === null ? {} : { documents }),
    files,
  };
  const reportPath = join(outDir, "report.json");
  writeOutput(reportPath, JSON.stringify(report, null, 2) + "\n");
  files.push(reportPath);

  const { summary } = matched.report;
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const name = (id: string) => byId.get(id)?.name ?? id;
  const lines = [
    `${matched.settings.programName} (${matched.settings.preset}), ${matched.settings.academicYear}`,
    `Matched ${summary.covered} of ${summary.mentees} mentees: ${summary.slotsFilled} of ${summary.slotsWanted} mentor places filled; ${summary.locked} locked, ${summary.rejected} rejected kept out.`,
    ...matched.match.unmatched
      .slice(0, 10)
      .map((u) => `  not fully matched: ${name(u.menteeId)} — ${u.reason}`),
    ...(matched.match.unmatched.length > 10
      ? [`  … and ${matched.match.unmatched.length - 10} more (see the Pairs sheet)`]
      : []),
    ...(plans === null
      ? []
      : [
          `Action plans: ${countBy(plans.tabs, "created")} created, ${countBy(plans.tabs, "refreshed")} refreshed, ${countBy(plans.tabs, "unchanged")} unchanged, ${countBy(plans.tabs, "ended")} marked ended.`,
        ]),
    ...(forms === null
      ? []
      : [
          documents.length === 0
            ? "Conference forms: every faculty member already has theirs (see the Forms sheet)."
            : `Conference forms: ${documents.length} chair document${documents.length === 1 ? "" : "s"}, ${documents.reduce((sum, d) => sum + d.newFaculty.length, 0)} faculty added to the Forms sheet.`,
        ]),
    `Issues: ${errors} errors, ${report.issues.length - errors} warnings (see the Issues sheet).`,
    ...files.map((file) => `Wrote ${file}`),
  ];
  return { report, summary: lines };
}

/** A file another program holds open (Excel on Windows) or a read-only folder: one plain line. */
function writeOutput(path: string, content: Uint8Array | string): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPERM" || code === "EBUSY" || code === "EACCES" || code === "EROFS")
      throw new CliError(
        `cannot write ${path} (${code}): close it if it is open in Excel, or choose another --out folder`,
      );
    throw error;
  }
}

/** A template that names a field the data lacks is the user's to fix: one line, no stack. */
function catchTemplateError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(error.message);
    throw error;
  }
}

async function formTemplates(
  folder: string | undefined,
): Promise<{ faculty: string; chair: string }> {
  if (folder === undefined) return defaultFormTemplates;
  const read = async (name: string) => {
    try {
      return await readFile(join(folder, name), "utf8");
    } catch {
      throw new CliError(
        `cannot read the template ${join(folder, name)}; --templates names a folder holding faculty-form.hbs and chair-form.hbs`,
      );
    }
  };
  return { faculty: await read("faculty-form.hbs"), chair: await read("chair-form.hbs") };
}

function countBy(
  tabs: CreateActionPlansResult["tabs"],
  status: CreateActionPlansResult["tabs"][number]["status"],
): number {
  return tabs.filter((tab) => tab.status === status).length;
}

async function existingPlanWorkbooks(folder: string, stem: string): Promise<string[]> {
  const pattern = new RegExp(
    `^${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-action-plans-(\\d+)\\.xlsx$`,
  );
  const names = existsSync(folder) ? await readdir(folder) : [];
  return names
    .map((name) => ({ name, n: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter(({ n }) => Number.isInteger(n))
    .sort((a, b) => a.n - b.n)
    .map(({ name }) => join(folder, name));
}

function backupName(path: string, today: string): string {
  const base = join(dirname(path), `${basename(path, extname(path))}.backup-${today}`);
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? "" : `-${n}`}${extname(path)}`;
    if (!existsSync(candidate)) return candidate;
  }
}
