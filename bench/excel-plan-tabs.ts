/**
 * Excel add-in plan tabs at department scale, against the recording Office.js stand-in of the
 * tests (test/excel-addin/fake-excel.ts), which serialises every request as Office.js does
 * (RichApi actions and object paths) and refuses one over 5 MB. For 10, 232 and 1,000 pairs
 * of a generated institution roster, the plans step is run twice on the same workbook:
 *
 * - "full": every tab written in full, cell formats and all (the add-in before copies);
 * - "copies": one tab written in full per layout, the others copied and given their facts.
 *
 * Prints bytes per plan tab (the job's request bytes less those of the same patch without its
 * tabs, over the tabs), the whole job's requests, syncs and largest request, and the re-run
 * (answers kept) likewise.
 */
import { prepareWorkbook, type Patch } from "../shared/index.js";
import { readSnapshot } from "../excel-addin/src/office/read-snapshot.js";
import { applyPatch } from "../excel-addin/src/office/apply-patch.js";
import { defaultRequestBudget } from "../excel-addin/src/office/payload.js";
import { FakeContext, FakeWorkbook } from "../test/excel-addin/fake-excel.js";
import { institutionRoster } from "./institution-roster.js";

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;
const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

interface Run {
  tabs: number;
  tabBytes: number;
  syncs: number;
  writeRequests: number;
  jobBytes: number;
  largest: number;
}

/** The plans step once, as the add-in runs it: read, prepare, one `applyPatch`. */
async function plansStep(workbook: FakeWorkbook, copyLayouts: boolean): Promise<Run> {
  const context = new FakeContext(workbook);
  const snapshot = await readSnapshot(asExcel(context));
  const prepared = prepareWorkbook({
    snapshot,
    today: "2026-08-15",
    now: "2026-08-15T10:00:00Z",
    plans: { planWorkbookName: (n: number) => `Action plans ${n}` },
  });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const readSyncs = context.syncs;
  await applyPatch(asExcel(context), prepared.patch, { copyLayouts });
  const writes = context.requestBytes.slice(readSyncs);

  // The same patch without its tabs, on a copy of the workbook as it was: what the tabs cost.
  const tabOps = new Set(prepared.plans!.tabOps);
  const sheetsOnly: Patch = { ops: prepared.patch.ops.filter((op) => !tabOps.has(op)) };
  const alone = new FakeContext(new FakeWorkbook(Object.fromEntries(snapshotRows(snapshot))));
  await applyPatch(asExcel(alone), sheetsOnly, { copyLayouts });
  return {
    tabs: prepared.plans!.tabs.filter((tab) => tab.status === "created").length,
    tabBytes: sum(writes) - sum(alone.requestBytes),
    syncs: context.syncs,
    writeRequests: writes.length - 1,
    jobBytes: sum(writes),
    largest: Math.max(...context.requestBytes),
  };
}

/** The sheets a snapshot holds as plain rows (dates as their text: only sizes matter here). */
function snapshotRows(snapshot: {
  sheets: readonly { name: string; rows: readonly (readonly unknown[])[] }[];
}): [string, (string | number | boolean | null)[][]][] {
  return snapshot.sheets.map((sheet) => [
    sheet.name,
    sheet.rows.map((row) =>
      row.map((value) =>
        value instanceof Date
          ? value.toISOString().slice(0, 10)
          : typeof value === "string" || typeof value === "number" || typeof value === "boolean"
            ? value
            : null,
      ),
    ),
  ]);
}

export async function runExcelPlanTabsBenchmark({ quick }: { quick: boolean }): Promise<void> {
  const sizes = quick ? [10, 232] : [10, 232, 1000];
  console.log(
    `Request budget ${mb(defaultRequestBudget)} (Excel on the web refuses over 5 MB). Roster: bench/institution-roster.ts, mentees = mentors = n.\n`,
  );
  console.log(
    "| n | pairs | way | bytes per tab | job requests | syncs | job bytes | largest request | re-run syncs | re-run bytes |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const n of sizes) {
    const roster = institutionRoster(n, n);
    let perTab: Record<string, number> = {};
    for (const copyLayouts of [false, true]) {
      const workbook = new FakeWorkbook({ Roster: roster.rows });
      const first = await plansStep(workbook, copyLayouts);
      const again = await plansStep(workbook, copyLayouts);
      const way = copyLayouts ? "copies" : "full";
      const bytesPerTab = first.tabs === 0 ? 0 : first.tabBytes / first.tabs;
      perTab = { ...perTab, [way]: bytesPerTab };
      console.log(
        `| ${n} | ${first.tabs} | ${way} | ${kb(bytesPerTab)} | ${first.writeRequests} | ${first.syncs} | ${mb(first.jobBytes)} | ${mb(first.largest)} | ${again.syncs} | ${kb(again.jobBytes)} |`,
      );
    }
    console.log(
      `|  |  | full ÷ copies | ${(perTab.full! / perTab.copies!).toFixed(1)}× fewer bytes per tab |  |  |  |  |  |  |`,
    );
  }
  console.log(
    "\nsyncs = every context.sync() of the step (3 to read, 1 to list the sheets, then the write requests).",
  );
}
