/**
 * A central office's run and a coordinator's menu clicks must agree: the Medicine example run
 * through `mentor-match run --google` (against the loopback fake) and through the pushed Apps
 * Script bundle's three menu items (against its service fakes), on the same day, give the same
 * Pairs, Issues and Forms sheets, the same action-plan tabs cell for cell, and the same chair
 * documents, line for line, shared with the same people.
 */
import { describe, expect, it } from "vitest";
import { runGoogle } from "../../cli/google/run-google.js";
import { World } from "../apps-script/fakes/world.js";
import { now, spreadsheetId, useFakeGoogle } from "./harness.js";

const h = useFakeGoogle();
const medicine = "templates/examples/medicine-roster.xlsx";

/** A cell as the user reads it: dates as the ISO day, links' sheet ids left out. */
function shown(value: unknown): unknown {
  if (value instanceof Date || Object.prototype.toString.call(value) === "[object Date]")
    return (value as Date).toISOString().slice(0, 10);
  if (value === null || value === undefined) return "";
  return value;
}

/** Rows without trailing empty cells, and no trailing empty rows. */
function trimmed(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((row) => {
    const cells = row.map(shown);
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    return cells;
  });
  while (out.length > 0 && out.at(-1)!.length === 0) out.pop();
  return out;
}

/**
 * Empty paragraphs are left out: the Docs API puts one before every inserted table (and a
 * new document ends with one), where DocumentApp's appendTable does not.
 */
const notEmpty = (line: string) => line !== "";

async function bothHosts() {
  const world = await World.load(medicine, "Medicine mentoring 2025");
  world.runtime.now = Date.parse(now);
  for (const item of ["menuMatchMentors", "menuCreateActionPlans", "menuMergeConferenceForms"]) {
    const result = world.run(item);
    expect(result.error, item).toBeUndefined();
  }
  // No --today: both count from the same moment on the spreadsheet's clock (New York).
  const google = await runGoogle(h.options({ moment: undefined, startedAt: new Date(now) }));
  return { world, google };
}

describe("run --google gives what the Apps Script menu gives", () => {
  it("the same sheets, action-plan tabs and chair documents on the Medicine example", async () => {
    const { world, google } = await bothHosts();
    expect(google.report.pairs.length).toBeGreaterThan(30);

    const scriptSheets = world.spreadsheet.sheets.map((sheet) => sheet.name);
    expect(h.titles()).toEqual(scriptSheets);
    for (const sheet of world.spreadsheet.sheets) {
      expect(trimmed(h.fake.values(spreadsheetId, sheet.name)), sheet.name).toEqual(
        trimmed(sheet.grid()),
      );
    }

    const scriptDocs = world.drive.documents().map((file) => ({
      name: file.name,
      lines: file.body!.lines().filter(notEmpty),
      sharedWith: file.permissions.map((p) => `${p.emailAddress}:${p.role}`).sort(),
    }));
    const googleDocs = h.docs().map((file) => ({
      name: file.name,
      lines: h.fake.documentLines(file.id).filter(notEmpty),
      // The fake lists the file's owner (the service account) as Drive does; the script's
      // documents belong to the user running it.
      sharedWith: file.permissions
        .filter((p) => p.role !== "owner")
        .map((p) => `${p.emailAddress}:${p.role}`)
        .sort(),
    }));
    expect(scriptDocs).toHaveLength(7);
    expect(googleDocs.map((d) => d.name).sort()).toEqual(scriptDocs.map((d) => d.name).sort());
    for (const doc of scriptDocs) {
      const other = googleDocs.find((d) => d.name === doc.name)!;
      expect(other.sharedWith, doc.name).toEqual(doc.sharedWith);
      expect(other.lines, doc.name).toEqual(doc.lines);
    }
  });
});
