/**
 * The Office.js adapter against the strict in-memory Excel (fake-excel.ts): round trips stay
 * constant as the roster grows, large writes split under 5 MB, hostile text stays text, and
 * nothing outside the patch is touched.
 */
import { describe, expect, it } from "vitest";
import { defaultFormTemplates, prepareWorkbook, type Patch } from "../../shared/index.js";
import { readSnapshot } from "../../excel-addin/src/office/read-snapshot.js";
import { applyPatch } from "../../excel-addin/src/office/apply-patch.js";
import { IllegalSheetNameError } from "../../excel-addin/src/office/sheet-names.js";
import { defaultRequestBudget } from "../../excel-addin/src/office/payload.js";
import { FakeContext, FakeWorkbook, payloadLimit } from "./fake-excel.js";
import { hostileName, rosterRows } from "./roster-rows.js";

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

/** One whole job as the pane runs it: read, prepare (match, plans, forms), apply. */
async function runJob(workbook: FakeWorkbook, steps = { plans: true }) {
  const context = new FakeContext(workbook);
  const snapshot = await readSnapshot(asExcel(context));
  const readSyncs = context.syncs;
  const prepared = prepareWorkbook({
    snapshot,
    today: "2026-08-15",
    now: "2026-08-15T10:00:00Z",
    ...(steps.plans ? { plans: { planWorkbookName: (n: number) => `Action plans ${n}` } } : {}),
    forms: { templates: defaultFormTemplates },
  });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const report = await applyPatch(asExcel(context), prepared.patch);
  return { context, prepared, readSyncs, writeSyncs: context.syncs - readSyncs, report };
}

describe("round trips", () => {
  it("matches with the same number of context.sync() calls for 10 and 500 pairs", async () => {
    const small = await runJob(new FakeWorkbook({ Roster: rosterRows(10) }), { plans: false });
    const large = await runJob(new FakeWorkbook({ Roster: rosterRows(500) }), { plans: false });

    expect(small.prepared.matched.match.pairs).toHaveLength(10);
    expect(large.prepared.matched.match.pairs).toHaveLength(500);
    expect(large.context.state.names()).toEqual(["Roster", "Pairs", "Issues", "Program", "Forms"]);
    expect(small.readSyncs).toBe(3);
    expect(large.readSyncs).toBe(3);
    expect(small.writeSyncs).toBe(2);
    expect(large.writeSyncs).toBe(2);
    expect(large.report.syncs).toBe(large.writeSyncs);
  });

  it("creates 500 plan tabs in a few requests, never one per tab", async () => {
    const small = await runJob(new FakeWorkbook({ Roster: rosterRows(10) }), { plans: true });
    const large = await runJob(new FakeWorkbook({ Roster: rosterRows(500) }), { plans: true });
    // 10 plan tabs + Roster, Pairs, Issues, Program, Forms; and 500 + 5.
    expect(small.context.state.sheets.length).toBe(15);
    expect(large.context.state.sheets.length).toBe(505);
    expect(small.readSyncs).toBe(3);
    expect(large.readSyncs).toBe(3);
    expect(small.writeSyncs).toBe(2);
    // Tabs copied from one template: a request carries up to 100 of them, well under budget.
    const { requests } = large.report;
    expect(large.writeSyncs).toBe(1 + requests.length);
    expect(large.report.copies).toBe(499);
    expect(Math.max(...large.context.requestBytes)).toBeLessThan(defaultRequestBudget);
    expect(requests.length).toBeLessThanOrEqual(6);
  });

  it("re-runs from what it wrote: answers typed in a plan tab survive, still a constant count", async () => {
    const first = await runJob(new FakeWorkbook({ Roster: rosterRows(10) }));
    const workbook = first.context.state;
    const tab = first.prepared.plans!.tabs[0]!;
    const sheet = workbook.sheet(tab.sheet)!;
    const answer = [...sheet.cells.entries()].find(([, cell]) => cell.format["fill.color"]);
    expect(answer).toBeDefined();
    answer![1].value = "Publish two papers";

    const second = await runJob(workbook);
    expect(second.readSyncs).toBe(3);
    expect(second.writeSyncs).toBe(2);
    expect(workbook.sheet(tab.sheet)!.cells.get(answer![0])?.value).toBe("Publish two papers");
    expect(workbook.sheets.length).toBe(15);
  });
});

describe("text stays text", () => {
  it("writes a hostile =HYPERLINK(…) name as text under the text format", async () => {
    const { context } = await runJob(new FakeWorkbook({ Roster: rosterRows(10) }));
    const pairs = context.state.sheet("Pairs")!;
    const cells = [...pairs.cells.values()].filter((cell) => cell.value === hostileName);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.formula).toBeUndefined();
      expect(cell.numberFormat).toBe("@");
    }
    const everywhere = context.state.sheets.flatMap((s) => [...s.cells.values()]);
    expect(everywhere.filter((cell) => cell.formula !== undefined)).toEqual([]);
  });

  it("the fake takes such text for a formula without the text format (the test has teeth)", async () => {
    const context = new FakeContext(new FakeWorkbook({ Sheet1: [["x"]] }));
    const range = asExcel(context).workbook.worksheets.getItem("Sheet1").getRange("B2");
    range.values = [[hostileName]];
    await context.sync();
    expect(context.state.sheet("Sheet1")!.cell(1, 1)?.formula).toBe(hostileName);
  });

  it("keeps numbers, dates and look-alike text apart on the way out and back", async () => {
    const workbook = new FakeWorkbook({});
    const context = new FakeContext(workbook);
    const date = new Date(Date.UTC(2026, 8, 1));
    await applyPatch(asExcel(context), {
      ops: [
        {
          op: "setSheet",
          sheet: "Mixed",
          rows: [["00123", 42, date, true, "+1", "-x", "@home", "2026-09-01", null, ""]],
        },
      ],
    });
    const snapshot = await readSnapshot(asExcel(context));
    expect(snapshot.sheets[0]!.rows[0]).toEqual([
      "00123",
      42,
      date,
      true,
      "+1",
      "-x",
      "@home",
      "2026-09-01",
    ]);
  });
});

describe("payload limit", () => {
  it("splits a write over 5 MB into requests that each fit, and reads it back in chunks", async () => {
    const rows = Array.from({ length: 40_000 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => `row ${r} column ${c} — ${"x".repeat(12)}`),
    );
    const workbook = new FakeWorkbook({});
    const context = new FakeContext(workbook);
    const report = await applyPatch(asExcel(context), {
      ops: [{ op: "setSheet", sheet: "Big", rows }],
    });
    const total = report.requests.reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBeGreaterThan(payloadLimit);
    expect(report.requests.length).toBeGreaterThan(1);
    expect(Math.max(...context.requestBytes)).toBeLessThanOrEqual(payloadLimit);
    expect(context.syncs).toBe(report.syncs);
    const big = workbook.sheet("Big")!;
    expect(big.cell(39_999, 5)?.value).toBe(rows[39_999]![5]);
    expect(big.cells.size).toBe(240_000);

    const reader = new FakeContext(workbook);
    const snapshot = await readSnapshot(asExcel(reader));
    expect(snapshot.sheets[0]!.rows).toEqual(rows);
    expect(reader.syncs).toBeGreaterThan(3);
    expect(Math.max(...reader.responseBytes)).toBeLessThanOrEqual(payloadLimit);
  });
});

describe("what is touched", () => {
  it("writeCells changes only its block; values, formats and other sheets stay", async () => {
    const workbook = new FakeWorkbook({
      Forms: [
        ["Chair", "Chair e-mail", "Faculty", "Faculty e-mail", "File", "Generated at", "Sent on"],
        ["Kim", "kim@x.org", "Lee", "lee@x.org", "Forms – Kim.docx", "2026-01-01", "Jan 3"],
      ],
      Notes: [["mine"]],
    });
    workbook.sheet("Forms")!.cell(1, 6)!.format["fill.color"] = "#FF0000";
    const before = JSON.stringify([...workbook.sheet("Forms")!.cells]);
    const context = new FakeContext(workbook);
    await applyPatch(asExcel(context), {
      ops: [{ op: "writeCells", sheet: "Forms", row: 2, column: 0, values: [["Rao", null, "Ng"]] }],
    });
    const forms = workbook.sheet("Forms")!;
    expect(forms.rowText(2)).toBe("Rao |  | Ng |  |  |  | ");
    const after = [...forms.cells].filter(([key]) => !key.startsWith("2,"));
    expect(JSON.stringify(after)).toBe(before);
    expect(workbook.sheet("Notes")!.grid()).toEqual([["mine"]]);
  });

  it("refuses a patch with an illegal sheet name before writing anything", async () => {
    const workbook = new FakeWorkbook({ Roster: [["Name"]] });
    const context = new FakeContext(workbook);
    const patch: Patch = {
      ops: [
        { op: "setSheet", sheet: "Pairs", rows: [["a"]] },
        { op: "setSheet", sheet: "Lee: Rao", rows: [["b"]] },
      ],
    };
    await expect(applyPatch(asExcel(context), patch)).rejects.toThrow(IllegalSheetNameError);
    expect(context.syncs).toBe(0);
    expect(workbook.names()).toEqual(["Roster"]);
  });

  it("replaces a sheet it owns in place, keeping its position, and adds new ones at the end", async () => {
    const workbook = new FakeWorkbook({ Roster: [["Name"]], Pairs: [["old"], ["stale", "x"]] });
    workbook.sheet("Pairs")!.merges = [{ top: 0, left: 0, bottom: 0, right: 1 }];
    const context = new FakeContext(workbook);
    await applyPatch(asExcel(context), {
      ops: [
        { op: "setSheet", sheet: "pairs", rows: [["Mentee", "Mentor"]], format: { freezeRows: 1 } },
        { op: "setSheet", sheet: "Issues", rows: [["Severity"]] },
      ],
    });
    expect(workbook.names()).toEqual(["Roster", "Pairs", "Issues"]);
    expect(workbook.sheet("Pairs")!.grid()).toEqual([["Mentee", "Mentor"]]);
    expect(workbook.sheet("Pairs")!.merges).toEqual([]);
    expect(workbook.sheet("Pairs")!.freeze).toEqual({ rows: 1, columns: 0 });
  });
});

describe("the fake keeps the load/sync contract", () => {
  it("sends each sync as a RichApi body: actions on object paths, each path sent once", async () => {
    const context = new FakeContext(new FakeWorkbook({ Sheet1: [["a"]] }));
    context.keepBodies = true;
    const sheet = asExcel(context).workbook.worksheets.getItem("Sheet1");
    const range = sheet.getRangeByIndexes(0, 0, 1, 2);
    range.format.fill.color = "#FFFBEA";
    range.format.font.bold = true;
    range.values = [["x", "y"]];
    await context.sync();
    const body = JSON.parse(context.bodies[0]!) as {
      Actions: { ActionType: number; Name: string; ObjectPathId: number }[];
      ObjectPaths: Record<string, { Name: string; ParentObjectPathId?: number }>;
    };
    expect(context.requestBytes[0]).toBe(new TextEncoder().encode(context.bodies[0]).length);
    const names = Object.values(body.ObjectPaths).map((path) => path.Name);
    expect(names).toEqual(["", "Worksheets", "", "GetRangeByIndexes", "Format", "Fill", "Font"]);
    expect(body.Actions.filter((a) => a.ActionType === 4).map((a) => a.Name)).toEqual([
      "Color",
      "Bold",
      "Values",
    ]);
    for (const action of body.Actions) expect(body.ObjectPaths[action.ObjectPathId]).toBeDefined();
  });

  it("throws when a property is read before its load is synced", async () => {
    const context = new FakeContext(new FakeWorkbook({ Sheet1: [["a"]] }));
    const range = asExcel(context).workbook.worksheets.getItem("Sheet1").getRange("A1");
    expect(() => range.values).toThrow(/not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([["a"]]);
  });
});
