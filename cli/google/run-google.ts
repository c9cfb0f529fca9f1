/**
 * `mentor-match run --google <spreadsheetId>`: the same use case as the file pipeline, on a
 * Google spreadsheet: read it and the plan spreadsheets of earlier runs, `prepareWorkbook`,
 * then write in the order that keeps everything consistent (as the Apps Script host does):
 * the additional plan spreadsheets (created in the program folder when new), the roster
 * spreadsheet's Pairs/Issues/Program and plan tabs (the tabs translated first, so the Pairs
 * links know their ids), one Google Doc per chair, shared with the chair, and last the Forms
 * log, each File cell linking its Doc. Every batch is planned before the first is sent, so a
 * run that stops part-way can say how far it got. Decisions stay in the core.
 */
import { googleDocsCharacterBudget } from "../../hosts/google-limits.js";
import {
  defaultFormTemplates,
  prepareWorkbook,
  TemplateError,
  type MappingOverride,
  type PlanWorkbook,
  type PrepareWorkbookResult,
  type PresetName,
  type WorkbookSnapshot,
} from "../../shared/index.js";
import type { Request } from "../../hosts/sheets-api/patch-requests.js";
import { CliError } from "../command.js";
import { formatIssue } from "../format/roster-report.js";
import type { PipelineResult } from "../pipeline.js";
import { progress } from "../pipeline.js";
import {
  defaultTokenPath,
  forgetToken,
  googleCredentials,
  isRevokedToken,
  type GoogleAuthOptions,
} from "./auth.js";
import { googleClients, type GoogleClients } from "./clients.js";
import { writeChairDocument } from "./docs-client.js";
import {
  createFile,
  findFile,
  folderType,
  programFolderName,
  spreadsheetUrl,
} from "./drive-client.js";
import { defaultWritesPerMinute, type Clock } from "./pacing.js";
import { PlanBooks } from "./plan-books.js";
import { messageOf, statusOf, type RetryOptions } from "./retry.js";
import { batchBytes, planBatches, readSpreadsheet, sendBatch } from "./sheets-client.js";
import { spreadsheetMoment, type RunMoment } from "./spreadsheet-time.js";
import { summaryLines, type WrittenDocument } from "./summary.js";
import { adviceFor, WrittenSoFar } from "./written-so-far.js";

/** Google Sheets holds 200 sheets; keep room for the roster and the product's sheets. */
export const googleTabBudget = 190;

export interface GoogleRunOptions {
  spreadsheetId: string;
  /** `--today`: the day and logged moment to count from; default: now on the spreadsheet's clock. */
  moment?: RunMoment | undefined;
  /** When the run started (tests fix it); only used without `moment`. */
  startedAt?: Date | undefined;
  preset?: PresetName | undefined;
  mapping?: MappingOverride | undefined;
  /** `--templates`: the user's faculty and chair form templates (default: the built-in ones). */
  templates?: { faculty: string; chair: string } | undefined;
  auth: GoogleAuthOptions;
  /** Tests: one loopback root standing in for Sheets, Docs, Drive and the token endpoint. */
  rootUrl?: string | undefined;
  retry?: RetryOptions;
  maxBatchBytes?: number;
  /** Sheets per spreadsheet before plan tabs go to more spreadsheets (tests lower it). */
  tabBudget?: number;
  /** Sheets and Docs writes per minute, each (default 60, Google's quota); 0 = not paced. */
  writesPerMinute?: number;
  /** The pacer's clock and sleep (tests: virtual time). */
  clock?: Clock;
}

export type GoogleRunResult = PipelineResult & {
  /** API calls by name ("sheets.batchUpdate": 2, …), retries included. */
  calls: Record<string, number>;
  batchSizes: number[];
};

export async function runGoogle(options: GoogleRunOptions): Promise<GoogleRunResult> {
  const { spreadsheetId } = options;
  const { auth, identity } = await googleCredentials({
    ...options.auth,
    tokenRootUrl: options.rootUrl,
  });
  const clients = googleClients(auth, {
    rootUrl: options.rootUrl,
    retry: options.retry,
    writesPerMinute: options.writesPerMinute,
    clock: options.clock,
    onPace: (api, ms) =>
      progress(
        `pausing ${Math.ceil(ms / 1000)} s: at most ${options.writesPerMinute ?? defaultWritesPerMinute} ${api === "sheets" ? "Sheets" : "Docs"} writes a minute (Google's quota)`,
      ),
  });
  const written = new WrittenSoFar();
  try {
    return await run(clients, options, written);
  } catch (error) {
    const explained = await explain(error, spreadsheetId, identity, options.auth);
    const advice = adviceFor(error, explained !== error);
    if (advice === "report") throw new CliError(refusalMessage(error, written));
    if (!written.started) throw explained;
    throw new CliError(`${messageOf(explained)}\n${written.describe(advice)}`);
  }
}

async function run(
  clients: GoogleClients,
  options: GoogleRunOptions,
  written: WrittenSoFar,
): Promise<GoogleRunResult> {
  const { spreadsheetId } = options;
  progress(`reading spreadsheet ${spreadsheetId}`);
  const read = await readSpreadsheet(clients, spreadsheetId);
  const folderName = programFolderName(read.title);
  // Found once; created only when something goes in it.
  let folderId = await findFile(clients, folderName, folderType);
  const programFolder = async () =>
    (folderId ??= await createFile(clients, folderName, folderType));
  const books = new PlanBooks(clients, (n) => `${read.title} – action plans ${n}`);
  const planWorkbooks = await books.read(folderId);

  progress("matching, action plans, conference forms");
  const moment =
    options.moment ?? spreadsheetMoment(options.startedAt ?? new Date(), read.timeZone);
  const prepared = prepare(options, moment, read.snapshot, books, planWorkbooks, read.title);
  const { matched, plans, forms } = prepared;
  const tabOps = new Set(plans?.tabOps ?? []);
  const logOps = new Set(forms?.patch.ops ?? []);
  const ops = prepared.patch.ops;
  const write = { maxBatchBytes: options.maxBatchBytes };
  const bookPatches = plans?.planWorkbookPatches ?? [];

  const missing = bookPatches.filter(({ file }) => !books.has(file));
  written.planBooks.total = missing.length;
  written.documents.total = forms?.documents.length ?? 0;
  written.formsLogPending = logOps.size > 0;
  for (const { file } of missing) {
    progress(`creating ${file}`);
    await books.create(file, await programFolder());
    written.planBooks.done++;
  }

  // Everything planned before the first batch goes: the books' tab ids are then known for
  // the Pairs links, and a run that stops can say how far it got.
  const sends: { spreadsheetId: string; requests: Request[] }[] = [
    ...bookPatches.flatMap(({ file, patch }) =>
      books
        .plan(file, patch.ops, write)
        .map((requests) => ({ spreadsheetId: books.get(file).id, requests })),
    ),
    ...planBatches(
      read.book,
      ops.filter((op) => !logOps.has(op)),
      { ...write, tabUrl: (file, sheet) => books.tabUrl(file, sheet) },
      tabOps,
    ).map((requests) => ({ spreadsheetId, requests })),
  ];
  const batchSizes: number[] = [];
  const send = async (batches: typeof sends) => {
    written.sheetBatches.total += batches.length;
    for (const batch of batches) {
      batchSizes.push(batchBytes(batch.requests));
      await sendBatch(clients, batch.spreadsheetId, batch.requests);
      written.sheetBatches.done++;
    }
  };
  progress("writing the sheets");
  await send(sends);

  const fileUrls = new Map<string, string>();
  const documents: WrittenDocument[] = [];
  const notShared: string[] = [];
  const byId = new Map(matched.roster.people.map((p) => [p.id, p]));
  const handle = (id: string) => byId.get(id)?.email ?? id;
  for (const document of forms?.documents ?? []) {
    progress(`writing ${document.title}`);
    const doc = await writeChairDocument(
      clients,
      document,
      await programFolder(),
      {
        access: matched.settings.chairAccess,
        notify: matched.settings.notifyChairs,
      },
      options.maxBatchBytes,
    );
    written.documents.done++;
    fileUrls.set(document.fileName, doc.url);
    if (!doc.shared) notShared.push(`${document.chairName} <${document.chairEmail}>`);
    documents.push({
      chair: document.chairName,
      chairEmail: document.chairEmail,
      file: doc.url,
      faculty: document.faculty.map(handle),
      newFaculty: document.newFaculty.map(handle),
    });
  }
  // The log last: a run stopped before it leaves the faculty unlogged, so the next run
  // finds the same documents by name and finishes them.
  await send(
    planBatches(
      read.book,
      ops.filter((op) => logOps.has(op)),
      { ...write, fileUrls },
    ).map((requests) => ({ spreadsheetId, requests })),
  );
  written.formsLogPending = false;

  const planFiles = books.all().map((book) => ({ ...book, url: spreadsheetUrl(book.id) }));
  const report = {
    ...matched.report,
    issues: prepared.issues,
    ...(plans === null ? {} : { tabs: plans.tabs }),
    documents,
    files: [spreadsheetUrl(spreadsheetId), ...planFiles.map((book) => book.url)],
  };
  return {
    report,
    summary: summaryLines(prepared, report, { planFiles, notShared, budget: budgetOf(options) }),
    calls: Object.fromEntries(clients.counts),
    batchSizes,
  };
}

function budgetOf(options: GoogleRunOptions): number {
  return options.tabBudget ?? googleTabBudget;
}

/** The core's use case; a template naming a field the data lacks is the user's to fix. */
function prepare(
  options: GoogleRunOptions,
  moment: RunMoment,
  snapshot: WorkbookSnapshot,
  books: PlanBooks,
  planWorkbooks: readonly PlanWorkbook[],
  title: string,
): PrepareWorkbookResult & { ok: true } {
  let prepared: PrepareWorkbookResult;
  try {
    prepared = prepareWorkbook({
      snapshot,
      today: moment.today,
      now: moment.now,
      preset: options.preset,
      mapping: options.mapping,
      plans: { tabBudget: budgetOf(options), planWorkbookName: books.name, planWorkbooks },
      forms: {
        templates: options.templates ?? defaultFormTemplates,
        maxDocumentCharacters: googleDocsCharacterBudget,
        documentKind: "google-doc",
      },
    });
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(error.message);
    throw error;
  }
  if (!prepared.ok) {
    const details = prepared.issues.filter((i) => i.severity === "error").map(formatIssue);
    throw new CliError([`${title}: ${prepared.error.message}`, ...details].join("\n"));
  }
  return prepared;
}

/**
 * Google refused a request as invalid (a 4xx a retry cannot fix): the same run would be refused
 * again, and the request is the product's, not the user's — say what was refused and ask for a
 * report rather than send the user round in circles.
 */
function refusalMessage(error: unknown, written: WrittenSoFar): string {
  const status = statusOf(error) ?? 400;
  return [
    `Google refused a request Mentor Match sent (HTTP ${status}): ${messageOf(error)}`,
    "Running the same command again would be refused the same way. This is a fault in Mentor Match, not in your spreadsheet: please report it with this message.",
    written.started
      ? `Nothing is lost: ${written.describe("report")}; what was written stays valid and a fixed version finishes it without duplicates.`
      : "Nothing was written to your spreadsheet.",
  ].join("\n");
}

/** A Google error as one line a coordinator can act on. */
async function explain(
  error: unknown,
  spreadsheetId: string,
  identity: string | undefined,
  auth: GoogleAuthOptions,
): Promise<unknown> {
  if (error instanceof CliError) return error;
  if (isRevokedToken(error)) {
    if (
      auth.credentials === undefined &&
      (auth.env ?? process.env).GOOGLE_APPLICATION_CREDENTIALS === undefined
    )
      await forgetToken(auth.tokenPath ?? defaultTokenPath(auth.env));
    return new CliError(
      "the Google sign-in was revoked or has expired: run again with --credentials <client_secret.json> to sign in again (or check the service-account key)",
    );
  }
  const status = statusOf(error);
  const who = identity === undefined ? "your Google account" : identity;
  if (status === 403)
    return new CliError(
      `no access to spreadsheet ${spreadsheetId}: share it with ${who} as an editor (${messageOf(error)})`,
    );
  if (status === 404)
    return new CliError(
      `spreadsheet ${spreadsheetId} was not found: check the id (the part of the URL after /d/)`,
    );
  if (status === 401)
    return new CliError(
      `Google refused the credentials (${messageOf(error)}); see docs/google-mode.md`,
    );
  return error;
}
