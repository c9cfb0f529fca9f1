/**
 * Long jobs and re-runs: a run that reaches its time budget continues from a trigger and ends
 * exactly where an uninterrupted run ends; so does a run killed at an arbitrary call and
 * started again; a second run while one is going changes nothing; re-runs keep typed answers
 * and never duplicate a document.
 */
import { describe, expect, it } from "vitest";
import { World } from "./fakes/world.js";

const medicine = "templates/examples/medicine-roster.xlsx";
const menus = ["menuMatchMentors", "menuCreateActionPlans", "menuMergeConferenceForms"] as const;
const start = Date.parse("2026-11-23T14:05:00Z");
const hour = 3_600_000;

/** Each menu item at a fixed time, so runs that take different time log the same times. */
function at(world: World, index: number): void {
  world.runtime.now = start + index * hour;
}

async function uninterrupted(): Promise<{ state: unknown; calls: number[] }> {
  const world = await World.load(medicine);
  const calls: number[] = [];
  menus.forEach((menu, i) => {
    at(world, i);
    const before = world.runtime.calls;
    expect(world.run(menu).error).toBeUndefined();
    expect(world.lastAlert().title).toMatch(/done$/);
    calls.push(world.runtime.calls - before);
  });
  return { state: world.state(), calls };
}

const reference = uninterrupted();

describe("long jobs", () => {
  it("stop before the time limit, continue from a trigger and end as an uninterrupted run", async () => {
    const { state, calls } = await reference;
    const world = await World.load(medicine);
    let executions = 0;
    menus.forEach((menu, i) => {
      at(world, i);
      // Slow enough that the long items need about three executions of four minutes
      // (matching alone is three writes: it cannot be split and need not be).
      // Forms take two: one chair's document is one step and must fit in one execution.
      world.runtime.msPerCall = i === 0 ? 1 : Math.ceil(240_000 / (calls[i]! / (i === 1 ? 3 : 2)));
      const first = world.run(menu);
      expect(first.error, menu).toBeUndefined();
      expect(first.killed).toBe(false);
      if (i > 0) {
        expect(world.lastAlert().title).toMatch(/continuing$/);
        expect(world.scriptApp.triggers).toHaveLength(1);
        // Progress is saved for the sidebar.
        const progress = world.run("getProgress").value as { done: number; total: number };
        expect(progress.done).toBeGreaterThan(0);
        expect(progress.done).toBeLessThan(progress.total);
      }
      executions += 1 + world.fireTriggers();
    });
    expect(executions).toBeGreaterThan(menus.length + 2);
    expect(world.state()).toEqual(state);
  });

  it("reach the same end state when an execution is killed at any point and run again", async () => {
    const { state, calls } = await reference;
    for (const fraction of [0.02, 0.5, 0.97]) {
      const world = await World.load(medicine);
      menus.forEach((menu, i) => {
        at(world, i);
        world.runtime.killAtCall = Math.max(1, Math.floor(calls[i]! * fraction));
        const killed = world.run(menu);
        expect(killed.killed, `${menu} at ${fraction}`).toBe(true);
        world.runtime.killAtCall = null;
        at(world, i);
        const again = world.run(menu);
        expect(again.error, `${menu} at ${fraction}`).toBeUndefined();
        world.fireTriggers();
      });
      expect(world.state(), `killed at ${fraction} of each item`).toEqual(state);
    }
  });
});

describe("one run at a time", () => {
  it("refuses a run while another holds the lock, and changes nothing", async () => {
    const world = await World.load(medicine);
    world.run("menuMatchMentors");
    const before = JSON.stringify(world.state());
    world.runtime.lockHolder = "other";
    const refused = world.run("menuCreateActionPlans");
    expect(refused.error).toBeUndefined();
    expect(world.lastAlert().title).toBe("Another run is going");
    expect(world.lastAlert().text).toMatch(/Nothing was changed/);
    expect(JSON.stringify(world.state())).toBe(before);
  });

  it("refuses another action while a job is continuing, then finishes the job", async () => {
    const { calls } = await reference;
    const world = await World.load(medicine);
    world.runtime.msPerCall = Math.ceil(240_000 / (calls[1]! / 3));
    world.run("menuCreateActionPlans");
    expect(world.lastAlert().title).toMatch(/continuing$/);
    const before = JSON.stringify(world.state());
    world.run("menuMergeConferenceForms");
    expect(world.lastAlert().title).toBe("Another run is going");
    expect(world.lastAlert().text).toMatch(/Create action-plan tabs.*continues by itself/);
    expect(JSON.stringify(world.state())).toBe(before);
    world.fireTriggers();
    expect(world.scriptApp.triggers).toEqual([]);
    expect(world.properties.values.has("mentorMatch.job")).toBe(false);
  });
});

describe("re-runs", () => {
  it("keep typed answers and never duplicate a document", async () => {
    const world = await World.load(medicine);
    menus.forEach((menu) => world.run(menu));
    const tab = world.spreadsheet.sheets.find((sheet) => sheet.name.includes(" – "))!;
    const answers: [number, number][] = [];
    tab.cells.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (cell?.style["background"] === "#fffbea") answers.push([r, c]);
      }),
    );
    expect(answers.length).toBeGreaterThan(3);
    for (const [r, c] of answers) tab.cell(r, c).value = `typed ${r},${c}`;
    const files = [...world.drive.files.keys()];
    const logRows = world.spreadsheet.sheet("Forms")!.grid().length;

    menus.forEach((menu) => {
      expect(world.run(menu).error).toBeUndefined();
    });
    expect(world.lastAlert().text).toMatch(/every faculty member already has theirs/);
    for (const [r, c] of answers) expect(tab.cell(r, c).value).toBe(`typed ${r},${c}`);
    expect([...world.drive.files.keys()]).toEqual(files);
    expect(world.spreadsheet.sheet("Forms")!.grid()).toHaveLength(logRows);
    expect(world.spreadsheet.sheets.filter((sheet) => /\(2\)$/.test(sheet.name))).toEqual([]);
  });

  it("find a chair's document again by its saved id instead of creating another", async () => {
    const world = await World.load(medicine);
    world.run("menuMatchMentors");
    world.run("menuMergeConferenceForms");
    const documents = world.drive.documents().length;
    expect(documents).toBe(7);
    // The Forms log is lost (deleted by the user): every chair gets their document again.
    world.spreadsheet.sheets = world.spreadsheet.sheets.filter((sheet) => sheet.name !== "Forms");
    world.run("menuMergeConferenceForms");
    expect(world.drive.documents()).toHaveLength(documents);
    expect(world.lastAlert().text).toMatch(/7 chair documents/);
  });
});

describe("the sidebar", () => {
  it("opens with its script and shows mapping, issues and settings", async () => {
    const world = await World.load(medicine);
    world.run("menuOpenSidebar");
    const sidebar = world.spreadsheet.ui.find((event) => event.kind === "sidebar")!;
    expect(sidebar.title).toBe("Mentor Match");
    expect(sidebar.text).toMatch(/<script>[\s\S]*getSidebarState[\s\S]*<\/script>/);
    const state = world.run("getSidebarState").value as {
      sheets: { sheet: string; columns: { column: string; field: string | null }[] }[];
      issues: { cell: string }[];
      error: string | null;
    };
    expect(state.error).toBeNull();
    expect(state.sheets[0]!.sheet).toBe("Roster");
    expect(state.issues.length).toBeGreaterThan(0);
    const cell = state.issues.find((issue) => issue.cell.includes("!"))!.cell;
    expect(world.run("selectIssueCell", cell).value).toBe(true);
    expect(world.spreadsheet.activeRange?.sheet.name).toBe(cell.split("!")[0]!.replace(/'/g, ""));
  });

  it("saves a mapping correction that the next run uses", async () => {
    const world = await World.load(medicine);
    const state = world.run("getSidebarState").value as {
      sheets: { sheet: string; columns: { column: string; field: string | null }[] }[];
    };
    const mapped = state.sheets[0]!.columns.find((column) => column.field === "interests")!;
    const saved = world.run("saveColumnMapping", {
      Roster: { columns: { [mapped.column]: null } },
    });
    expect(saved.error).toBeUndefined();
    const after = saved.value as typeof state;
    expect(after.sheets[0]!.columns.find((c) => c.column === mapped.column)!.field).toBeNull();
    const invalid = world.run("saveColumnMapping", { Roster: { columns: { A: "shoe size" } } });
    expect(String(invalid.error)).toMatch(/not valid/);
  });
});
