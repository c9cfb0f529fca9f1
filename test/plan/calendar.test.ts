import { describe, expect, it } from "vitest";
import { meetings, programEnd, programMonths, trainingMonths } from "../../shared/index.js";

describe("program calendar", () => {
  const nineMonths = { startDate: "2026-09-01", durationMonths: 9 };

  it("puts the required trainings in months 1, 5 and 9 of nine", () => {
    expect(trainingMonths(9)).toEqual([1, 5, 9]);
    const months = programMonths(nineMonths);
    expect(
      months
        .map((m) => (m.activity.startsWith("Required") ? m.month : null))
        .filter((m) => m !== null),
    ).toEqual([1, 5, 9]);
    expect(
      months.filter((m) => m.activity.startsWith("Faculty development")).map((m) => m.month),
    ).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it("gives each month its dates, through the end of the program", () => {
    const months = programMonths(nineMonths);
    expect(months[0]).toMatchObject({ from: "2026-09-01", to: "2026-09-30" });
    expect(months[5]).toMatchObject({ from: "2027-02-01", to: "2027-02-28" });
    expect(programEnd(nineMonths)).toBe("2027-05-31");
  });

  it("handles a start late in the month", () => {
    const months = programMonths({ startDate: "2027-01-31", durationMonths: 3 });
    expect(months.map((m) => [m.from, m.to])).toEqual([
      ["2027-01-31", "2027-02-27"],
      ["2027-02-28", "2027-03-30"],
      ["2027-03-31", "2027-04-29"],
    ]);
  });

  it("plans meetings every 4 weeks (contact at least every 4–6 weeks)", () => {
    const planned = meetings({ ...nineMonths, meetingCadence: "every-4-weeks" });
    expect(planned.slice(0, 3).map((m) => m.planned)).toEqual([
      "2026-09-01",
      "2026-09-29",
      "2026-10-27",
    ]);
    expect(planned.at(-1)!.planned < "2027-06-01").toBe(true);
    expect(planned).toHaveLength(10);
  });

  it("plans the secondary program's meetings: monthly for three months, then every two", () => {
    const planned = meetings({
      startDate: "2026-09-15",
      durationMonths: 12,
      meetingCadence: "monthly-then-bimonthly",
    });
    expect(planned.map((m) => m.planned)).toEqual([
      "2026-09-15",
      "2026-10-15",
      "2026-11-15",
      "2027-01-15",
      "2027-03-15",
      "2027-05-15",
      "2027-07-15",
    ]);
  });
});
