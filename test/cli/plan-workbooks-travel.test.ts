/**
 * Additional plan workbooks travel with their main workbook: `run <x-matched.xlsx> --out
 * <another folder>` writes them there too (refreshed, typed answers kept), so every Pairs link
 * reaches its tab and a following `plans --in-place` never creates a tab again.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli, examplePath } from "../helpers/cli.js";

const question = "What are the specific outcomes that are desired from this relationship?";

function findRow(sheet: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).text === label) return r;
  return -1;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The Pairs sheet's links into other workbooks: file and tab name. */
async function planLinks(main: string): Promise<{ file: string; sheet: string }[]> {
  const pairs = (await load(main)).getWorksheet("Pairs")!;
  const links: { file: string; sheet: string }[] = [];
  pairs.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as { hyperlink?: string } | null;
      const match =
        value !== null && typeof value === "object" && typeof value.hyperlink === "string"
          ? /^([^#]+)#'?(.*?)'?!A1$/.exec(value.hyperlink)
          : null;
      if (match !== null) links.push({ file: match[1]!, sheet: match[2]!.replace(/''/g, "'") });
    }),
  );
  return links;
}

describe("run into another folder on a workbook with additional plan workbooks", () => {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-travel-"));
  const first = join(work, "first");
  const second = join(work, "second");
  /** Tab → typed answer, in the additional workbooks. */
  const typed = new Map<string, string>();

  beforeAll(async () => {
    const budget = ["--tab-budget", "20"];
    expect(
      cli(
        "run",
        examplePath("medicine-roster.xlsx"),
        "--out",
        first,
        "--today",
        "2026-11-23",
        ...budget,
      ).status,
    ).toBe(0);
    for (const file of [
      "medicine-roster-action-plans-2.xlsx",
      "medicine-roster-action-plans-3.xlsx",
    ]) {
      const path = join(first, file);
      const workbook = await load(path);
      const sheet = workbook.worksheets.find((candidate) => findRow(candidate, question) > 0)!;
      const answer = `Typed in ${file}: a K23 by June`;
      sheet.getCell(findRow(sheet, question), 2).value = answer;
      typed.set(`${file}#${sheet.name}`, answer);
      await workbook.xlsx.writeFile(path);
    }
    const rerun = cli(
      "run",
      join(first, "medicine-roster-matched.xlsx"),
      "--out",
      second,
      "--today",
      "2026-12-01",
      ...budget,
    );
    expect(rerun.stderr).toBe("");
    expect(rerun.status).toBe(0);
  }, 300_000);

  it("writes every additional workbook the Pairs sheet links to into the new folder", async () => {
    const links = await planLinks(join(second, "medicine-roster-matched.xlsx"));
    expect(links.length).toBeGreaterThan(0);
    for (const { file, sheet } of links) {
      expect(existsSync(join(second, file)), file).toBe(true);
      expect(
        (await load(join(second, file))).getWorksheet(sheet),
        `${file}#${sheet}`,
      ).toBeDefined();
    }
  });

  it("keeps every typed answer where the links lead", async () => {
    for (const [place, answer] of typed) {
      const [file, tab] = place.split("#") as [string, string];
      const sheet = (await load(join(second, file))).getWorksheet(tab)!;
      expect(sheet.getCell(findRow(sheet, question), 2).text).toBe(answer);
    }
  });

  it("lets plans --in-place in the new folder find every tab instead of creating it again", () => {
    const plans = cli(
      "plans",
      join(second, "medicine-roster-matched.xlsx"),
      "--in-place",
      "--json",
      "--today",
      "2026-12-02",
      "--tab-budget",
      "20",
    );
    expect(plans.status).toBe(0);
    const report = JSON.parse(plans.stdout) as { tabs: { status: string }[] };
    expect(report.tabs.filter((tab) => tab.status === "created")).toEqual([]);
    expect(report.tabs.length).toBe(40);
  }, 120_000);
});
