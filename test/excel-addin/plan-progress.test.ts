/**
 * The plans step as the pane and the ribbon run it (jobs.ts over the strict fake): the pane is
 * told "Writing action plans: n of N" as tabs land, one request of new tabs at a time.
 */
import { describe, expect, it } from "vitest";
import { runStep } from "../../excel-addin/src/jobs.js";
import type { ExcelHost } from "../../excel-addin/src/host.js";
import { readSnapshot } from "../../excel-addin/src/office/read-snapshot.js";
import { applyPatch } from "../../excel-addin/src/office/apply-patch.js";
import { mappingStore } from "../../excel-addin/src/storage.js";
import { FakeContext, FakeWorkbook } from "./fake-excel.js";
import { rosterRows } from "./roster-rows.js";

function fakeHost(workbook: FakeWorkbook): ExcelHost {
  const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;
  const stored = new Map<string, unknown>();
  return {
    readWorkbook: () => readSnapshot(asExcel(new FakeContext(workbook))),
    applyPatch: (patch, options) => applyPatch(asExcel(new FakeContext(workbook)), patch, options),
    selectCell: () => Promise.resolve(),
    mapping: mappingStore({
      get: (key) => stored.get(key),
      set: (key, value) => void stored.set(key, value),
      remove: (key) => void stored.delete(key),
      save: () => Promise.resolve(),
    }),
    today: () => "2026-08-15",
    now: () => "2026-08-15T10:00:00Z",
  };
}

describe("progress while writing plan tabs", () => {
  it("counts the new tabs as they land, and nothing on a re-run that creates none", async () => {
    const workbook = new FakeWorkbook({ Roster: rosterRows(232) });
    const seen: { message: string; done?: number; total?: number }[] = [];
    const outcome = await runStep(fakeHost(workbook), "plans", (message, done, total) =>
      seen.push({
        message,
        ...(done === undefined ? {} : { done }),
        ...(total === undefined ? {} : { total }),
      }),
    );
    expect(outcome.ok).toBe(true);
    const counts = seen.filter((p) => p.message.startsWith("Writing action plans"));
    expect(counts.at(-1)).toEqual({
      message: "Writing action plans: 232 of 232",
      done: 232,
      total: 232,
    });
    expect(counts.some((p) => p.message === "Writing action plans: 100 of 232")).toBe(true);
    expect(counts.map((p) => p.done)).toEqual(
      [...counts.map((p) => p.done)].sort((a, b) => a! - b!),
    );

    seen.length = 0;
    await runStep(fakeHost(workbook), "plans", (message) => seen.push({ message }));
    expect(seen.filter((p) => p.message.startsWith("Writing action plans"))).toEqual([]);
    expect(workbook.sheets.length).toBe(232 + 4);
  }, 60_000);
});
