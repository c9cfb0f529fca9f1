/**
 * Regression (issue 20): a division called "Constructor" beside a longer division name stopped
 * `run` with "expanded.slice is not a function": the abbreviation table was a plain object, so
 * the word found Object.prototype.constructor.
 */
import { describe, expect, it } from "vitest";
import { defaultFormTemplates, prepareWorkbook, readRoster } from "../../shared/index.js";
import { sheet, workbook } from "../helpers/snapshot.js";

const roster = workbook(
  sheet("Roster", [
    ["Name", "Email", "Rank", "Division", "Role"],
    ["Ada Lee", "ada@example.org", "Professor", "Cardiology Research", "Mentor"],
    ["Bo Rao", "bo@example.org", "Professor", "Constructor", "Mentor"],
    ["Cy Kim", "cy@example.org", "Assistant Professor", "Constructor", "Mentee"],
    ["Di Moreau", "di@example.org", "Instructor", "toString", "Mentee"],
  ]),
);

describe("divisions named like JavaScript's object machinery", () => {
  it("are read as plain divisions", () => {
    const reading = readRoster(roster);
    expect(reading.ok).toBe(true);
  });

  it("match, plan and fill forms without failing", () => {
    const prepared = prepareWorkbook({
      snapshot: roster,
      today: "2026-08-15",
      now: "2026-08-15T10:00:00Z",
      plans: { planWorkbookName: (n) => `Action plans ${n}` },
      forms: { templates: defaultFormTemplates },
    });
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(prepared.matched.match.pairs).toHaveLength(2);
  });
});
