/**
 * Issue 20: user text never reaches JavaScript's object machinery. JavaScript's special names
 * (`constructor`, `__proto__`, `toString`, …) and arbitrary strings go into every roster field,
 * header, sheet name, mapping override and Program-sheet value, through check, match, plans and
 * forms — in the core, and twice through the Excel adapter (the second run reads back what the
 * first wrote). A run may refuse a roster with an issue; it may never throw or touch
 * Object.prototype.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  defaultFormTemplates,
  prepareWorkbook,
  settingRows,
  type CellValue,
  type MappingOverride,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../shared/index.js";
import { personFields, doNotPairFields } from "../../shared/roster/fields.js";
import { readSnapshot } from "../../excel-addin/src/office/read-snapshot.js";
import { applyPatch } from "../../excel-addin/src/office/apply-patch.js";
import { isLegalTabName } from "../../shared/index.js";
import { FakeContext, FakeWorkbook } from "../excel-addin/fake-excel.js";

export const specialNames = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
  "Constructor",
  "CONSTRUCTOR Research",
  "constructor; __proto__",
  "length",
  "then",
  "name",
  "caller",
  "arguments",
] as const;

const special = fc.constantFrom(...specialNames);
const userText = fc.oneof(
  { weight: 3, arbitrary: special },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("Mentor", "Mentee", "Both", "Professor", "Cardiology") },
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: userText },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 5 }) },
);
const sheetName = fc
  .oneof(special, fc.string({ minLength: 1, maxLength: 31 }))
  .filter((name) => isLegalTabName(name));

const person = fc.record({
  name: fc.oneof(special, fc.constantFrom("Ada Lee", "Bo Rao", "Lee, Cy", "Di Moreau")),
  email: fc.oneof(special, fc.constantFrom("ada@example.org", "bo@example.org", "")),
  rank: fc.oneof(special, fc.constantFrom("Professor", "Assistant Professor", "Instructor")),
  division: cell,
  role: fc.oneof(special, fc.constantFrom("Mentor", "Mentee", "Both")),
  capacity: cell,
  interests: fc.array(userText, { maxLength: 3 }).map((words) => words.join("; ")),
  chair: cell,
  preferred: cell,
  extra: cell,
});
const rosterSheet = fc.record({
  name: sheetName,
  extraHeader: userText,
  people: fc.array(person, { minLength: 1, maxLength: 8 }),
});
const programRows = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...settingRows.map((row) => row.label)), userText), cell),
  { maxLength: 6 },
);
const fields = [...personFields, ...doNotPairFields];
const correction = fc.record(
  {
    headerRow: fc.integer({ min: 1, max: 3 }),
    kind: fc.constantFrom("people", "mentors", "mentees", "doNotPair", "ignored" as const),
    columns: fc
      .array(
        fc.tuple(
          fc.oneof(userText, fc.constantFrom("A", "B", "J")),
          fc.constantFrom(null, ...fields),
        ),
        { maxLength: 3 },
      )
      .map((entries) => Object.fromEntries(entries)),
  },
  { requiredKeys: [] },
);
const mapping = fc
  .array(fc.tuple(fc.oneof(special, sheetName), correction), { maxLength: 3 })
  .map((entries): MappingOverride => Object.fromEntries(entries));

const header = [
  "Name",
  "Email",
  "Rank",
  "Division",
  "Role",
  "Capacity",
  "Interests",
  "Chair",
  "Preferred mentor",
];

type RosterSheet = { name: string; extraHeader: string; people: Record<string, CellValue>[] };

function snapshotOf(
  sheets: readonly RosterSheet[],
  program: [string, CellValue][],
): WorkbookSnapshot {
  const seen = new Set<string>();
  const result: SheetSnapshot[] = [];
  for (const sheet of sheets) {
    if (seen.has(sheet.name.toLowerCase())) continue;
    seen.add(sheet.name.toLowerCase());
    result.push({
      name: sheet.name,
      rows: [[...header, sheet.extraHeader], ...sheet.people.map((p) => Object.values(p))],
    });
  }
  if (program.length > 0 && !seen.has("program"))
    result.push({ name: "Program", rows: [["Setting", "Value"], ...program] });
  return { sheets: result };
}

function prepare(snapshot: WorkbookSnapshot, override: MappingOverride) {
  return prepareWorkbook({
    snapshot,
    today: "2026-08-15",
    now: "2026-08-15T10:00:00Z",
    mapping: override,
    plans: { planWorkbookName: (n) => `Action plans ${n}` },
    forms: { templates: defaultFormTemplates },
  });
}

// The generators make no dates; Excel cells take text, numbers, booleans and blanks.
const cellForExcel = (value: CellValue) => (value instanceof Date ? value.toISOString() : value);

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe("special names and arbitrary text in every place a user types", () => {
  const before = prototypeKeys();

  it("never fail unexpectedly in check, match, plans and forms", () => {
    fc.assert(
      fc.property(
        fc.array(rosterSheet, { minLength: 1, maxLength: 2 }),
        programRows,
        mapping,
        (sheets, program, override) => {
          const result = prepare(snapshotOf(sheets, program), override);
          if (!result.ok) expect(result.error.message).not.toMatch(/is not a function|undefined/);
          expect(prototypeKeys()).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("re-run through the Excel adapter on what the first run wrote", async () => {
    await fc.assert(
      fc.asyncProperty(rosterSheet, programRows, mapping, async (sheet, program, override) => {
        const first = snapshotOf([sheet], program);
        const workbook = new FakeWorkbook(
          Object.fromEntries(
            first.sheets.map((s) => [s.name, s.rows.map((row) => row.map(cellForExcel))]),
          ),
        );
        for (let run = 0; run < 2; run++) {
          const context = new FakeContext(workbook);
          const snapshot = await readSnapshot(context as unknown as Excel.RequestContext);
          const result = prepare(snapshot, override);
          if (!result.ok) return;
          await applyPatch(context as unknown as Excel.RequestContext, result.patch);
        }
        expect(prototypeKeys()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
