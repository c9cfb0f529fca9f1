/**
 * Regression (issue 18, Apps Script side): a sheet made by `insertSheet` has 1000 rows and 26
 * columns and SpreadsheetApp refuses a range past them. A department of 900 mentees gets a
 * Pairs sheet whose Status drop-down runs 200 rows below its last pair — past row 1000 — and
 * Match mentors must still write it, list and all.
 */
import { describe, expect, it } from "vitest";
import { generatedDepartment } from "../helpers/generated-department.js";
import { pushedProject, World } from "./fakes/world.js";

describe("Match mentors on a department past a new sheet's 1000 rows", () => {
  it("grows the Pairs sheet to hold every pair and its Status list", async () => {
    const world = new World(await pushedProject(), generatedDepartment(900, 450));
    const result = world.run("menuMatchMentors");
    expect((result.error as Error | undefined)?.stack).toBeUndefined();
    const pairs = world.spreadsheet.sheet("Pairs")!;
    expect(pairs.grid().length).toBeGreaterThan(900);
    expect(pairs.maxRows).toBeGreaterThanOrEqual(pairs.grid().length + 200);
    // The list reaches the rows below the pairs, where a coordinator adds their own.
    expect(pairs.peek(pairs.grid().length + 150, 0)?.validation).toBeDefined();
  }, 120_000);
});
