/**
 * `mentor-match run --google <spreadsheetId>`: the same use case as the file pipeline, on a
 * Google spreadsheet: read it (2 calls), `prepareWorkbook`, write the main patch with
 * `batchUpdate`s (action-plan tabs first so Pairs can link them), write one Google Doc per
 * chair in the program folder and share it, then append the Forms log with each File cell
 * linking its Doc (as the Apps Script host does). Decisions stay in the core.
 *
 * Not yet: action-plan spreadsheets past the tab budget (190 sheets) are not written; the
 * run says how many tabs were left out.
 */
import {
  defaultFormTemplates,
  prepareWorkbook,
  type MappingOverride,
  type PresetName,
} from "../../shared/index.js";
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
import { findOrCreate, folderType, programFolderName } from "./drive-client.js";
import type { RetryOptions } from "./retry.js";
import { statusOf } from "./retry.js";
import { readSpreadsheet, writeOps } from "./sheets-client.js";

/** Google Sheets holds 200 sheets; keep room for the roster and the product's sheets. */
export const googleTabBudget = 190;

export interface GoogleRunOptions {
  spreadsheetId: string;
  today: string;
  now: string;
  preset?: PresetName | undefined;
  mapping?: MappingOverride | undefined;
  auth: GoogleAuthOptions;
  /** Tests: one loopback root standing in for Sheets, Docs, Drive and the token endpoint. */
  rootUrl?: string | undefined;
  retry?: RetryOptions;
  maxBatchBytes?: number;
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
  const clients = googleClients(auth, { rootUrl: options.rootUrl, retry: options.retry });
  try {
    return await run(clients, options);
  } catch (error) {
    throw await explain(error, spreadsheetId, identity, options.auth);
  }
}

async function run(clients: GoogleClients, options: GoogleRunOptions): Promise<GoogleRunResult> {
  const { spreadsheetId } = options;
  progress(`reading spreadsheet ${spreadsheetId}`);
  const read = await readSpreadsheet(clients, spreadsheetId);
  progress("matching, action plans, conference forms");
  const prepared = prepareWorkbook({
    snapshot: read.snapshot,
    today: options.today,
    now: options.now,
    preset: options.preset,
    mapping: options.mapping,
    plans: {
      tabBudget: googleTabBudget,
      planWorkbookName: (n: number) => `${read.title} – action plans ${n}`,
    },
    forms: { templates: defaultFormTemplates },
  });
  if (!prepared.ok) {
    const details = prepared.issues.filter((i) => i.severity === "error").map(formatIssue);
    throw new CliError([`${read.title}: ${prepared.error.message}`, ...details].join("\n"));
  }
  const { matched, plans, forms } = prepared;
  const tabOps = new Set(plans?.tabOps ?? []);
  const logOps = new Set(forms?.patch.ops ?? []);
  const ops = prepared.patch.ops;
  const write = { maxBatchBytes: options.maxBatchBytes };
  progress("writing the sheets");
  const batchSizes = await writeOps(
    clients,
    spreadsheetId,
    read.book,
    [
      ...ops.filter((op) => tabOps.has(op)),
      ...ops.filter((op) => !tabOps.has(op) && !logOps.has(op)),
    ],
    write,
  );

  const fileUrls = new Map<string, string>();
  const documents = [];
  const notShared: string[] = [];
  const handle = (id: string) => matched.roster.people.find((p) => p.id === id)?.email ?? id;
  if ((forms?.documents ?? []).length > 0) {
    const folder = await findOrCreate(clients, programFolderName(read.title), folderType);
    const { chairAccess, notifyChairs } = matched.settings;
    for (const document of forms!.documents) {
      progress(`writing ${document.title}`);
      const written = await writeChairDocument(clients, document, folder.id, {
        access: chairAccess,
        notify: notifyChairs,
      });
      fileUrls.set(document.fileName, written.url);
      if (!written.shared) notShared.push(`${document.chairName} <${document.chairEmail}>`);
      documents.push({
        chair: document.chairName,
        chairEmail: document.chairEmail,
        file: written.url,
        faculty: document.faculty.map(handle),
        newFaculty: document.newFaculty.map(handle),
      });
    }
  }
  // The log last: a run stopped before it leaves the faculty unlogged, so the next run
  // finds the same documents by name and finishes them.
  batchSizes.push(
    ...(await writeOps(
      clients,
      spreadsheetId,
      read.book,
      ops.filter((op) => logOps.has(op)),
      { ...write, fileUrls },
    )),
  );

  const skippedBooks = plans?.planWorkbookPatches ?? [];
  const report = {
    ...matched.report,
    issues: prepared.issues,
    ...(plans === null ? {} : { tabs: plans.tabs }),
    documents,
    files: [`https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`],
  };
  const { summary } = matched.report;
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const name = (id: string) => matched.roster.people.find((p) => p.id === id)?.name ?? id;
  const count = (status: string) => (plans?.tabs ?? []).filter((t) => t.status === status).length;
  const lines = [
    `${matched.settings.programName} (${matched.settings.preset}), ${matched.settings.academicYear}`,
    `Matched ${summary.covered} of ${summary.mentees} mentees: ${summary.slotsFilled} of ${summary.slotsWanted} mentor places filled; ${summary.locked} locked, ${summary.rejected} rejected kept out.`,
    ...matched.match.unmatched
      .slice(0, 10)
      .map((u) => `  not fully matched: ${name(u.menteeId)} — ${u.reason}`),
    ...(matched.match.unmatched.length > 10
      ? [`  … and ${matched.match.unmatched.length - 10} more (see the Pairs sheet)`]
      : []),
    `Action plans: ${count("created")} created, ${count("refreshed")} refreshed, ${count("unchanged")} unchanged, ${count("ended")} marked ended.`,
    ...(skippedBooks.length > 0
      ? [
          `  not written yet: ${skippedBooks.length} additional plan spreadsheet(s) past ${googleTabBudget} sheets (see docs/google-mode.md)`,
        ]
      : []),
    documents.length === 0
      ? "Conference forms: every faculty member already has theirs (see the Forms sheet)."
      : `Conference forms: ${documents.length} chair Google Doc${documents.length === 1 ? "" : "s"}, ${documents.reduce((sum, d) => sum + d.newFaculty.length, 0)} faculty added to the Forms sheet.`,
    ...(notShared.length > 0 ? [`  not shared (Drive refused): ${notShared.join(", ")}`] : []),
    `Issues: ${errors} errors, ${report.issues.length - errors} warnings (see the Issues sheet).`,
    `Updated ${report.files[0]}`,
  ];
  return {
    report,
    summary: lines,
    calls: Object.fromEntries(clients.counts),
    batchSizes,
  };
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
