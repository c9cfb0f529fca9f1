/**
 * Plan tabs at department scale against the strict fake (fake-excel.ts), which serialises each
 * request as Office.js does and refuses one over 5 MB: every request stays under the 3.5 MB
 * budget for 10, 232 and 1,000 pairs; the size model matches the bodies on the wire; copied
 * tabs are the same as tabs written in full; a refused or timed-out request is split and
 * retried without duplicating a tab; a second click finishes what the first could not.
 */
import { describe, expect, it } from "vitest";
import { prepareWorkbook } from "../../shared/index.js";
import { readSnapshot } from "../../excel-addin/src/office/read-snapshot.js";
import { applyPatch, type ApplyPatchOptions } from "../../excel-addin/src/office/apply-patch.js";
import {
  defaultRequestBudget,
  SheetNotWrittenError,
} from "../../excel-addin/src/office/payload.js";
import { FakeContext, FakeWorkbook, type FakeSheet, type Interruption } from "./fake-excel.js";
import { rosterRows } from "./roster-rows.js";

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

/** The plans step as the pane runs it: read, prepare, apply (with a chance to interrupt). */
async function runPlans(
  workbook: FakeWorkbook,
  options: ApplyPatchOptions & {
    interrupt?: (writeSync: number, bytes: number) => Interruption | undefined;
  } = {},
) {
  const context = new FakeContext(workbook);
  const snapshot = await readSnapshot(asExcel(context));
  const readSyncs = context.syncs;
  const prepared = prepareWorkbook({
    snapshot,
    today: "2026-08-15",
    now: "2026-08-15T10:00:00Z",
    plans: { planWorkbookName: (n: number) => `Action plans ${n}` },
  });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const { interrupt } = options;
  if (interrupt !== undefined)
    context.interrupt = (sync, bytes) => interrupt(sync - readSyncs, bytes);
  const report = await applyPatch(asExcel(context), prepared.patch, options);
  const writeBytes = context.requestBytes.slice(readSyncs);
  return { context, prepared, readSyncs, writeBytes, report };
}

const planIdOf = (sheet: FakeSheet) =>
  sheet.cell(1, 0)?.value === "Plan ID" ? String(sheet.cell(1, 1)?.value) : null;

/** Every plan id in the workbook with how many tabs carry it. */
function planIds(workbook: FakeWorkbook): Map<string, number> {
  const ids = new Map<string, number>();
  for (const sheet of workbook.sheets) {
    const id = planIdOf(sheet);
    if (id !== null) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return ids;
}

/** A sheet as a person sees it: values, number formats and formats of non-empty cells, layout. */
function looks(sheet: FakeSheet): unknown {
  const cells = [...sheet.cells]
    .filter(
      ([, c]) => c.value !== "" || c.numberFormat !== "General" || Object.keys(c.format).length > 0,
    )
    .map(([key, c]) => [key, c.value, c.value === "" ? "" : c.numberFormat, c.format] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return {
    cells,
    merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    rowHeights: [...sheet.rowHeights].sort((a, b) => a[0] - b[0]),
    columnWidths: [...sheet.columnWidths],
    freeze: sheet.freeze,
    pageLayout: sheet.pageLayout,
  };
}

describe("plan tabs at scale", () => {
  it("copies look exactly like tabs written in full", async () => {
    const full = await runPlans(new FakeWorkbook({ Roster: rosterRows(10) }), {
      copyLayouts: false,
    });
    const copied = await runPlans(new FakeWorkbook({ Roster: rosterRows(10) }));
    expect(copied.report.copies).toBe(9);
    expect(full.report.copies).toBe(0);
    expect(copied.context.state.names()).toEqual(full.context.state.names());
    for (const tab of copied.prepared.plans!.tabs) {
      const a = full.context.state.sheet(tab.sheet)!;
      const b = copied.context.state.sheet(tab.sheet)!;
      expect(looks(b)).toEqual(looks(a));
    }
    // Far fewer bytes, though at 10 pairs the template and the Pairs sheet still weigh most.
    const total = (bytes: number[]) => bytes.reduce((sum, b) => sum + b, 0);
    expect(total(copied.writeBytes) * 5).toBeLessThan(total(full.writeBytes));
  });

  for (const pairs of [10, 232, 1000]) {
    it(`creates ${pairs} plan tabs with every request under the budget, as estimated`, async () => {
      const run = await runPlans(new FakeWorkbook({ Roster: rosterRows(pairs) }));
      const { context, report, writeBytes } = run;
      expect(context.state.sheets.length).toBe(pairs + 4);
      expect([...planIds(context.state).values()].every((n) => n === 1)).toBe(true);
      expect(planIds(context.state).size).toBe(pairs);
      expect(Math.max(...context.requestBytes)).toBeLessThanOrEqual(defaultRequestBudget);
      expect(context.failures).toEqual([]);
      // The size model against the wire: never short, and close (ids are counted at 7 digits).
      const sent = writeBytes.slice(1);
      expect(report.requests).toHaveLength(sent.length);
      report.requests.forEach((estimate, i) => {
        expect(estimate).toBeGreaterThanOrEqual(sent[i]!);
        expect(estimate).toBeLessThan(sent[i]! * 1.3);
      });
      expect(report.syncs).toBe(writeBytes.length);
      if (pairs === 10) expect(report.syncs).toBe(2);
    }, 120_000);
  }

  it("splits a request refused as too large and creates every tab once", async () => {
    const run = await runPlans(new FakeWorkbook({ Roster: rosterRows(232) }), {
      interrupt: (sync) => (sync === 2 ? { code: "RequestPayloadSizeLimitExceeded" } : undefined),
    });
    expect(run.context.failures.map((f) => f.code)).toEqual(["RequestPayloadSizeLimitExceeded"]);
    expect(run.report.retries).toBe(1);
    expect(run.context.state.sheets.length).toBe(232 + 4);
    const ids = planIds(run.context.state);
    expect(ids.size).toBe(232);
    expect([...ids.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it("after a request times out partway, removes stray copies and finishes every tab once", async () => {
    const clean = await runPlans(new FakeWorkbook({ Roster: rosterRows(12) }));
    const deleted: string[] = [];
    // Cut the request after each action in turn across a few copies: between a copy and its
    // rename, between the rename and its rows, inside the template.
    for (let after = 40; after < 400; after += 11) {
      const run = await runPlans(new FakeWorkbook({ Roster: rosterRows(12) }), {
        interrupt: (sync) => (sync === 2 ? { code: "Timeout", after } : undefined),
      });
      expect(run.context.failures.map((f) => f.code)).toEqual(["Timeout"]);
      expect(run.context.state.names()).toEqual(clean.context.state.names());
      for (const sheet of clean.context.state.sheets)
        expect(looks(run.context.state.sheet(sheet.name)!)).toEqual(looks(sheet));
      deleted.push(...run.context.deleted);
    }
    expect(deleted.length).toBeGreaterThan(0);
  }, 120_000);

  it("names the one tab that cannot fit, and a second click finishes without duplicates", async () => {
    const workbook = new FakeWorkbook({ Roster: rosterRows(30) });
    const refused = runPlans(workbook, {
      interrupt: (sync) => (sync >= 2 ? { code: "RequestPayloadSizeLimitExceeded" } : undefined),
    });
    await expect(refused).rejects.toThrow(SheetNotWrittenError);
    await expect(refused).rejects.toThrow(/"Pairs"/);

    // A first click that gets partway before Excel keeps timing out on one tab.
    const partial = await runPlans(workbook, {
      interrupt: (sync, bytes) =>
        sync >= 4 && bytes > 2000 ? { code: "Timeout", after: 0 } : undefined,
      requestBudget: 60_000,
    }).catch((error: unknown) => error);
    expect(partial).toBeInstanceOf(SheetNotWrittenError);
    const before = planIds(workbook).size;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(30);

    const second = await runPlans(workbook);
    expect(second.context.failures).toEqual([]);
    const ids = planIds(workbook);
    expect(ids.size).toBe(30);
    expect([...ids.values()].every((n) => n === 1)).toBe(true);
    expect(workbook.sheets.length).toBe(30 + 4);
  }, 60_000);

  it("keeps typed answers through a re-run at 1,000 pairs, every request under the budget", async () => {
    const first = await runPlans(new FakeWorkbook({ Roster: rosterRows(1000) }));
    const workbook = first.context.state;
    const typed: { sheet: string; key: string; text: string }[] = [];
    for (const tab of first.prepared.plans!.tabs.filter((_, i) => i % 97 === 0)) {
      const sheet = workbook.sheet(tab.sheet)!;
      const answers = [...sheet.cells].filter(
        ([, cell]) => cell.format["fill.color"] === "#FFFBEA",
      );
      expect(answers.length).toBeGreaterThan(10);
      const [key, cell] = answers[3]!;
      cell.value = `Answer in ${tab.sheet}`;
      typed.push({ sheet: tab.sheet, key, text: cell.value });
    }
    const second = await runPlans(workbook);
    expect(workbook.sheets.length).toBe(1004);
    for (const { sheet, key, text } of typed)
      expect(workbook.sheet(sheet)!.cells.get(key)?.value).toBe(text);
    expect(Math.max(...second.context.requestBytes)).toBeLessThanOrEqual(defaultRequestBudget);
    expect(second.report.copies).toBe(0);
  }, 180_000);
});
