/**
 * A department larger than one Google Doc: a chair's forms past about a million characters go
 * into "Forms – <chair> (part 2)" …, each Doc below the limit the fake enforces as Google does,
 * each faculty member's Forms row linking the part that holds their forms.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../shared/index.js";
import { runGoogle } from "../../cli/google/run-google.js";
import { maxDocumentCharacters } from "./fake-google-server.js";
import { spreadsheetId, useFakeGoogle } from "./harness.js";

const h = useFakeGoogle();

/** One department: a chair and `mentees` junior faculty, `mentors` senior ones. */
function department(mentees: number, mentors: number): { name: string; rows: CellValue[][] } {
  const rows: CellValue[][] = [
    ["Name", "Email", "Role", "Rank", "Division", "Interests", "Max mentees", "Chair"],
    [
      "Moreau, Tariq",
      "chair@example.org",
      "Mentor",
      "Professor",
      "Medicine",
      "education",
      2,
      "chair@example.org",
    ],
  ];
  for (let i = 0; i < mentors; i++)
    rows.push([
      `Mentor ${i} Senior`,
      `mentor${i}@example.org`,
      "Mentor",
      "Associate Professor",
      "Medicine",
      "trials",
      3,
      "chair@example.org",
    ]);
  for (let i = 0; i < mentees; i++)
    rows.push([
      `Faculty ${i} Junior`,
      `faculty${i}@example.org`,
      "Mentee",
      "Assistant Professor",
      "Medicine",
      "trials",
      null,
      "chair@example.org",
    ]);
  return { name: "Roster", rows };
}

describe("a chair with more forms than one Google Doc holds", () => {
  it("writes them in parts, each Doc below the limit, each Forms row linking its part", async () => {
    await h.restart({ sheets: [department(160, 60)] });
    const result = await runGoogle(h.options());
    const docs = h.docs();
    const titles = docs.map((d) => d.name).sort();
    expect(titles).toEqual(["Forms – Tariq Moreau", "Forms – Tariq Moreau (part 2)"]);
    for (const doc of docs)
      expect(h.fake.documents.get(doc.id)!.text.length).toBeLessThan(maxDocumentCharacters);
    // Everyone's forms once, across the parts.
    const names = docs
      .flatMap((d) => h.fake.documentText(d.id).match(/Name of Faculty: Faculty \d+ Junior/g) ?? [])
      .sort();
    expect(names).toHaveLength(160);
    expect(new Set(names).size).toBe(160);
    expect(result.report.documents?.map((d) => d.faculty.length).reduce((a, b) => a + b)).toBe(160);
    // The Forms sheet: one row per faculty member, its Google Doc cell naming its part's Doc.
    const forms = h.fake.values(spreadsheetId, "Forms");
    const fileColumn = (forms[0] as string[]).indexOf("Google Doc");
    const files = new Set(forms.slice(1).map((row) => String(row[fileColumn])));
    expect(forms.length - 1).toBe(160);
    expect(files.size).toBe(2);
  }, 60_000);
});
