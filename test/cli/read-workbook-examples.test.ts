/**
 * The committed example rosters and fixtures: the generators still produce them byte for byte,
 * and the examples read back with the untidiness they are meant to show.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import { isZip } from "../../cli/io/zip-directory.js";
import { unzip } from "../../scripts/lib/zip.js";
import type { CellValue, SheetSnapshot } from "../../shared/workbook/snapshot.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = join(ROOT, "templates", "examples");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Workbooks are compared entry by entry, uncompressed: zlib builds may deflate the same bytes
 * differently on another machine, and that is no reason to regenerate.
 */
function sameContent(fresh: Buffer, saved: Buffer): boolean {
  if (!isZip(fresh) || !isZip(saved)) return fresh.equals(saved);
  const a = unzip(fresh);
  const b = unzip(saved);
  return (
    a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.data.equals(b[i]!.data))
  );
}

describe.each([
  ["scripts/make-fixtures.ts", "test/fixtures/rosters"],
  ["scripts/make-example-rosters.ts", "templates/examples"],
])("%s", (script, committed) => {
  it(`regenerates ${committed} byte for byte`, async () => {
    const out = await mkdtemp(join(tmpdir(), "mentor-match-gen-"));
    try {
      execFileSync(process.execPath, ["--import", "tsx", join(ROOT, script), out], {
        cwd: ROOT,
        stdio: "pipe",
      });
      // excel-made/ holds real files saved by Excel and LibreOffice, not generated ones.
      const expected = (await filesUnder(join(ROOT, committed))).filter(
        (file) => !file.startsWith("excel-made/"),
      );
      expect(await filesUnder(out)).toEqual(expected);
      for (const file of expected) {
        const [fresh, saved] = await Promise.all([
          readFile(join(out, file)),
          readFile(join(ROOT, committed, file)),
        ]);
        expect(sameContent(fresh, saved), `${file} is stale: run npx tsx ${script}`).toBe(true);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

const text = (value: CellValue | undefined): string => (typeof value === "string" ? value : "");

describe("templates/examples/medicine-roster.xlsx", async () => {
  const [sheet] = (await readWorkbookFiles([join(EXAMPLES, "medicine-roster.xlsx")])).sheets as [
    SheetSnapshot,
  ];
  const header = sheet.rows[3]!;
  const column = (name: string): number => header.indexOf(name);
  const people = sheet.rows.slice(4).filter((row) => row.length > 1);

  it("has a merged title, a note, a blank row, then the header", () => {
    expect(sheet.rows[0]).toEqual(["Department of Medicine — Faculty Mentoring Program 2026–2027"]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 10 }]);
    expect(text(sheet.rows[1]![0])).toMatch(/^Updated by the Faculty Affairs office; questions to/);
    expect(sheet.rows[2]).toEqual([]);
    expect(header).toEqual([
      "Name (Last, First)",
      "Academic Rank",
      "Division",
      "Email Address",
      "Participating as",
      "Max # mentees",
      "Research / Clinical Interests",
      "Track",
      "Area of excellence",
      "Division Chief",
      "Preferred mentor",
    ]);
  });

  it("lists 60 people, one of them twice with a differently cased e-mail, and a footer", () => {
    const emails = people.map((row) => text(row[column("Email Address")]));
    expect(emails).toHaveLength(61);
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(60);
    expect(new Set(emails).size).toBe(61);
    expect(sheet.rows.at(-1)).toEqual(["Total participants: 60"]);
    expect(sheet.rows.at(-2)).toEqual([]);
    // Two blank rows in the middle of the list.
    const blanks = sheet.rows.slice(4, -2).filter((row) => row.length === 0);
    expect(blanks).toHaveLength(2);
  });

  it("writes roles, ranks and capacities inconsistently, as people do", () => {
    const roles = new Set(people.map((row) => text(row[column("Participating as")])));
    expect([...roles].some((role) => role !== role.trim())).toBe(true);
    expect([...roles].map((r) => r.trim().toLowerCase()).sort()).toEqual(
      expect.arrayContaining(["both", "mentee", "mentor"]),
    );
    const ranks = new Set(people.map((row) => text(row[column("Academic Rank")])));
    for (const rank of ["Asst. Prof.", "Assoc Prof", "Full Professor", "Instructor in Medicine"]) {
      expect(ranks).toContain(rank);
    }
    const capacities = people.map((row) => row[column("Max # mentees")]);
    expect(capacities).toContain("two");
    const names = people.map((row) => text(row[0]));
    for (const surname of ["O'Connor", "García-López", "van der Berg", "Nguyễn"]) {
      expect(names.some((name) => name.startsWith(`${surname}, `))).toBe(true);
    }
  });
});

describe("templates/examples/radiology-roster.xlsx", () => {
  it("has Mentors, Mentees and Do not pair sheets with their own headers", async () => {
    const sheets = (await readWorkbookFiles([join(EXAMPLES, "radiology-roster.xlsx")])).sheets;
    expect(sheets.map((s) => [s.name, s.rows[0], s.rows.length - 1])).toEqual([
      [
        "Mentors",
        ["Last Name", "First Name", "Title", "Section", "E-mail", "Mentor capacity", "Topics"],
        25,
      ],
      ["Mentees", ["Faculty", "Rank", "Div.", "Email", "keywords", "Requested mentor"], 40],
      ["Do not pair", ["Person 1", "Person 2", "Reason"], 4],
    ]);
  });
});

describe("templates/examples/two-mentor-program.csv", () => {
  it("is UTF-8 with BOM and CRLF, with quoted commas and line breaks", async () => {
    const bytes = await readFile(join(EXAMPLES, "two-mentor-program.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    const [sheet] = (await readWorkbookFiles([join(EXAMPLES, "two-mentor-program.csv")])).sheets;
    expect(sheet!.rows[0]).toEqual([
      "Full Name",
      "Role",
      "Rank",
      "Department",
      "Email",
      "Track",
      "Interests",
      "Capacity",
      "Chair",
    ]);
    const body = sheet!.rows.slice(1);
    expect(body).toHaveLength(40);
    expect(body.filter((row) => row[1] === "Mentor")).toHaveLength(20);
    expect(body.some((row) => text(row[6]).includes("\n"))).toBe(true);
    expect(body.some((row) => text(row[0]).includes(", MD"))).toBe(true);
    expect(new Set(body.map((row) => row[5]))).toEqual(
      new Set(["clinical", "research", "basic science"]),
    );
  });
});
