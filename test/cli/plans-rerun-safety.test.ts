/**
 * Re-run safety on a real .xlsx: answers typed into several action-plan tabs survive a roster
 * change (a new mentee, a person removed, a pair rejected) and a renamed tab, and ended pairs
 * keep their tab. LibreOffice opens the result as a second, independent client.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli, examplePath } from "../helpers/cli.js";

const question = "What are the specific outcomes that are desired from this relationship?";

function findRow(sheet: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).text === label) return r;
  return -1;
}
function planId(sheet: ExcelJS.Worksheet): string | null {
  const row = findRow(sheet, "Plan ID");
  return row < 0 ? null : sheet.getCell(row, 2).text;
}
async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}
function plans(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Worksheet> {
  return new Map(
    workbook.worksheets.flatMap((sheet) =>
      planId(sheet) === null ? [] : [[planId(sheet)!, sheet] as const],
    ),
  );
}

describe("re-running on a workbook whose pairs have typed into their tabs", () => {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-plans-"));
  const first = join(work, "first");
  const second = join(work, "second");
  const typed = new Map<string, string>();
  let renamedId = "";
  let removedPairId = "";
  let rejectedPairId = "";

  beforeAll(async () => {
    expect(
      cli("run", examplePath("medicine-roster.xlsx"), "--out", first, "--today", "2026-11-23")
        .status,
    ).toBe(0);
    const path = join(first, "medicine-roster-matched.xlsx");
    const workbook = await load(path);
    const tabs = [...plans(workbook)];
    expect(tabs.length).toBeGreaterThan(30);

    // Answers in five tabs, one of them renamed by the pair.
    for (const [id, sheet] of tabs.slice(0, 5)) {
      const row = findRow(sheet, question);
      const answer = `Our outcome for ${id}: =submit a K23 by June; "promotion" dossier`;
      sheet.getCell(row, 2).value = answer;
      sheet.getCell(findRow(sheet, "Goal 1:"), 2).value = `Draft aims (${id})`;
      typed.set(id, answer);
    }
    renamedId = tabs[0]![0];
    tabs[0]![1].name = "Our plan";

    // Roster changes: a new mentee; the person of the second typed tab leaves; the third pair is rejected.
    const roster = workbook.getWorksheet("Roster")!;
    const pairsSheet = workbook.getWorksheet("Pairs")!;
    const header = (pairsSheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const rowOf = (id: string) => {
      for (let r = 2; r <= pairsSheet.rowCount; r++)
        if (pairsSheet.getCell(r, col("Pair ID")).text === id) return r;
      throw new Error(`no pair ${id}`);
    };
    removedPairId = tabs[1]![0];
    const leavingEmail = pairsSheet.getCell(rowOf(removedPairId), col("Mentee e-mail")).text;
    for (let r = 1; r <= roster.rowCount; r++) {
      if (roster.getCell(r, 4).text.toLowerCase() === leavingEmail) roster.spliceRows(r, 1);
    }
    rejectedPairId = tabs[2]![0];
    pairsSheet.getCell(rowOf(rejectedPairId), col("Status")).value = "Rejected";
    roster.insertRow(6, [
      "Newcomer, Nadia",
      "Instructor in Medicine",
      "Cardiology",
      "nadia.newcomer@example.org",
      "Mentee",
      null,
      "heart failure",
    ]);
    await workbook.xlsx.writeFile(path);

    const rerun = cli("run", path, "--out", second, "--today", "2026-12-01");
    expect(rerun.stderr).toBe("");
    expect(rerun.status).toBe(0);
  });

  it("keeps every typed answer, in renamed and ended tabs too", async () => {
    const after = plans(await load(join(second, "medicine-roster-matched.xlsx")));
    for (const [id, answer] of typed) {
      const sheet = after.get(id);
      expect(sheet, id).toBeDefined();
      expect(sheet!.getCell(findRow(sheet!, question), 2).text).toBe(answer);
      expect(sheet!.getCell(findRow(sheet!, question), 2).type).toBe(ExcelJS.ValueType.String);
      expect(sheet!.getCell(findRow(sheet!, "Goal 1:"), 2).text).toBe(`Draft aims (${id})`);
    }
  });

  it("keeps the renamed tab's name and refreshes its facts", async () => {
    const after = plans(await load(join(second, "medicine-roster-matched.xlsx")));
    const sheet = after.get(renamedId)!;
    expect(sheet.name).toBe("Our plan");
    expect(sheet.getCell(findRow(sheet, "Plan ID"), 4).text).toBe("Active");
  });

  it("marks the tabs of pairs that no longer exist as ended, never deleting them", async () => {
    const after = plans(await load(join(second, "medicine-roster-matched.xlsx")));
    for (const id of [removedPairId, rejectedPairId]) {
      const sheet = after.get(id)!;
      expect(sheet.getCell(findRow(sheet, "Plan ID"), 4).text).toBe(
        "Ended 2026-12-01: this pair is no longer in the Pairs sheet",
      );
    }
  });

  it("gives the new mentee a tab, linked from the Pairs sheet", async () => {
    const workbook = await load(join(second, "medicine-roster-matched.xlsx"));
    const pairsSheet = workbook.getWorksheet("Pairs")!;
    const header = (pairsSheet.getRow(1).values as unknown[]).map(String);
    let linkCell: ExcelJS.Cell | null = null;
    for (let r = 2; r <= pairsSheet.rowCount; r++) {
      if (
        pairsSheet.getCell(r, header.indexOf("Mentee e-mail")).text === "nadia.newcomer@example.org"
      )
        linkCell = pairsSheet.getCell(r, header.indexOf("Action plan"));
    }
    expect(linkCell).not.toBeNull();
    const value = linkCell!.value as { text: string; hyperlink: string };
    expect(value.hyperlink).toBe(`#'${value.text}'!A1`);
    expect(workbook.getWorksheet(value.text)).toBeDefined();
  });
});

describe("the tab budget", () => {
  it("puts tabs past the budget into additional plan workbooks, found again on re-run", async () => {
    const work = mkdtempSync(join(tmpdir(), "mentor-match-budget-"));
    expect(
      cli(
        "run",
        examplePath("medicine-roster.xlsx"),
        "--out",
        work,
        "--today",
        "2026-11-23",
        "--tab-budget",
        "20",
      ).status,
    ).toBe(0);
    const main = await load(join(work, "medicine-roster-matched.xlsx"));
    const second = await load(join(work, "medicine-roster-action-plans-2.xlsx"));
    const third = await load(join(work, "medicine-roster-action-plans-3.xlsx"));
    expect(main.worksheets).toHaveLength(20);
    expect(second.worksheets).toHaveLength(20);
    expect(plans(main).size + plans(second).size + plans(third).size).toBe(40);
    const pairsSheet = main.getWorksheet("Pairs")!;
    const links = [] as string[];
    pairsSheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { hyperlink?: string } | null;
        if (value !== null && typeof value === "object" && typeof value.hyperlink === "string")
          links.push(value.hyperlink);
      }),
    );
    expect(links.some((link) => link.startsWith("medicine-roster-action-plans-2.xlsx#"))).toBe(
      true,
    );

    const again = join(work, "again");
    const rerun = cli(
      "run",
      join(work, "medicine-roster-matched.xlsx"),
      "--out",
      again,
      "--today",
      "2026-11-23",
      "--tab-budget",
      "20",
      "--json",
    );
    expect(rerun.status).toBe(0);
    const report = JSON.parse(rerun.stdout) as { tabs: { status: string; file: string | null }[] };
    expect(report.tabs.filter((tab) => tab.status === "created")).toEqual([]);
    expect(
      report.tabs.filter((tab) => tab.file === "medicine-roster-action-plans-3.xlsx").length,
    ).toBeGreaterThan(0);
  });
});
