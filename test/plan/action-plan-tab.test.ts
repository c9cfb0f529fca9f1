import { describe, expect, it } from "vitest";
import { newPlanLayout, planIdOf, type CellValue } from "../../shared/index.js";
import { planSections } from "../../shared/plan/action-plan-text.js";
import { person, ranked, settings } from "../helpers/roster-builder.js";

const subject = {
  planId: "p-0123456789abcd",
  mentee: person({ name: "Ana Lee", role: "mentee", ...ranked(1), division: "Cardiology" }),
  mentors: [
    {
      person: person({ name: "Raj Patel", role: "mentor", ...ranked(3), division: "Nephrology" }),
      role: null,
      reasons: "Shared interests: heart failure",
    },
  ],
};
const text = (rows: CellValue[][]) =>
  rows.map((row) => row.map((cell) => String(cell ?? "")).join(" | "));

describe("an action-plan tab", () => {
  const layout = newPlanLayout(subject, settings("one-to-one"), 1);
  const lines = text(layout.rows);

  it("starts with the pair's facts and its Plan ID", () => {
    expect(lines[0]).toBe("Mentoring Goals and Action Plan");
    expect(lines).toContain("Plan ID | p-0123456789abcd | Status | Active |  | ");
    expect(lines).toContain(
      "Mentee | Ana Lee | Assistant Professor | Cardiology | ana.lee@example.org | ",
    );
    expect(lines).toContain(
      "Mentor | Raj Patel | Professor | Nephrology | raj.patel@example.org | ",
    );
    expect(lines).toContain("Why matched | Shared interests: heart failure |  |  |  | ");
    expect(planIdOf({ name: "x", rows: layout.rows })).toBe("p-0123456789abcd");
  });

  it("asks every question of the seed template, each with an answer cell", () => {
    for (const section of planSections) {
      expect(lines).toContain(section.title);
      for (const question of section.questions) {
        const row = layout.rows.findIndex((r) => r[0] === question);
        expect(row, question).toBeGreaterThan(0);
        expect(layout.format.answerCells).toContainEqual({ row, column: 1 });
      }
    }
    expect(lines.some((line) => line.startsWith("Goal 3:"))).toBe(true);
  });

  it("holds the program calendar and the meetings", () => {
    expect(lines).toContain("1 | 2026-09-01 | 2026-09-30 | Required mentor/mentee training #1 | ");
    expect(lines).toContain("9 | 2027-05-01 | 2027-05-31 | Required mentor/mentee training #3 | ");
    expect(lines.filter((line) => /^\d+ \| \d{4}-\d{2}-\d{2} \| {2}\| $/.test(line))).toHaveLength(
      10,
    );
  });

  it("is laid out for printing", () => {
    expect(layout.format.fitToWidth).toBe(true);
    expect(layout.format.columnWidths).toHaveLength(6);
  });
});
