/**
 * Google may apply a write and still answer 5xx. A retried Sheets batch whose `addSheet` is
 * then refused ("already exists") was applied whole (batches are atomic); a retried Docs
 * batch refused because the revision moved on (`writeControl.requiredRevisionId`) was applied
 * too. Both count as done, nothing is applied twice. A run that stops part-way says what it
 * wrote, and the same command finishes it without duplicates.
 */
import { describe, expect, it } from "vitest";
import { runGoogle } from "../../cli/google/run-google.js";
import { docType, sheetType, spreadsheetId, useFakeGoogle } from "./harness.js";

const h = useFakeGoogle();
const sheetBatch = `POST /v4/spreadsheets/${spreadsheetId}:batchUpdate`;

/** Every spreadsheet's sheets and values, and every Doc's text, by file name. */
function state(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, book] of h.fake.spreadsheets) {
    const name = id === spreadsheetId ? "roster" : h.fake.files.get(id)!.name;
    out[name] = book.sheets.map((sheet) => [
      sheet.title,
      // The Forms log's File cells hold Doc ids, which differ from run to run.
      sheet.title === "Forms"
        ? h.fake.values(id, sheet.title).length
        : h.fake.values(id, sheet.title),
    ]);
  }
  for (const file of h.fake.files.values())
    if (file.mimeType === docType) out[file.name] = h.fake.documentText(file.id);
  return out;
}

/** The error a run stops with (a run that succeeds fails the test). */
async function failureOf(run: Promise<unknown>): Promise<Error> {
  try {
    await run;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("the run was expected to stop part-way");
}

async function cleanRun(tabBudget?: number): Promise<Record<string, unknown>> {
  await runGoogle(h.options({ tabBudget }));
  const clean = state();
  await h.restart();
  return clean;
}

describe("run --google when Google applied a write but answered 5xx", () => {
  it("takes a retried Sheets batch refused with 'already exists' as applied", async () => {
    const clean = await cleanRun();
    h.fake.failAfterApply(sheetBatch, 500);
    const result = await runGoogle(h.options());
    const first = h.fake.log.filter((r) => `${r.method} ${r.path}` === sheetBatch).slice(0, 2);
    expect(first.map((r) => r.status)).toEqual([500, 400]);
    expect(state()).toEqual(clean);
    expect(result.calls["sheets.batchUpdate"]).toBe(result.batchSizes.length + 1);
  });

  it("does the same for a plan spreadsheet's batch", async () => {
    const clean = await cleanRun(10);
    h.fake.failAfterApply("POST /v4/spreadsheets/file-", 500);
    await runGoogle(h.options({ tabBudget: 10 }));
    expect(h.fake.log.filter((r) => r.status === 500)).toHaveLength(1);
    expect(state()).toEqual(clean);
  });

  it("takes a retried Docs batch refused for its required revision as applied", async () => {
    const clean = await cleanRun();
    h.fake.failAfterApply("POST /v1/documents/", 500, 1, 2);
    await runGoogle(h.options());
    const writes = h.fake.log.filter(
      (r) => r.path.startsWith("/v1/documents/") && r.method === "POST",
    );
    expect(writes.map((r) => r.status)).toEqual([200, 200, 500, 400, 200, 200, 200, 200]);
    for (const write of writes)
      expect(
        (write.body as { writeControl?: { requiredRevisionId?: string } }).writeControl,
      ).toEqual({ requiredRevisionId: expect.stringMatching(/^rev-/) });
    // The forms are in each Doc once, as after a clean run.
    expect(state()).toEqual(clean);
  });

  it("still fails when the retry is refused for another reason", async () => {
    h.fake.failNext(sheetBatch, 500);
    h.fake.failNext(sheetBatch, 400);
    await expect(runGoogle(h.options())).rejects.toThrow(/injected failure/);
    await h.restart();
    h.fake.failNext("POST /v1/documents/", 500);
    h.fake.failNext("POST /v1/documents/", 400);
    await expect(runGoogle(h.options())).rejects.toThrow(/injected failure/);
  });
});

describe("run --google stopped part-way", () => {
  it("says what it wrote, and the same command finishes with no duplicates", async () => {
    const clean = await cleanRun();
    // The third chair's Doc fails on every attempt.
    h.fake.failNext("POST /v1/documents/", 503, 6, 2);
    const error = await failureOf(runGoogle(h.options()));
    expect(error.message).toMatch(
      /wrote (\d+) of \1 sheet batches, 2 of 7 chair documents, not yet the Forms log; run the same command again to finish — nothing will be duplicated/,
    );
    const docsAfterFailure = h.docs().length;
    expect(docsAfterFailure).toBe(3);

    await runGoogle(h.options());
    expect(state()).toEqual(clean);
    expect(h.docs()).toHaveLength(7);
    for (const doc of h.docs())
      expect(new Set(doc.permissions.map((p) => p.emailAddress)).size).toBe(doc.permissions.length);
  });

  it("a refusal a retry cannot fix is reported as the product's fault, never 'run again'", async () => {
    // Google judged the second sheet batch invalid (a 400 is not transient).
    h.fake.failNext(":batchUpdate", 400, 1, 1);
    const error = await failureOf(runGoogle(h.options({ maxBatchBytes: 400_000 })));
    expect(error.message).toMatch(/^Google refused a request Mentor Match sent \(HTTP 400\): /);
    expect(error.message).toContain(
      "Running the same command again would be refused the same way. This is a fault in Mentor Match, not in your spreadsheet: please report it with this message.",
    );
    expect(error.message).toMatch(/Nothing is lost: wrote 1 of \d+ sheet batches/);
    expect(error.message).not.toMatch(/run the same command again to finish/);
    // Only the one refused request was retried: none (a 400 is not retried).
    expect(h.waits).toEqual([]);
  });

  it("a refusal before anything was written says nothing was written", async () => {
    h.fake.failNext("GET /v4/spreadsheets/", 400, 1);
    const error = await failureOf(runGoogle(h.options()));
    expect(error.message).toContain("This is a fault in Mentor Match");
    expect(error.message).toContain("Nothing was written to your spreadsheet.");
  });

  it("with plan spreadsheets: stopped mid-way through the sheet batches", async () => {
    const clean = await cleanRun(10);
    h.fake.failNext(":batchUpdate", 500, 6, 2);
    const error = await failureOf(runGoogle(h.options({ tabBudget: 10 })));
    expect(error.message).toMatch(
      /created 4 of 4 plan spreadsheets, wrote 2 of \d+ sheet batches, 0 of 7 chair documents, not yet the Forms log; run the same command again/,
    );
    const files = h.fake.files.size;
    await runGoogle(h.options({ tabBudget: 10 }));
    // Only the folder's Docs are new: the books were found again, no tab was added twice.
    expect([...h.fake.files.values()].filter((f) => f.mimeType === sheetType)).toHaveLength(4);
    expect(h.fake.files.size).toBe(files + 7);
    expect(state()).toEqual(clean);
  });
});
