/**
 * The shared setup of the Google-mode tests: a service-account key generated for the run, the
 * Medicine example roster, a fresh loopback fake per test seeded with it, and run options whose
 * retry sleep and pacing clock are virtual (no test waits for real time).
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach } from "vitest";
import type { WorkbookSnapshot } from "../../shared/index.js";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import type { GoogleRunOptions } from "../../cli/google/run-google.js";
import { FakeGoogle, type FakeFile } from "./fake-google-server.js";

export const spreadsheetId = "medicine-sheet-0001";
export const spreadsheetTitle = "Medicine mentoring 2025";
export const today = "2025-06-02";
export const now = "2025-06-02T12:00:00.000Z";
export const serviceAccount = "mentor-match@test-project.iam.gserviceaccount.com";
export const docType = "application/vnd.google-apps.document";
export const sheetType = "application/vnd.google-apps.spreadsheet";

export interface Harness {
  fake: FakeGoogle;
  keyFile: string;
  publicKey: string;
  roster: WorkbookSnapshot;
  /** Retry waits asked for, in ms. */
  waits: number[];
  /** Virtual milliseconds since the test began (advanced only by sleeps). */
  clockMs: number;
  options: (extra?: Partial<GoogleRunOptions>) => GoogleRunOptions;
  /** A fresh fake seeded with `snapshot` (default: the roster). */
  restart: (snapshot?: WorkbookSnapshot) => Promise<void>;
  docs: () => FakeFile[];
  titles: (id?: string) => string[];
}

export function useFakeGoogle(): Harness {
  const h = { waits: [], clockMs: 0 } as unknown as Harness;
  beforeAll(async () => {
    const pair = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    h.publicKey = pair.publicKey;
    const dir = await mkdtemp(join(tmpdir(), "mentor-match-google-"));
    h.keyFile = join(dir, "key.json");
    await writeFile(
      h.keyFile,
      JSON.stringify({
        type: "service_account",
        project_id: "test-project",
        private_key_id: "k1",
        private_key: pair.privateKey,
        client_email: serviceAccount,
        client_id: "1",
        token_uri: "https://oauth2.googleapis.com/token",
      }),
    );
    h.roster = await readWorkbookFiles(["templates/examples/medicine-roster.xlsx"]);
  });
  h.restart = async (snapshot) => {
    await h.fake?.stop();
    h.fake = new FakeGoogle(h.publicKey);
    await h.fake.start();
    h.fake.seedSpreadsheet(spreadsheetId, spreadsheetTitle, snapshot ?? h.roster);
  };
  beforeEach(async () => {
    await h.restart();
    h.waits = [];
    h.clockMs = 0;
  });
  afterEach(async () => {
    await h.fake.stop();
  });
  h.options = (extra = {}) => ({
    spreadsheetId,
    moment: { today, now },
    auth: { credentials: h.keyFile, env: {} },
    rootUrl: h.fake.rootUrl,
    retry: {
      sleep: async (ms) => {
        h.waits.push(ms);
      },
    },
    clock: {
      now: () => h.clockMs,
      sleep: async (ms) => {
        h.clockMs += ms;
      },
    },
    ...extra,
  });
  h.docs = () => [...h.fake.files.values()].filter((f) => f.mimeType === docType);
  h.titles = (id = spreadsheetId) => h.fake.spreadsheets.get(id)!.sheets.map((s) => s.title);
  return h;
}
