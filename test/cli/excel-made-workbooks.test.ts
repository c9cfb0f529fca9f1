/**
 * The user's workbook is kept exactly (DESIGN §3): on workbooks saved by Excel itself (pivot
 * tables, macros, charts, validation, conditional formats, comments, a totals-row Table,
 * print titles, an image), `run`, `plans --in-place` and a second `run` leave every zip entry
 * the product does not own with its original compressed bytes, and the few entries it must
 * edit keep everything they listed. LibreOffice then opens every result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { spawn } from "node:child_process";
import { convertAllToPdfText } from "../helpers/libreoffice.js";
import { readZipDirectory } from "../../cli/io/zip-directory.js";
import { XlsxPackage } from "../../cli/io/xlsx-package.js";
import { transplantSheets } from "../../cli/io/transplant-sheets.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The CLI as a user runs it, without blocking the other fixtures' runs. */
function cliAsync(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stderr })));
}

const fixtureDir = fileURLToPath(new URL("../fixtures/excel-made/", import.meta.url));
const fixtures = readdirSync(fixtureDir).filter((name) => /\.xls[xm]$/.test(name));

/** The entries the product must edit to list its sheets; checked structurally instead. */
const edited = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "docProps/app.xml",
]);

const roster = [
  [
    "Name (Last, First)",
    "Academic Rank",
    "Division",
    "Email Address",
    "Participating as",
    "Max # mentees",
    "Research / Clinical Interests",
  ],
  [
    "Bakshi, Emily",
    "Professor",
    "Cardiology",
    "emily.bakshi@example.org",
    "Mentor",
    1,
    "arrhythmia",
  ],
  ["Moreau, Tariq", "Professor", "Cardiology", "tariq.moreau@example.org", "Mentor", 2, "imaging"],
  ["Okafor, Ada", "Professor", "Renal", "ada.okafor@example.org", "Mentor", 1, "dialysis"],
  [
    "Park, Michael",
    "Instructor",
    "Cardiology",
    "michael.park@example.org",
    "Mentee",
    null,
    "imaging",
  ],
  ["Lee, Kim", "Assistant Professor", "Renal", "kim.lee@example.org", "Mentee", null, "dialysis"],
  ["Diaz, Rosa", "Instructor", "Cardiology", "rosa.diaz@example.org", "Mentee", null, "arrhythmia"],
];

/** The Excel file with a roster sheet added (by the same patching), its own parts untouched. */
async function withRoster(fixture: string, target: string): Promise<void> {
  const scratch = new ExcelJS.Workbook();
  const sheet = scratch.addWorksheet("Roster");
  for (const row of roster) sheet.addRow(row);
  const pkg = XlsxPackage.read(new Uint8Array(readFileSync(join(fixtureDir, fixture))));
  transplantSheets(pkg, XlsxPackage.read(new Uint8Array(await scratch.xlsx.writeBuffer())), [
    "Roster",
  ]);
  writeFileSync(target, pkg.toBytes());
}

/** Each entry's stored (compressed) bytes, as the central directory places them. */
function storedEntries(path: string): Map<string, Buffer> {
  const bytes = readFileSync(path);
  const entries = new Map<string, Buffer>();
  for (const entry of readZipDirectory(bytes) ?? []) {
    const at = entry.localHeaderOffset;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    entries.set(entry.name, bytes.subarray(start, start + entry.compressedSize));
  }
  return entries;
}

function partText(path: string, part: string): string {
  const content = unzipSync(new Uint8Array(readFileSync(path)), {
    filter: (file) => file.name === part,
  })[part];
  return content === undefined ? "" : strFromU8(content);
}

const tagsOf = (xml: string, element: string) =>
  xml.match(new RegExp(`<${element}(?=[\\s/>])[^>]*>`, "g")) ?? [];
const section = (xml: string, element: string) =>
  new RegExp(`<${element}[\\s>][\\s\\S]*?</${element}>`).exec(xml)?.[0] ?? "";

interface Case {
  fixture: string;
  input: string;
  /** The three results: after `run`, after `plans --in-place`, after a second `run`. */
  results: string[];
}

describe("workbooks saved by Excel keep every part the product does not own", () => {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-excel-made-"));
  const cases: Case[] = [];

  beforeAll(async () => {
    const runFixture = async (fixture: string): Promise<Case> => {
      const extension = extname(fixture);
      const stem = basename(fixture, extension);
      const input = join(work, stem, `${stem}${extension}`);
      mkdirSync(join(work, stem), { recursive: true });
      await withRoster(fixture, input);
      const first = join(work, stem, "first");
      const run1 = await cliAsync("run", input, "--out", first, "--today", "2026-11-23");
      expect(run1.stderr, fixture).toBe("");
      expect(run1.status, fixture).toBe(0);
      const matched = join(first, `${stem}-matched${extension}`);
      const afterRun = join(work, stem, `after-run${extension}`);
      copyFileSync(matched, afterRun);
      const plans = await cliAsync("plans", matched, "--in-place", "--today", "2026-11-30");
      expect(plans.stderr, fixture).toBe("");
      expect(plans.status, fixture).toBe(0);
      const second = join(work, stem, "second");
      const run2 = await cliAsync("run", matched, "--out", second, "--today", "2026-12-07");
      expect(run2.stderr, fixture).toBe("");
      expect(run2.status, fixture).toBe(0);
      return {
        fixture,
        input,
        results: [afterRun, matched, join(second, `${stem}-matched${extension}`)],
      };
    };
    // Three fixtures at a time: each step is mostly the CLI starting up.
    const queue = [...fixtures];
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let fixture = queue.shift(); fixture !== undefined; fixture = queue.shift())
          cases.push(await runFixture(fixture));
      }),
    );
    cases.sort((a, b) => a.fixture.localeCompare(b.fixture));
  }, 900_000);

  it("copies every entry it does not own with the same compressed bytes", () => {
    expect(cases).toHaveLength(fixtures.length);
    for (const { fixture, input, results } of cases) {
      const original = storedEntries(input);
      for (const result of results) {
        const written = storedEntries(result);
        for (const [name, stored] of original) {
          if (edited.has(name)) continue;
          expect(written.has(name), `${fixture}: ${name} in ${result}`).toBe(true);
          expect(Buffer.compare(written.get(name)!, stored), `${fixture}: ${name}`).toBe(0);
        }
      }
    }
  });

  it("keeps every sheet, relationship, content type, defined name and style it edits around", () => {
    for (const { fixture, input, results } of cases) {
      const workbookXml = partText(input, "xl/workbook.xml");
      const sheets = tagsOf(workbookXml, "sheet");
      for (const result of results) {
        const written = partText(result, "xl/workbook.xml");
        const writtenSheets = tagsOf(written, "sheet");
        expect(writtenSheets.slice(0, sheets.length), `${fixture}: sheets`).toEqual(sheets);
        expect(writtenSheets.length).toBeGreaterThan(sheets.length);
        expect(section(written, "definedNames"), `${fixture}: defined names`).toBe(
          section(workbookXml, "definedNames"),
        );
        const rels = tagsOf(partText(input, "xl/_rels/workbook.xml.rels"), "Relationship");
        const writtenRels = partText(result, "xl/_rels/workbook.xml.rels");
        for (const rel of rels) {
          const id = /Id="([^"]*)"/.exec(rel)![1];
          const target = /Target="([^"]*)"/.exec(rel)![1];
          expect(writtenRels, `${fixture}: ${rel}`).toMatch(
            new RegExp(
              `Id="${id}"[^>]*Target="${target!.replace(/[./]/g, "\\$&")}"|Target="${target!.replace(/[./]/g, "\\$&")}"[^>]*Id="${id}"`,
            ),
          );
        }
        const types = partText(result, "[Content_Types].xml");
        for (const tag of [
          ...tagsOf(partText(input, "[Content_Types].xml"), "Override"),
          ...tagsOf(partText(input, "[Content_Types].xml"), "Default"),
        ])
          expect(types, `${fixture}: ${tag}`).toContain(tag);
        const styles = partText(input, "xl/styles.xml");
        const writtenStyles = partText(result, "xl/styles.xml");
        for (const list of ["fonts", "fills", "borders", "cellXfs"]) {
          const body = (xml: string) => section(xml, list).replace(/^<[^>]*>|<\/[^>]*>$/g, "");
          expect(body(writtenStyles).startsWith(body(styles)), `${fixture}: ${list}`).toBe(true);
        }
      }
    }
  });

  it("keeps an .xlsm macro-enabled, with its VBA project", () => {
    const macro = cases.find((c) => c.fixture.endsWith(".xlsm"))!;
    for (const result of macro.results) {
      expect(result.endsWith(".xlsm")).toBe(true);
      expect(partText(result, "[Content_Types].xml")).toContain(
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      );
      expect(storedEntries(result).has("xl/vbaProject.bin")).toBe(true);
    }
  });

  it("gives workbooks LibreOffice opens, with the user's sheets and the product's", () => {
    const texts = convertAllToPdfText(cases.map((c) => c.results[2]!));
    for (const { fixture, results } of cases) {
      const text = texts.get(results[2]!)!;
      expect(text, fixture).toContain("emily.bakshi@example.org");
      expect(text, fixture).toContain("Mentoring Goals and Action Plan");
    }
  }, 600_000);
});
