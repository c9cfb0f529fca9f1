import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readRoster, type CellValue } from "../../shared/index.js";
import { sheet, workbook } from "../helpers/snapshot.js";

// Header spellings a department might use, one list per field we generate.
const headerChoices = {
  name: ["Name", "Full Name", "Faculty", "Name (Last, First)", "Faculty Name"],
  rank: ["Rank", "Title", "Academic Rank"],
  division: ["Division", "Div.", "Section", "Department"],
  email: ["Email", "E-mail", "Email Address"],
  role: ["Role", "Participating as"],
  capacity: ["Capacity", "Max # mentees", "Mentor capacity"],
  interests: ["Interests", "Topics", "Research / Clinical Interests", "keywords"],
};
type GeneratedField = keyof typeof headerChoices;
const fieldNames = Object.keys(headerChoices) as GeneratedField[];

const personRow = fc.record({
  first: fc.constantFrom("Ana", "Bo", "Chidi", "Dana", "Élodie", "Farah", "Gus", "Hiro"),
  last: fc.constantFrom("Smith", "O'Neil", "García-López", "van der Berg", "Nguyễn", "Lee"),
  rank: fc.constantFrom(
    "Professor",
    "Asst. Prof.",
    "Assoc Prof",
    "Instructor in Surgery",
    "Fellow",
    "",
  ),
  division: fc.constantFrom("Cardiology", "GI", "Nephrology", ""),
  role: fc.constantFrom("Mentor", " mentee", "Both", "MENTOR", "", "observer"),
  capacity: fc.constantFrom<CellValue>(2, "two", "", "lots", null),
  interests: fc.constantFrom("heart failure; trials", "IBD/quality", "", "education\nequity"),
  emailNumber: fc.integer({ min: 0, max: 30 }),
  emailCase: fc.boolean(),
});
const extraRow = fc.constantFrom<CellValue[]>(
  [],
  ["Total participants: 116"],
  ["Cardiology"],
  [null, null],
  ["Grand total", null, 4],
  ["Notes: updated in May"],
);

describe("random rosters", () => {
  it("account for every non-blank row and never throw", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(fieldNames, { minLength: 2 }).filter((f) => f.includes("name")),
        fc.array(fc.nat(), { minLength: fieldNames.length, maxLength: fieldNames.length }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: personRow.map((p) => ({ person: p })) },
            { weight: 1, arbitrary: extraRow.map((r) => ({ extra: r })) },
          ),
          { maxLength: 25 },
        ),
        (fields, headerPicks, titleRows, body) => {
          const headers = fields.map(
            (field, i) => headerChoices[field][headerPicks[i]! % headerChoices[field].length]!,
          );
          const rows: CellValue[][] = [];
          for (let t = 0; t < titleRows; t++)
            rows.push(t === 0 ? ["Faculty Mentoring Program 2026"] : []);
          rows.push(headers);
          for (const item of body) {
            if ("extra" in item) {
              rows.push(item.extra);
              continue;
            }
            const p = item.person;
            const email = `person${p.emailNumber}@example.org`;
            const values: Record<GeneratedField, CellValue> = {
              name: headers[fields.indexOf("name")]!.includes("Last")
                ? `${p.last}, ${p.first}`
                : `${p.first} ${p.last}`,
              rank: p.rank,
              division: p.division,
              email: p.emailCase ? email.toUpperCase() : ` ${email}`,
              role: p.role,
              capacity: p.capacity,
              interests: p.interests,
            };
            rows.push(fields.map((field) => values[field]));
          }
          const reading = readRoster(workbook(sheet("Roster", rows)));
          const nonBlankBodyRows = rows
            .slice(titleRows + 1)
            .filter((row) => row.some((v) => v !== null && String(v).trim() !== "")).length;
          if (!reading.ok) {
            // Only a roster with nobody usable may be refused, and it says why.
            expect(["no-people", "no-header"]).toContain(reading.error.code);
            return;
          }
          const { rows: counts, people, issues } = reading.roster;
          expect(counts.read).toBe(nonBlankBodyRows);
          expect(counts.read).toBe(counts.people + counts.duplicates + counts.skipped);
          expect(people.length).toBe(counts.people);
          expect(
            issues.filter((i) =>
              [
                "footer-row",
                "note-row",
                "repeated-header",
                "name-missing",
                "role-missing",
                "role-unknown",
              ].includes(i.code),
            ),
          ).toHaveLength(counts.skipped);
          expect(issues.filter((i) => i.code === "duplicate-person")).toHaveLength(
            counts.duplicates,
          );
          expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
