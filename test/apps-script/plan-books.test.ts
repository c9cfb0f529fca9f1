/**
 * More pairs than the roster spreadsheet has room for (420 pairs, the real budget of 190
 * sheets): the tabs past it go into additional plan spreadsheets in the program folder,
 * created with Drive and written with the Sheets API; the Pairs sheet links every pair to its
 * tab; re-runs find those tabs again (typed answers kept, facts refreshed, ended tabs marked,
 * nothing created twice); a run that continues from triggers or is killed mid-way and run
 * again ends exactly where an uninterrupted run ends.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, WorkbookSnapshot } from "../../shared/index.js";
import { pushedProject, World } from "./fakes/world.js";
import { maxSheets, sheetGrid, type ApiBook, type ApiSheet } from "./fakes/sheets-api.js";
import type { DriveFile } from "./fakes/drive-docs.js";

const rosterName = "Big roster";
const start = Date.parse("2026-11-23T14:05:00Z");
const mentees = 420;
const mentors = 220;

/** 220 mentors taking two mentees each, 420 mentees: 420 pairs, 420 action-plan tabs. */
function bigRoster(menteeCount = mentees): WorkbookSnapshot {
  const divisions = ["Cardiology", "Endocrine", "Nephrology", "Oncology", "Pulmonary"];
  const topics = ["health equity", "quality improvement", "imaging", "education", "global health"];
  const rows: CellValue[][] = [
    [
      "Name (Last, First)",
      "Academic Rank",
      "Division",
      "Email Address",
      "Participating as",
      "Max # mentees",
      "Research / Clinical Interests",
    ],
  ];
  for (let i = 0; i < mentors; i++)
    rows.push([
      `Mentor${i}, Alex`,
      "Professor",
      divisions[i % 5]!,
      `mentor${i}@example.org`,
      "Mentor",
      2,
      topics[i % 5]!,
    ]);
  for (let i = 0; i < menteeCount; i++)
    rows.push([
      `Mentee${i}, Sam`,
      "Assistant Professor",
      divisions[i % 5]!,
      `mentee${i}@example.org`,
      "Mentee",
      null,
      topics[(i * 3) % 5]!,
    ]);
  return { sheets: [{ name: "Roster", rows }] };
}

async function bigWorld(menteeCount = mentees): Promise<World> {
  const world = new World(await pushedProject(), bigRoster(menteeCount), rosterName);
  world.runtime.now = start;
  return world;
}

function books(world: World): (DriveFile & { book: ApiBook })[] {
  return world.drive
    .spreadsheets()
    .map((file) => file as DriveFile & { book: ApiBook })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function planIdOf(rows: readonly (readonly unknown[])[]): string | null {
  const row = rows.slice(0, 8).find((cells) => cells[0] === "Plan ID");
  return row === undefined ? null : String(row[1]);
}

/** Where each Plan ID's tab is: "" for the roster spreadsheet, else the book's name. */
function tabsByPlanId(world: World): Map<string, { file: string; sheet: string }[]> {
  const found = new Map<string, { file: string; sheet: string }[]>();
  const add = (id: string | null, file: string, sheet: string) => {
    if (id === null) return;
    found.set(id, [...(found.get(id) ?? []), { file, sheet }]);
  };
  for (const sheet of world.spreadsheet.sheets) add(planIdOf(sheet.grid()), "", sheet.name);
  for (const file of books(world))
    for (const sheet of file.book.sheets) add(planIdOf(sheetGrid(sheet)), file.name, sheet.title);
  return found;
}

function answerCells(sheet: ApiSheet): [number, number][] {
  const cells: [number, number][] = [];
  sheet.cells.forEach((row, r) =>
    (row ?? []).forEach((cell, c) => {
      const fill = (cell?.format?.["backgroundColorStyle"] as { rgbColor?: { blue?: number } })
        ?.rgbColor;
      // The answer fill (#fffbea): the only style with that much blue and no border-less look.
      if (fill !== undefined && cell?.format?.["borders"] !== undefined && fill.blue! > 0.9)
        cells.push([r, c]);
    }),
  );
  return cells;
}

function runPlans(world: World): void {
  world.runtime.now = start;
  const result = world.run("menuCreateActionPlans");
  expect(result.error).toBeUndefined();
  expect(world.lastAlert().title).toBe("Create action-plan tabs: done");
}

const reference = (async () => {
  const world = await bigWorld();
  const before = world.runtime.calls;
  runPlans(world);
  return {
    world,
    calls: world.runtime.calls - before,
    batchCalls: [...world.sheetsApi.batchCalls],
    state: world.state(),
  };
})();

describe("more action-plan tabs than the roster spreadsheet holds", () => {
  it("puts the rest in additional spreadsheets in the program folder, linked from Pairs", async () => {
    const { world } = await reference;
    const main = world.spreadsheet.sheets;
    expect(main.length).toBeLessThanOrEqual(190);
    const files = books(world);
    expect(files.map((file) => file.name)).toEqual([
      `${rosterName} – action plans 2`,
      `${rosterName} – action plans 3`,
    ]);
    const folder = world.properties.values.get("mentorMatch.folder")!;
    expect(world.drive.files.get(folder)!.mimeType).toBe("application/vnd.google-apps.folder");
    for (const file of files) {
      expect(file.parents).toEqual([folder]);
      expect(file.book.sheets.length).toBeLessThanOrEqual(maxSheets);
      // The new file's empty first sheet is gone; every sheet is a plan tab.
      for (const sheet of file.book.sheets) expect(planIdOf(sheetGrid(sheet))).not.toBeNull();
      expect(file.book.sheets[0]!.frozenRowCount).toBe(1);
      expect(file.book.sheets[0]!.merges.length).toBeGreaterThan(5);
    }
    // The roster spreadsheet: Roster, Pairs, Issues, Program and tabs.
    expect(files.map((file) => file.book.sheets.length)).toEqual([
      190,
      mentees - 190 - (main.length - 4),
    ]);

    // One tab per pair, once.
    const tabs = tabsByPlanId(world);
    expect(tabs.size).toBe(mentees);
    for (const [id, places] of tabs) expect(places, id).toHaveLength(1);

    // Every pair's row in Pairs links to its tab, wherever it is.
    const pairs = world.spreadsheet.sheet("Pairs")!;
    const header = pairs.grid()[0]!;
    const planColumn = header.indexOf("Action plan");
    const idColumn = header.indexOf("Pair ID");
    const ids = new Map(files.map((file) => [file.id, file]));
    let linked = 0;
    pairs.grid().forEach((row, r) => {
      if (r === 0 || row[idColumn] === "") return;
      const place = tabs.get(String(row[idColumn]))![0]!;
      const link = pairs.peek(r, planColumn)?.link;
      expect(link, `Pairs row ${r + 1}`).toBeDefined();
      if (place.file === "") {
        expect(row[planColumn]).toBe(place.sheet);
        expect(link).toBe(`#gid=${world.spreadsheet.sheet(place.sheet)!.id}&range=A1`);
      } else {
        expect(row[planColumn]).toBe(`${place.file} › ${place.sheet}`);
        const match =
          /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([^/]+)\/edit#gid=(\d+)$/.exec(link!);
        expect(match, link).not.toBeNull();
        const file = ids.get(match![1]!)!;
        expect(file.name).toBe(place.file);
        expect(file.book.sheets.find((s) => s.sheetId === Number(match![2]))?.title).toBe(
          place.sheet,
        );
      }
      linked++;
    });
    expect(linked).toBe(mentees);

    // Text written through the API stays text; nothing became a formula.
    for (const file of files)
      for (const sheet of file.book.sheets)
        for (const row of sheet.cells)
          for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();

    const message = world.lastAlert().text;
    expect(message).toMatch(/Action plans: 420 tabs created/);
    expect(message).toContain(`190 new in “${rosterName} – action plans 2”`);
    expect(message).toContain(
      `${files[1]!.book.sheets.length} new in “${rosterName} – action plans 3”`,
    );
    expect(message).not.toMatch(/do not fit in this spreadsheet .* not created/);

    // Few, bounded API calls: one batchUpdate per step of 10 tabs, each well below 2 MB.
    for (const file of files) {
      const batches = world.sheetsApi.batches.get(file.id)!;
      expect(batches.length).toBe(Math.ceil(file.book.sheets.length / 10));
      for (const requests of batches)
        expect(JSON.stringify({ requests }).length).toBeLessThan(1_000_000);
    }
  });

  it("keep typed answers in an additional spreadsheet, refresh its facts and create nothing twice, even after a rename", async () => {
    const world = await bigWorld();
    runPlans(world);
    const [book2] = books(world);
    const tab = book2!.book.sheets[7]!;
    const answers = answerCells(tab);
    expect(answers.length).toBeGreaterThan(5);
    for (const [r, c] of answers) tab.cells[r]![c]!.value = `typed ${r},${c}`;
    // A fact edited by hand is put back; the answers are not.
    const mentee = sheetGrid(tab).findIndex((row) => row[0] === "Mentee");
    const menteeName = tab.cells[mentee]![1]!.value;
    tab.cells[mentee]![1]!.value = "someone else";
    const files = [...world.drive.files.keys()];
    const sheetCounts = books(world).map((file) => file.book.sheets.length);
    // Renamed since: the spreadsheets are found by their saved ids, not by the new name.
    Object.assign(world.spreadsheet, { name: "Renamed roster" });

    runPlans(world);
    expect(world.lastAlert().text).toMatch(/Action plans: 0 tabs created, 1 updates/);
    for (const [r, c] of answers) expect(tab.cells[r]![c]!.value).toBe(`typed ${r},${c}`);
    expect(books(world)[0]!.book.sheets[7]).toBeDefined();
    const again = books(world)[0]!.book.sheets.find((s) => s.title === tab.title)!;
    for (const [r, c] of answers) expect(again.cells[r]![c]!.value).toBe(`typed ${r},${c}`);
    expect(again.cells[mentee]![1]!.value).toBe(menteeName);
    expect([...world.drive.files.keys()]).toEqual(files);
    expect(books(world).map((file) => file.book.sheets.length)).toEqual(sheetCounts);
    for (const [id, places] of tabsByPlanId(world)) expect(places, id).toHaveLength(1);
  });

  it("mark a tab in an additional spreadsheet as ended when its pair is gone", async () => {
    const world = await bigWorld();
    runPlans(world);
    const last = [...tabsByPlanId(world)].find(([, places]) =>
      places[0]!.file.endsWith("action plans 3"),
    )!;
    // Fewer mentees: some pairs end (their tabs stay, marked), none is created twice.
    const roster = world.spreadsheet.sheet("Roster")!;
    const rows = roster.cells.length;
    roster.cells = roster.cells.slice(0, rows - 10);
    runPlans(world);
    const tabs = tabsByPlanId(world);
    for (const [id, places] of tabs) expect(places, id).toHaveLength(1);
    const ended = books(world).flatMap((file) =>
      file.book.sheets.filter((sheet) =>
        sheetGrid(sheet).some(
          (row) => row[0] === "Plan ID" && /^Ended 2026-11-23/.test(String(row[3])),
        ),
      ),
    );
    expect(ended.length).toBeGreaterThan(0);
    expect(tabs.has(last[0])).toBe(true);
  });

  it("end as an uninterrupted run when continued from triggers or killed and run again", async () => {
    const { state, calls, batchCalls } = await reference;
    // Slow calls: about three executions of four minutes.
    const slow = await bigWorld();
    slow.runtime.msPerCall = Math.ceil(240_000 / (calls / 3));
    expect(slow.run("menuCreateActionPlans").error).toBeUndefined();
    expect(slow.lastAlert().title).toMatch(/continuing$/);
    expect(slow.fireTriggers()).toBeGreaterThan(1);
    expect(slow.properties.values.has("mentorMatch.job")).toBe(false);
    expect(slow.state()).toEqual(state);

    // Killed among the roster's tabs; at the 4th batchUpdate of the second spreadsheet; when
    // the third has just been created but its id not saved yet (found again by its name in
    // the folder), three calls before its first batchUpdate; and near the very end.
    const book3 = Math.ceil(190 / 10);
    const kills = [Math.floor(calls * 0.5), batchCalls[3]!, batchCalls[book3]! - 3, calls - 5];
    for (const killAtCall of kills) {
      const world = await bigWorld();
      world.runtime.killAtCall = killAtCall;
      expect(world.run("menuCreateActionPlans").killed).toBe(true);
      if (killAtCall === batchCalls[book3]! - 3) {
        expect(books(world)).toHaveLength(2);
        const saved = [...world.properties.values.keys()].filter((key) =>
          key.startsWith("mentorMatch.planBook."),
        );
        expect(saved).toHaveLength(1);
      }
      world.runtime.killAtCall = null;
      runPlans(world);
      expect(world.state(), `killed at call ${killAtCall}`).toEqual(state);
    }
  });
});
