/**
 * `mentor-match run --google` end to end against the loopback fake: the service account's
 * signed-JWT token exchange, the two reads, the batched writes, the chairs' Docs and their
 * sharing; then a re-run, a 429, a small batch limit and UTF-16 text.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  defaultFormTemplates,
  matchMentors,
  prepareWorkbook,
  type WorkbookSnapshot,
} from "../../shared/index.js";
import { googleScopes } from "../../cli/google/auth.js";
import { runGoogle } from "../../cli/google/run-google.js";
import { runCommand } from "../../cli/commands/run.js";
import { maxBodyBytes } from "./fake-google-server.js";
import {
  now,
  serviceAccount,
  spreadsheetId,
  spreadsheetTitle,
  today,
  useFakeGoogle,
} from "./harness.js";

const h = useFakeGoogle();
const options = h.options;
const docs = h.docs;
const titles = () => h.titles();

describe("mentor-match run --google on the Medicine example", () => {
  it("matches as the file path does, writes the sheets, the Docs and the sharing", async () => {
    const result = await runGoogle(options());

    // The same pairs as the local-file path on the same roster.
    const local = matchMentors({ snapshot: h.roster, today });
    if (!local.ok) throw new Error(local.error.message);
    const key = (p: { mentee: string; mentor: string }) => `${p.mentee} → ${p.mentor}`;
    expect(result.report.pairs.map(key).sort()).toEqual(local.report.pairs.map(key).sort());
    expect(result.report.pairs.length).toBeGreaterThan(0);

    // Narrowest scopes, asked for in the token exchange on loopback.
    expect([...new Set(h.fake.scopes)].sort()).toEqual([...googleScopes].sort());

    // Reads: one get with a field mask, one batchGet of every sheet, unformatted.
    const gets = h.fake.log.filter(
      (r) => r.method === "GET" && /^\/v4\/spreadsheets\/[^/]+$/.test(r.path),
    );
    expect(gets).toHaveLength(1);
    expect(gets[0]!.query.get("fields")).toBe(
      "properties(title,timeZone),sheets(properties(sheetId,title,gridProperties),merges)",
    );
    const batchGets = h.fake.log.filter((r) => r.path.endsWith("values:batchGet"));
    expect(batchGets).toHaveLength(1);
    expect(batchGets[0]!.query.get("valueRenderOption")).toBe("UNFORMATTED_VALUE");
    expect(batchGets[0]!.query.get("dateTimeRenderOption")).toBe("FORMATTED_STRING");
    expect(batchGets[0]!.query.getAll("ranges")).toHaveLength(h.roster.sheets.length);

    // Writes: below 2 MB, text as stringValue, never a formula.
    const updates = h.fake.log.filter(
      (r) => r.path.endsWith(":batchUpdate") && r.path.startsWith("/v4"),
    );
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(update.bytes).toBeLessThan(maxBodyBytes);
      expect(JSON.stringify(update.body)).not.toContain("formulaValue");
    }

    // Tabs and values in the spreadsheet.
    for (const name of ["Pairs", "Issues", "Program", "Forms"]) expect(titles()).toContain(name);
    const planTabs = (result.report.tabs ?? []).filter((t) => t.status === "created");
    expect(planTabs.length).toBeGreaterThan(0);
    for (const tab of planTabs) expect(titles()).toContain(tab.sheet);
    const pairs = h.fake.values(spreadsheetId, "Pairs");
    const pairsText = JSON.stringify(pairs);
    expect(pairs[0]).toContain("Mentee e-mail");
    for (const pair of result.report.pairs) {
      expect(pairsText).toContain(JSON.stringify(pair.pairId));
      expect(pairsText).toContain(JSON.stringify(pair.mentee));
    }

    // One Doc per chair in the program folder, with the forms' text, shared with the chair.
    const documents = result.report.documents ?? [];
    expect(documents.length).toBeGreaterThan(0);
    expect(docs()).toHaveLength(documents.length);
    const folder = [...h.fake.files.values()].find(
      (f) => f.mimeType === "application/vnd.google-apps.folder",
    )!;
    expect(folder.name).toBe("Mentor Match – Medicine mentoring 2025");
    const people = new Map<string, string>();
    for (const doc of docs()) {
      expect(doc.parents).toEqual([folder.id]);
      const text = h.fake.documentText(doc.id);
      expect(text).toContain("Annual Career Planning Conference");
      people.set(doc.id, text);
    }
    const settings = result.report.settings;
    for (const document of documents) {
      const id = /\/d\/([^/]+)\//.exec(document.file)![1]!;
      const text = people.get(id)!;
      // Faculty listed by e-mail in the report; their names are in the Forms sheet's rows.
      const forms = h.fake.values(spreadsheetId, "Forms");
      const names = forms.filter((row) => row[0] === document.chair).map((row) => String(row[2]));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(text).toContain(name);
      if (document.chairEmail !== "") {
        const file = h.fake.files.get(id)!;
        const permission = file.permissions.find((p) => p.emailAddress === document.chairEmail);
        expect(permission?.role).toBe(settings.chairAccess === "editor" ? "writer" : "commenter");
        expect(permission?.notified).toBe(settings.notifyChairs);
      }
    }

    // The Forms log's Google Doc cells name each chair's Doc by its title and link it.
    const formsSheet = h.fake.sheet(spreadsheetId, "Forms")!;
    const fileColumn = h.fake.values(spreadsheetId, "Forms")[0]!.indexOf("Google Doc");
    const docTitles = new Set(docs().map((d) => d.name));
    for (const row of h.fake.values(spreadsheetId, "Forms").slice(1))
      expect(docTitles).toContain(row[fileColumn]);
    const linked = [...formsSheet.cells.entries()].filter(
      ([key, cell]) =>
        Number(key.split(",")[1]) === fileColumn &&
        Number(key.split(",")[0]) > 0 &&
        (
          cell.userEnteredFormat?.textFormat as { link?: { uri?: string } } | undefined
        )?.link?.uri?.startsWith("https://docs.google.com/document/d/"),
    );
    expect(linked.length).toBe(h.fake.values(spreadsheetId, "Forms").length - 1);

    // Measured calls, for the record (docs/google-mode.md): the folder and one Drive lookup
    // per Doc, a revision read before each Doc's batch, sharing for the chairs with an e-mail.
    expect(result.calls).toEqual({
      "sheets.get": 1,
      "sheets.values.batchGet": 1,
      "sheets.batchUpdate": 3,
      "drive.files.list": 8,
      "drive.files.create": 8,
      "docs.get": 7,
      "docs.batchUpdate": 7,
      "drive.permissions.list": 4,
      "drive.permissions.create": 4,
    });
    expect(documents).toHaveLength(7);
  });

  it("a re-run creates no duplicate Docs, tabs or permissions and keeps the pairs", async () => {
    const first = await runGoogle(options());
    const tabsBefore = titles();
    const docsBefore = docs().map((d) => d.id);
    const permissionsBefore = docs().map((d) => d.permissions.length);
    const formsRows = h.fake.values(spreadsheetId, "Forms").length;

    const second = await runGoogle(options());
    expect(titles()).toEqual(tabsBefore);
    expect(docs().map((d) => d.id)).toEqual(docsBefore);
    expect(docs().map((d) => d.permissions.length)).toEqual(permissionsBefore);
    expect(h.fake.values(spreadsheetId, "Forms")).toHaveLength(formsRows);
    expect(second.report.pairs.map((p) => p.pairId).sort()).toEqual(
      first.report.pairs.map((p) => p.pairId).sort(),
    );
    expect(second.summary.join("\n")).toContain("every faculty member already has theirs");
    // The reads (45 sheets now: two values.batchGet of at most 40 ranges), the program
    // folder and its plan spreadsheets looked up, the result sheets rewritten.
    expect(second.calls).toEqual({
      "sheets.get": 1,
      "sheets.values.batchGet": 2,
      "drive.files.list": 2,
      "sheets.batchUpdate": 1,
    });
    for (const batchGet of h.fake.log.filter((r) => r.path.endsWith("values:batchGet")))
      expect(batchGet.query.getAll("ranges").length).toBeLessThanOrEqual(40);
  });

  it("re-renders a chair's Doc found by name instead of creating another", async () => {
    await runGoogle(options());
    const before = new Map(docs().map((d) => [d.id, h.fake.documentText(d.id)]));
    // Forget the log: the next run merges the forms again, into the same documents.
    const book = h.fake.spreadsheets.get(spreadsheetId)!;
    book.sheets = book.sheets.filter((s) => s.title !== "Forms");
    await runGoogle(options());
    expect(new Map(docs().map((d) => [d.id, h.fake.documentText(d.id)]))).toEqual(before);
  });

  it("retries a 429 and a 503, then succeeds, waiting through the injected sleep", async () => {
    h.fake.failNext("values:batchGet", 429);
    h.fake.failNext("POST /v4/spreadsheets", 503);
    h.fake.failNext("documents/", 429);
    const result = await runGoogle(options());
    expect(result.report.pairs.length).toBeGreaterThan(0);
    expect(h.waits).toHaveLength(3);
    expect(h.fake.log.filter((r) => r.status === 429 || r.status === 503)).toHaveLength(3);
    expect(titles()).toContain("Pairs");
  });

  it("keeps every batchUpdate below the limit it is given, with the same end state", async () => {
    const big = await runGoogle(options());
    const valuesBig = Object.fromEntries(titles().map((t) => [t, h.fake.values(spreadsheetId, t)]));
    const textOf = () => new Map(docs().map((d) => [d.name, h.fake.documentText(d.id)]));
    const docsBig = textOf();
    const docBatches = () =>
      h.fake.log.filter(
        (r) => r.path.startsWith("/v1/documents") && r.path.endsWith(":batchUpdate"),
      );
    expect(docBatches()).toHaveLength(docsBig.size);
    await h.restart();
    const limit = 60_000;
    const small = await runGoogle(options({ maxBatchBytes: limit }));
    expect(small.batchSizes.length).toBeGreaterThan(big.batchSizes.length);
    for (const size of small.batchSizes) expect(size).toBeLessThan(limit);
    const sent = h.fake.log.filter(
      (r) => r.path.startsWith("/v4") && r.path.endsWith(":batchUpdate"),
    );
    for (const request of sent) expect(request.bytes).toBeLessThan(limit);
    const valuesSmall = Object.fromEntries(
      titles().map((t) => [t, h.fake.values(spreadsheetId, t)]),
    );
    // Generated-at and Doc ids are the same run-independent values here; compare all sheets.
    expect(Object.keys(valuesSmall).sort()).toEqual(Object.keys(valuesBig).sort());
    for (const title of Object.keys(valuesBig))
      if (title !== "Forms") expect(valuesSmall[title]).toEqual(valuesBig[title]);
    // A chair's Doc in consecutive batches, each below the limit, reads the same.
    expect(docBatches().length).toBeGreaterThan(docsBig.size);
    for (const request of docBatches()) expect(request.bytes).toBeLessThan(limit);
    expect(textOf()).toEqual(docsBig);
  });

  it("says what to do when the spreadsheet is not shared with the account", async () => {
    await expect(runGoogle(options({ spreadsheetId: "someone-elses-sheet" }))).rejects.toThrow(
      /not found/,
    );
    h.fake.failNext("GET /v4/spreadsheets", 403);
    await expect(runGoogle(options())).rejects.toThrow(
      new RegExp(`no access to spreadsheet ${spreadsheetId}: share it with ${serviceAccount}`),
    );
  });

  it("says so when Google refuses the credentials' token (a revoked key or sign-in)", async () => {
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const revoked = join(await mkdtemp(join(tmpdir(), "mentor-match-google-")), "revoked.json");
    await writeFile(
      revoked,
      JSON.stringify({
        type: "service_account",
        client_email: serviceAccount,
        private_key: other.privateKey,
      }),
    );
    await expect(runGoogle(options({ auth: { credentials: revoked, env: {} } }))).rejects.toThrow(
      /revoked or has expired/,
    );
    expect(h.fake.log.filter((r) => r.path.startsWith("/v4"))).toHaveLength(0);
  });

  it("says how to give credentials when there are none", async () => {
    await expect(
      runGoogle(options({ auth: { env: {}, tokenPath: join(tmpdir(), "no-such-token.json") } })),
    ).rejects.toThrow(/no Google credentials: pass --credentials/);
  });

  it("writes names with emoji and Vietnamese letters into the Docs at the right indexes", async () => {
    const renamed: WorkbookSnapshot = {
      sheets: h.roster.sheets.map((sheet) => ({
        ...sheet,
        rows: sheet.rows.map((row) =>
          row.map((value) =>
            typeof value === "string" ? value.replace(/Weiss/g, "Nguyễn🌟") : value,
          ),
        ),
      })),
    };
    h.fake.seedSpreadsheet(spreadsheetId, spreadsheetTitle, renamed);
    await runGoogle(options());
    const withName = docs().filter((d) => h.fake.documentText(d.id).includes("Nguyễn🌟"));
    expect(withName.length).toBeGreaterThan(0);
    for (const doc of withName) {
      const stored = h.fake.documents.get(doc.id)!;
      // Every heading range is whole lines, and every styled run starts and ends on text.
      for (const style of stored.paragraphStyles) {
        expect(stored.text[style.start - 2] ?? "\n").toMatch(/[\n\uE000-\uE003]/);
        expect(h.fake.textAt(doc.id, style.start, style.end).endsWith("\n")).toBe(true);
      }
      const bold = stored.textStyles
        .filter((s) => s.style.bold === true)
        .map((s) => h.fake.textAt(doc.id, s.start, s.end));
      const model = prepareWorkbook({
        snapshot: renamed,
        today,
        now,
        plans: { tabBudget: 190, planWorkbookName: String },
        forms: { templates: defaultFormTemplates },
      });
      if (!model.ok) throw new Error(model.error.message);
      const blocks = model.forms!.documents.find((d) => d.title === doc.name)!.model.blocks;
      const expected = blocks.flatMap((block) => {
        if (block.kind === "table")
          return [
            ...block.header.flatMap((cell) => cell.runs),
            ...block.rows.flatMap((row) => row.flatMap((cell) => cell.runs.filter((r) => r.bold))),
          ];
        if ("runs" in block) return block.runs.filter((r) => r.bold);
        if (block.kind === "fillIn")
          return block.fields.flatMap((f) => f.label.filter((r) => r.bold));
        return [];
      });
      expect(bold).toEqual(expected.map((r) => r.text).filter((t) => t !== ""));
      expect(bold.join("|")).not.toMatch(/[\uE000-\uE003]/);
    }
  });

  it("runs from the command line with --google and --credentials", async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    vi.stubEnv("MENTOR_MATCH_GOOGLE_ROOT_URL", h.fake.rootUrl);
    try {
      const status = await runCommand.run([
        "--google",
        spreadsheetId,
        "--credentials",
        h.keyFile,
        "--today",
        today,
        "--json",
      ]);
      expect(status).toBe(0);
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
    const report = JSON.parse(out.join("")) as { pairs: unknown[]; documents: unknown[] };
    expect(report.pairs.length).toBeGreaterThan(0);
    expect(report.documents.length).toBe(docs().length);
    expect(titles()).toContain("Pairs");
  });

  it("refuses a roster file or --out beside --google, and a non-loopback test root", async () => {
    await expect(
      runCommand.run(["--google", spreadsheetId, "templates/examples/medicine-h.roster.xlsx"]),
    ).rejects.toThrow(/name no roster file/);
    await expect(runCommand.run(["--google", spreadsheetId, "--out", "out"])).rejects.toThrow(
      /--out does not apply/,
    );
    vi.stubEnv("MENTOR_MATCH_GOOGLE_ROOT_URL", "https://example.com/");
    try {
      await expect(runCommand.run(["--google", spreadsheetId])).rejects.toThrow(/loopback/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
