import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isLegalTabName, pairTabName, sanitizeTabName, uniqueTabName } from "../../shared/index.js";

describe("tab names", () => {
  it("reads as mentee – mentor", () => {
    expect(pairTabName("von Stein", "Moreau")).toBe("von Stein – Moreau");
  });

  it("shortens long names, the longer first, within 31 characters", () => {
    const name = pairTabName("Featherstonehaugh-Cholmondeley", "Wolfeschlegelsteinhausen");
    expect([...name].length).toBeLessThanOrEqual(31);
    expect(name).toMatch(/^Feathe.*… – Wolfe.*…$/);
  });

  it.each([
    ["a/b\\c?d*e[f]g:h", "a-b-c-d-e-f-g-h"],
    ["'quoted'", "quoted"],
    ["History", "Plan History"],
    ["   ", "Plan"],
  ])("makes %j legal as %j", (wanted, legal) => {
    expect(sanitizeTabName(wanted)).toBe(legal);
  });

  it("numbers repeats, ignoring case", () => {
    const taken = new Set(["lee – rao"]);
    expect(uniqueTabName("Lee – Rao", taken)).toBe("Lee – Rao (2)");
    expect(uniqueTabName("LEE – RAO", taken)).toBe("LEE – RAO (3)");
  });

  it("are always legal and unique, whatever the names", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 })), {
          maxLength: 60,
        }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 10 }),
        (pairs, existing) => {
          const taken = new Set(existing.map((name) => name.toLowerCase()));
          const made = pairs.map(([a, b]) => uniqueTabName(pairTabName(a, b), taken));
          for (const name of made) expect(isLegalTabName(name), name).toBe(true);
          const lower = made.map((name) => name.toLowerCase());
          expect(new Set(lower).size).toBe(made.length);
          for (const name of lower)
            expect(existing.map((e) => e.toLowerCase())).not.toContain(name);
        },
      ),
      { numRuns: 300 },
    );
  });
});
