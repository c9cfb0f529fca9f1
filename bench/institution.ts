/**
 * End-to-end institution benchmark: one generated roster (mentees × mentors across 40
 * departments, chairs on it) run through the whole job twice in the same process —
 *
 * - the local-file path (`runPipeline`: .xlsx in; matched .xlsx, plan workbooks and one .docx
 *   per chair out), the reference;
 * - the Google path (`runGoogle`) against the loopback fake of Sheets, Docs and Drive from
 *   test/google, with a real service-account sign-in, the real request translator and
 *   batching, and the write pacer on a virtual clock (so the minutes Google's 60-writes-a-
 *   minute quota would add are reported, not slept).
 *
 * Prints time per stage (from the commands' own progress lines), requests by API and bytes
 * sent, and the Google path's time over the local path's.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listenToProgress, runPipeline } from "../cli/pipeline.js";
import { runGoogle } from "../cli/google/run-google.js";
import { FakeGoogle } from "../test/google/fake-google-server.js";
import { institutionRoster, writeRosterXlsx } from "./institution-roster.js";

type Stage = "read" | "match, plans, forms" | "write sheets" | "write documents" | "other";

/** The stage a progress line starts, by the words both commands use. */
function stageOf(message: string): Stage {
  if (message.startsWith("reading")) return "read";
  if (message.startsWith("matching")) return "match, plans, forms";
  if (/\.docx$|^writing Forms/.test(message)) return "write documents";
  if (message.startsWith("writing") || message.startsWith("creating")) return "write sheets";
  return "other";
}

/** Runs `job`, adding each progress line's time up to the next line to its stage. */
async function timed<T>(job: () => Promise<T>): Promise<{ result: T; stages: Map<Stage, number> }> {
  const stages = new Map<Stage, number>();
  let stage: Stage = "other";
  let since = performance.now();
  const close = () => {
    const now = performance.now();
    stages.set(stage, (stages.get(stage) ?? 0) + (now - since) / 1000);
    since = now;
  };
  listenToProgress((message) => {
    close();
    stage = stageOf(message);
  });
  try {
    const result = await job();
    close();
    return { result, stages };
  } finally {
    listenToProgress(null);
  }
}

const stageNames: Stage[] = ["read", "match, plans, forms", "write sheets", "write documents"];

export async function runInstitutionBenchmark({
  quick,
  sizes: only,
}: {
  quick: boolean;
  /** Roster sizes [mentees, mentors] instead of the default ones. */
  sizes?: [number, number][];
}): Promise<void> {
  const sizes =
    only ??
    (quick
      ? [[1000, 500]]
      : [
          [1000, 500],
          [10_000, 5_000],
        ]);
  const dir = mkdtempSync(join(tmpdir(), "mentor-match-institution-"));
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const keyFile = join(dir, "key.json");
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: "service_account",
      project_id: "bench",
      private_key_id: "k1",
      private_key: keys.privateKey,
      client_email: "mentor-match@bench.iam.gserviceaccount.com",
      client_id: "1",
      token_uri: "https://oauth2.googleapis.com/token",
    }),
  );
  try {
    for (const [mentees, mentors] of sizes as [number, number][]) {
      const roster = institutionRoster(mentees, mentors);
      console.log(
        `\n### ${mentees.toLocaleString("en-US")} mentees × ${mentors.toLocaleString("en-US")} mentors, ${roster.departments} departments (one-to-one)\n`,
      );

      // Local files: the reference.
      const input = join(dir, `institution-${mentees}.xlsx`);
      await writeRosterXlsx(roster, input);
      const local = await timed(() =>
        runPipeline({
          inputs: [input],
          outPath: join(dir, `out-${mentees}`, `institution-${mentees}-matched.xlsx`),
          today: "2026-11-23",
          now: "2026-11-23T12:00:00.000Z",
          plans: true,
          forms: true,
        }),
      );

      // Google: the same roster in a spreadsheet of the fake.
      const fake = new FakeGoogle(keys.publicKey, { keepBodies: false });
      await fake.start();
      let quotaWaitMs = 0;
      let google;
      try {
        fake.seedSpreadsheet("institution", "Institution roster", {
          sheets: [{ name: "Roster", rows: roster.rows.map((row) => row.map((v) => v ?? null)) }],
        });
        google = await timed(() =>
          runGoogle({
            spreadsheetId: "institution",
            moment: { today: "2026-11-23", now: "2026-11-23T12:00:00.000Z" },
            auth: { credentials: keyFile, env: {} },
            rootUrl: fake.rootUrl,
            retry: { sleep: async () => {} },
            clock: {
              now: () => quotaWaitMs,
              sleep: async (ms) => {
                quotaWaitMs += ms;
              },
            },
          }),
        );
      } finally {
        await fake.stop();
      }

      const summary = local.result.report.summary;
      console.log(
        `Matched ${summary.covered} of ${summary.mentees} mentees; ${local.result.report.tabs?.length ?? 0} action-plan tabs; ${local.result.report.documents?.length ?? 0} chair documents; local files written: ${local.result.report.files.length}.`,
      );
      console.log(
        "\n| stage | local files s | Google (fake) s | Google / local |\n|---|---|---|---|",
      );
      for (const stage of stageNames) {
        const a = local.stages.get(stage) ?? 0;
        const b = google.stages.get(stage) ?? 0;
        console.log(
          `| ${stage} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${a > 0 ? (b / a).toFixed(2) : "–"} |`,
        );
      }
      const total = (stages: Map<Stage, number>) => [...stages.values()].reduce((x, y) => x + y, 0);
      const [a, b] = [total(local.stages), total(google.stages)];
      console.log(`| total | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)} |`);

      const byApi = new Map<string, { requests: number; bytes: number }>();
      for (const entry of fake.log) {
        const api = apiOf(entry.method, entry.path);
        const row = byApi.get(api) ?? { requests: 0, bytes: 0 };
        row.requests++;
        row.bytes += entry.bytes;
        byApi.set(api, row);
      }
      console.log("\n| Google request | count | bytes sent |\n|---|---|---|");
      let requests = 0;
      let bytes = 0;
      for (const [api, row] of [...byApi].sort((x, y) => y[1].bytes - x[1].bytes)) {
        console.log(`| ${api} | ${row.requests} | ${row.bytes.toLocaleString("en-US")} |`);
        requests += row.requests;
        bytes += row.bytes;
      }
      console.log(`| all | ${requests} | ${bytes.toLocaleString("en-US")} |`);
      const largest = Math.max(...google.result.batchSizes);
      console.log(
        `\nSheets batches: ${google.result.batchSizes.length}, largest ${largest.toLocaleString("en-US")} bytes (limit 2 MB). ` +
          `Waiting for Google's write quota (60 a minute per API) would add ${(quotaWaitMs / 60_000).toFixed(1)} min in a real run.`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "sheets.batchUpdate", "docs.batchUpdate", "drive.files.create" … from a logged request. */
function apiOf(method: string, path: string): string {
  const clean = path.split("?")[0]!;
  if (clean.includes("/token")) return "oauth token";
  if (clean.includes("/v4/spreadsheets")) {
    if (clean.endsWith(":batchUpdate")) return "sheets.batchUpdate";
    if (clean.includes("values:batchGet")) return "sheets.values.batchGet";
    return `sheets ${method}`;
  }
  if (clean.includes("/v1/documents"))
    return clean.endsWith(":batchUpdate") ? "docs.batchUpdate" : `docs ${method}`;
  if (clean.includes("/permissions")) return `drive.permissions ${method}`;
  if (clean.includes("/drive/")) return `drive.files ${method}`;
  return `${method} ${clean}`;
}
