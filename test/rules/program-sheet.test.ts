import { describe, expect, it } from "vitest";
import {
  presetNames,
  presetSettings,
  programSheetRows,
  readSettings,
  type CellValue,
} from "../../shared/index.js";

const today = "2026-11-23";
const sheetOf = (rows: CellValue[][]) => ({ name: "Program", rows });

describe("program settings", () => {
  it.each(presetNames)("preset %s round-trips through the Program sheet", (name) => {
    const settings = presetSettings(name, today);
    const reading = readSettings(sheetOf(programSheetRows(settings)), { today });
    expect(reading).toMatchObject({ ok: true, issues: [] });
    if (reading.ok) expect(reading.settings).toEqual(settings);
  });

  it("fits the seed programs", () => {
    expect(presetSettings("one-to-one", today)).toMatchObject({
      mentorsPerMentee: 1,
      durationMonths: 9,
      academicYear: "2026–2027",
      startDate: "2026-09-01",
      conferenceDeadline: "2027-04-01",
    });
    expect(presetSettings("two-mentors", today)).toMatchObject({
      mentorsPerMentee: 2,
      mentorRanks: ["Associate Professor", "Professor"],
      roleSlots: [{ tracks: ["basic-science"], slots: ["clinical", "research"] }],
    });
    expect(presetSettings("cross-division", today).divisionRule).toBe("different-required");
    expect(presetSettings("secondary", today)).toMatchObject({
      avoidSameLab: true,
      avoidSupervisor: true,
      meetingCadence: "monthly-then-bimonthly",
    });
    expect(presetSettings("committee", today)).toMatchObject({
      mentorsPerMentee: 3,
      minimumMentors: 2,
    });
    expect(presetSettings("one-to-one", "2027-03-01").academicYear).toBe("2026–2027");
    expect(presetSettings("one-to-one", "2027-07-01").academicYear).toBe("2027–2028");
  });

  it("reads what coordinators type: words, dates as Excel shows them, Yes/No", () => {
    const reading = readSettings(
      sheetOf([
        ["Setting", "Value"],
        ["Preset", "Cross division"],
        ["Division rule", "Different preferred"],
        ["Start date", "10/1/2026"],
        ["Avoid same lab", "yes"],
        ["Mentor ranks", "Assoc Prof, Full Professor"],
      ]),
      { today },
    );
    expect(reading.ok && reading.settings).toMatchObject({
      preset: "cross-division",
      divisionRule: "different-preferred",
      startDate: "2026-10-01",
      avoidSameLab: true,
      mentorRanks: ["Associate Professor", "Professor"],
    });
  });

  it("reports a bad value at its cell, keeps the preset's value, and keeps the typing for the sheet", () => {
    const reading = readSettings(
      sheetOf([
        ["Setting", "Value"],
        ["Months", "nine"],
        ["Favourite colour", "blue"],
      ]),
      { today },
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.issues.map((i) => [i.code, i.cell])).toEqual([
      ["setting-invalid", "Program!B2"],
      ["setting-unknown", "Program!A3"],
    ]);
    expect(reading.settings.durationMonths).toBe(9);
    const rows = programSheetRows(reading.settings, reading.kept);
    expect(rows.find((row) => row[0] === "Months")![1]).toBe("nine");
    expect(rows.at(-1)).toEqual(["Favourite colour", "blue"]);
  });

  it("stops only when a setting makes matching meaningless", () => {
    const reading = readSettings(
      sheetOf([
        ["Setting", "Value"],
        ["Mentee ranks", ""],
      ]),
      { today },
    );
    expect(reading).toMatchObject({
      ok: false,
      error: { code: "setting-meaningless", cell: "Program!B2" },
    });
  });

  it("lets a chosen preset replace the sheet's, saying so", () => {
    const reading = readSettings(
      sheetOf([
        ["Setting", "Value"],
        ["Preset", "committee"],
        ["Months", 4],
      ]),
      { today, preset: "one-to-one" },
    );
    expect(reading.ok && reading.settings).toMatchObject({
      preset: "one-to-one",
      durationMonths: 9,
    });
    expect(reading.issues).toEqual([
      expect.objectContaining({ code: "preset-replaced", cell: "Program!B2" }),
    ]);
  });
});
