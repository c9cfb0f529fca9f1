/**
 * Plan tabs past the tab budget go to additional Google spreadsheets in the program folder:
 * created on the first run with the right tabs (their blank default sheet gone), linked from
 * the Pairs sheet by book and gid, found again by name on a re-run and refreshed there —
 * typed answers kept, no new file, no duplicate tab.
 */
import { describe, expect, it } from "vitest";
import { runGoogle, type GoogleRunResult } from "../../cli/google/run-google.js";
import type { FakeGoogle } from "./fake-google-server.js";
import { sheetType, spreadsheetId, spreadsheetTitle, useFakeGoogle } from "./harness.js";

const h = useFakeGoogle();
const budget = 10;
const bookName = (n: number) => `${spreadsheetTitle} – action plans ${n}`;
const books = () => [...h.fake.files.values()].filter((f) => f.mimeType === sheetType);

/** The "Action plan" cell's link of each pair, by Pair ID. */
function pairLinks(fake: FakeGoogle): Map<string, string | undefined> {
  const values = fake.values(spreadsheetId, "Pairs");
  const header = values[0]!;
  const idColumn = header.indexOf("Pair ID");
  const planColumn = header.indexOf("Action plan");
  const sheet = fake.sheet(spreadsheetId, "Pairs")!;
  const links = new Map<string, string | undefined>();
  values.slice(1).forEach((row, i) => {
    const format = sheet.cells.get(`${i + 1},${planColumn}`)?.userEnteredFormat;
    const link = (format?.textFormat as { link?: { uri?: string } } | undefined)?.link?.uri;
    links.set(String(row[idColumn]), link);
  });
  return links;
}

/** The link each plan tab should have: its own book and gid, or a gid in the roster. */
function expectedLinks(fake: FakeGoogle, result: GoogleRunResult): Map<string, string> {
  const expected = new Map<string, string>();
  for (const tab of result.report.tabs ?? []) {
    if (tab.file === null) {
      const sheet = fake.sheet(spreadsheetId, tab.sheet)!;
      expected.set(tab.planId, `#gid=${sheet.sheetId}&range=A1`);
      continue;
    }
    const book = fake.spreadsheetByName(tab.file)!;
    const sheet = book.sheets.find((s) => s.title === tab.sheet)!;
    expected.set(
      tab.planId,
      `https://docs.google.com/spreadsheets/d/${book.id}/edit#gid=${sheet.sheetId}`,
    );
  }
  return expected;
}

const answerFill = { red: 1, green: 0.9843, blue: 0.9176 };

describe("run --google past the tab budget", () => {
  it("creates the plan spreadsheets in the program folder, with their tabs, linked from Pairs", async () => {
    const result = await runGoogle(h.options({ tabBudget: budget }));
    const tabs = result.report.tabs ?? [];
    expect(tabs.length).toBe(40);

    // The roster spreadsheet fills up to the budget; the rest go to books 2, 3, …
    expect(h.titles()).toHaveLength(budget);
    const folder = [...h.fake.files.values()].find(
      (f) => f.mimeType === "application/vnd.google-apps.folder",
    )!;
    const files = books();
    expect(files.map((f) => f.name)).toEqual([2, 3, 4, 5].map(bookName));
    for (const file of files) {
      expect(file.parents).toEqual([folder.id]);
      const inBook = tabs.filter((t) => t.file === file.name).map((t) => t.sheet);
      expect(inBook.length).toBeGreaterThan(0);
      // Exactly the core's tabs: the new spreadsheet's blank "Sheet1" is gone.
      expect(h.titles(file.id)).toEqual(inBook);
      expect(inBook.length).toBeLessThanOrEqual(budget);
      for (const sheet of inBook)
        expect(JSON.stringify(h.fake.values(file.id, sheet))).toContain("Plan ID");
    }

    // Pairs links each pair to its tab, in whichever spreadsheet it is.
    const links = pairLinks(h.fake);
    const expected = expectedLinks(h.fake, result);
    expect([...links.values()].filter((uri) => uri !== undefined)).toHaveLength(40);
    for (const [planId, uri] of expected) expect(links.get(planId)).toBe(uri);

    // Reported as files and in the summary.
    expect(result.report.files).toEqual([
      `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
      ...files.map((f) => `https://docs.google.com/spreadsheets/d/${f.id}/edit`),
    ]);
    const summary = result.summary.join("\n");
    expect(summary).toContain(`past ${budget} sheets, in 4 more spreadsheets: ${bookName(2)}`);
    expect(summary).toContain(
      `Created https://docs.google.com/spreadsheets/d/${files[0]!.id}/edit (${bookName(2)})`,
    );

    // The folder, four books and seven chairs' Docs; each new book's sheets read once.
    expect(result.calls["drive.files.create"]).toBe(1 + 4 + 7);
    expect(result.calls["sheets.get"]).toBe(1 + 4);
  });

  it("finds the books again on a re-run: answers kept, no new file, no duplicate tab", async () => {
    await runGoogle(h.options({ tabBudget: budget }));
    const files = books();
    const book2 = files.find((f) => f.name === bookName(2))!;
    const tabsBefore = new Map(files.map((f) => [f.id, h.titles(f.id)]));
    const rosterTabsBefore = h.titles();
    const linksBefore = pairLinks(h.fake);

    // Type an answer into the first answer cell of book 2's first tab.
    const tab = h.fake.spreadsheets.get(book2.id)!.sheets[0]!;
    const [answerKey] = [...tab.cells.entries()].find(
      ([, cell]) =>
        JSON.stringify(
          (cell.userEnteredFormat as { backgroundColorStyle?: unknown } | undefined)
            ?.backgroundColorStyle,
        ) === JSON.stringify({ rgbColor: answerFill }),
    )!;
    const typed = "Submit the K08 in February";
    tab.cells.set(answerKey, {
      ...tab.cells.get(answerKey),
      userEnteredValue: { stringValue: typed },
    });
    const filesBefore = h.fake.files.size;

    const second = await runGoogle(h.options({ tabBudget: budget }));
    expect(h.fake.files.size).toBe(filesBefore);
    expect(new Map(books().map((f) => [f.id, h.titles(f.id)]))).toEqual(tabsBefore);
    expect(h.titles()).toEqual(rosterTabsBefore);
    expect(
      h.fake.spreadsheets.get(book2.id)!.sheets[0]!.cells.get(answerKey)?.userEnteredValue,
    ).toEqual({ stringValue: typed });
    expect((second.report.tabs ?? []).filter((t) => t.status === "created")).toEqual([]);
    expect(pairLinks(h.fake)).toEqual(linksBefore);
    expect(second.summary.join("\n")).toContain(
      `Updated https://docs.google.com/spreadsheets/d/${book2.id}/edit (${bookName(2)})`,
    );
    // Found with one listing of the folder; each book read with one get and its values.
    const reads = h.fake.log.filter((r) => r.path === `/v4/spreadsheets/${book2.id}`);
    expect(reads).toHaveLength(2);
    for (const batchGet of h.fake.log.filter((r) => r.path.endsWith("values:batchGet")))
      expect(batchGet.query.getAll("ranges").length).toBeLessThanOrEqual(40);
  });
});
