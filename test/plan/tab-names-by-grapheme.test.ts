/**
 * Issue 12 item 5: a long plan-tab name was cut inside an emoji's surrogate pair, two names then
 * collided and the writer stopped ("Worksheet name already exists"). Names are now measured in
 * UTF-16 units as Excel does and cut only between graphemes.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../cli/io/read-xlsx.js";
import {
  graphemes,
  isLegalTabName,
  maxTabNameLength,
  pairTabName,
  sanitizeTabName,
  tabNameKeys,
  uniqueTabName,
} from "../../shared/index.js";

const SCIENTIST = "👩🏽‍🔬"; // 7 UTF-16 units, one grapheme
const HEALTH_WORKER = "🧑‍⚕️"; // 5 units

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe("plan tab names by grapheme", () => {
  it("never cuts an emoji: a name of emoji stays whole emoji within 31 UTF-16 units", () => {
    const name = pairTabName(SCIENTIST.repeat(9), "Rao");
    expect(name.length).toBeLessThanOrEqual(maxTabNameLength);
    expect(hasLoneSurrogate(name)).toBe(false);
    expect(name).toBe(`${SCIENTIST.repeat(3)}… – Rao`);
  });

  it("never separates a letter from its combining marks", () => {
    const decomposed = "Nguye\u0302\u0303n".repeat(5); // ễ typed as e + two marks
    const name = sanitizeTabName(decomposed.normalize("NFD"));
    const marksAfterCut = /\p{M}…$/u.test(name) || /(?<!\p{L})\p{M}/u.test(name);
    expect(name.length).toBeLessThanOrEqual(maxTabNameLength);
    expect(graphemes(name).every((g) => !/^\p{M}/u.test(g))).toBe(true);
    expect(marksAfterCut).toBe(false);
  });

  it("counts length as Excel does, in UTF-16 units, not code points", () => {
    // 20 astral characters: 20 code points but 40 units, too long for Excel.
    const name = sanitizeTabName("𝒜".repeat(20));
    expect(name.length).toBeLessThanOrEqual(maxTabNameLength);
    expect(name).toBe(`${"𝒜".repeat(15)}…`);
  });

  it("keeps two long names that differ only after the cut apart, ignoring case", () => {
    const taken = new Set<string>();
    const first = uniqueTabName(pairTabName(`${HEALTH_WORKER.repeat(8)}a`, "Lee"), taken);
    const second = uniqueTabName(pairTabName(`${HEALTH_WORKER.repeat(8)}B`, "LEE"), taken);
    expect(first).not.toBe(second);
    expect(second.toLowerCase()).not.toBe(first.toLowerCase());
    expect(second.endsWith(" (2)")).toBe(true);
  });

  it("treats names that differ only by case folding as the same tab", () => {
    const taken = new Set(tabNameKeys("Straſse – Lee"));
    expect(uniqueTabName("STRASSE – LEE", taken)).toBe("STRASSE – LEE (2)");
    expect(uniqueTabName("history", new Set())).toBe("Plan history");
  });
});

/** Pieces real names are made of, and the troublesome ones. */
const namePiece = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom(
    SCIENTIST,
    HEALTH_WORKER,
    "🇮🇪",
    "e\u0301",
    "a\u0300\u0316\u0317",
    "محمد",
    "عبد الرحمن",
    "שרה",
    "\u200f",
    "Nguyễn",
    "'",
    "[",
    ":",
    "\uD83D",
    "History",
    " ",
  ),
);
const personName = fc.array(namePiece, { maxLength: 40 }).map((pieces) => pieces.join(""));
const longName = fc.string({ unit: "grapheme", minLength: 280, maxLength: 300 });

describe("any names give legal, unique tab names", () => {
  it("that Excel accepts and that round-trip through a real .xlsx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(personName, longName), personName), {
          minLength: 1,
          maxLength: 12,
        }),
        async (pairs) => {
          const taken = new Set(["pairs", "issues", "program", "forms"]);
          const names = pairs.map(([mentee, mentor]) =>
            uniqueTabName(pairTabName(mentee, mentor), taken),
          );
          for (const name of names) {
            expect(isLegalTabName(name), name).toBe(true);
            expect(hasLoneSurrogate(name), name).toBe(false);
          }
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);

          // ExcelJS refuses a name it considers taken and cuts one over 31 units: neither may
          // happen, and the names read back are the names written.
          const workbook = new ExcelJS.Workbook();
          for (const name of names) workbook.addWorksheet(name).getCell("A1").value = name;
          const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
          const sheets = await readXlsx(bytes);
          expect(sheets.map((s) => s.name)).toEqual(names);
          expect(sheets.map((s) => s.rows[0]?.[0])).toEqual(names);
        },
      ),
      { numRuns: 60 },
    );
  });
});
