/**
 * The three menu items on the example rosters, run by the pushed bundle against the fakes:
 * sheets written, one shared Google Doc per chair in the program folder, the Forms log
 * linking each document, text that looks like a formula kept as text, and a constant number
 * of service calls per action-plan tab.
 */
import { describe, expect, it } from "vitest";
import { World } from "./fakes/world.js";
import { rosterSnapshot, pushedProject } from "./fakes/world.js";

const medicine = "templates/examples/medicine-roster.xlsx";
const radiology = "templates/examples/radiology-roster.xlsx";

function runMenus(world: World): void {
  for (const item of ["menuMatchMentors", "menuCreateActionPlans", "menuMergeConferenceForms"]) {
    const result = world.run(item);
    expect(result.error, item).toBeUndefined();
    expect(world.lastAlert().title, item).toMatch(/: done$/);
  }
}

describe("the Mentoring menu on the example rosters", () => {
  it("adds the menu with its five items", async () => {
    const world = await World.load(medicine);
    expect(world.run("onOpen").error).toBeUndefined();
    const menu = world.spreadsheet.ui.find((event) => event.kind === "menu")!;
    expect(menu.title).toBe("Mentoring");
    expect(menu.items!.map((item) => item.caption)).toEqual([
      "Match mentors",
      "Create action-plan tabs",
      "Merge conference forms",
      "Settings and column mapping",
      "Help",
    ]);
  });

  for (const [roster, chairsOnRoster] of [
    [medicine, true],
    [radiology, false],
  ] as const) {
    it(`runs the full job on ${roster}`, async () => {
      const world = await World.load(roster);
      const rosterSheets = world.spreadsheet.sheets.map((sheet) => sheet.name);
      const before = world.spreadsheet.sheets.map((sheet) => sheet.grid());
      runMenus(world);
      const names = world.spreadsheet.sheets.map((sheet) => sheet.name);
      expect(names.slice(0, rosterSheets.length)).toEqual(rosterSheets);
      // The roster sheets are never changed.
      expect(world.spreadsheet.sheets.slice(0, rosterSheets.length).map((s) => s.grid())).toEqual(
        before,
      );
      expect(names).toEqual(expect.arrayContaining(["Pairs", "Issues", "Program", "Forms"]));
      expect(names.filter((name) => name.includes("building"))).toEqual([]);

      const pairs = world.spreadsheet.sheet("Pairs")!;
      const planLinks = pairs.cells.flat().filter((cell) => cell?.link?.startsWith("#gid="));
      const tabs = names.length - rosterSheets.length - 4;
      expect(tabs).toBeGreaterThan(10);
      expect(planLinks.length).toBeGreaterThanOrEqual(tabs);

      // One document per chair, in one program folder, shared with the chair when known.
      const documents = world.drive.documents();
      const folders = [...world.drive.files.values()].filter((f) => f.mimeType.endsWith("folder"));
      expect(folders).toHaveLength(1);
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents) {
        expect(document.parents).toEqual([folders[0]!.id]);
        expect(document.body!.lines().join("\n")).toContain("Annual Career Planning Conference");
        expect(document.body!.lines()).toContain("\f");
      }
      expect(new Set(documents.map((d) => d.name)).size).toBe(documents.length);
      const shared = documents.filter((d) => d.permissions.length > 0);
      if (chairsOnRoster) expect(documents).toHaveLength(7);
      for (const d of shared) expect(d.permissions.map((p) => p.role)).toEqual(["commenter"]);

      // The Forms log names each document by its title, under a Google Doc heading, and links it.
      const log = world.spreadsheet.sheet("Forms")!;
      const fileColumn = log.grid()[0]!.indexOf("Google Doc");
      for (const row of log.grid().slice(1)) expect(String(row[fileColumn])).not.toMatch(/\.docx$/);
      const linkedRows = log.cells
        .slice(1)
        .filter((row) =>
          row?.[fileColumn]?.link?.startsWith("https://docs.google.com/document/d/"),
        );
      expect(linkedRows.length).toBe(log.grid().length - 1);
      // Shared with exactly the chairs the log gives an e-mail.
      const chairEmail = log.grid()[0]!.indexOf("Chair e-mail");
      const emails = new Set(
        log
          .grid()
          .slice(1)
          .map((row) => row[chairEmail]),
      );
      emails.delete("");
      expect(shared.flatMap((d) => d.permissions.map((p) => p.emailAddress)).sort()).toEqual(
        [...emails].sort(),
      );

      // Nothing became a formula, and no job or trigger is left behind.
      for (const sheet of world.spreadsheet.sheets)
        for (const row of sheet.cells)
          for (const cell of row ?? []) expect(cell?.formula, sheet.name).toBeUndefined();
      expect(world.scriptApp.triggers).toEqual([]);
      expect([...world.properties.values.keys()].filter((k) => k.includes("job"))).toEqual([]);
    });
  }

  it("keeps roster text that looks like a formula as text", async () => {
    const snapshot = await rosterSnapshot(medicine);
    const roster = snapshot.sheets[0]!;
    const header = roster.rows.findIndex((row) => row.some((v) => /division/i.test(String(v))));
    const divisionColumn = roster.rows[header]!.findIndex((v) => /division/i.test(String(v)));
    const rows = roster.rows.map((row, r) =>
      r === header + 1
        ? row.map((v, c) => (c === divisionColumn ? '=HYPERLINK("http://x","y")' : v))
        : r === header + 2
          ? row.map((v, c) => (c === divisionColumn ? "-Cardiology" : v))
          : row,
    );
    const world = new World(await pushedProject(), {
      sheets: [{ ...roster, rows }, ...snapshot.sheets.slice(1)],
    });
    runMenus(world);
    const written = world.spreadsheet.sheets.filter((sheet) => sheet.name !== roster.name);
    const texts = written.flatMap((sheet) =>
      sheet.cells.flatMap((row) => (row ?? []).filter((cell) => cell !== undefined)),
    );
    const formulaLike = texts.filter(
      (cell) => typeof cell.value === "string" && /^[=+\-@]/.test(cell.value),
    );
    expect(formulaLike.length).toBeGreaterThan(0);
    for (const cell of formulaLike) expect(cell.numberFormat).toBe("@");
    expect(texts.some((cell) => cell.value === '=HYPERLINK("http://x","y")')).toBe(true);
    expect(texts.some((cell) => cell.formula !== undefined)).toBe(false);
  });

  it("makes the same number of service calls for every new action-plan tab", async () => {
    const perTab: number[] = [];
    for (const roster of [medicine, radiology]) {
      const world = await World.load(roster);
      world.run("menuMatchMentors");
      const existing = new Set(world.spreadsheet.sheets);
      world.run("menuCreateActionPlans");
      const created = world.spreadsheet.sheets.filter((sheet) => !existing.has(sheet));
      expect(created.length).toBeGreaterThan(10);
      perTab.push(...created.map((sheet) => sheet.calls));
    }
    // Constant whatever the roster or the number of pairs: nothing is written cell by cell.
    expect(new Set(perTab).size).toBe(1);
    expect(perTab[0]).toBeLessThanOrEqual(120);
  });
});
