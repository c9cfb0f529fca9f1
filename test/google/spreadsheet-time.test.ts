import { describe, expect, it } from "vitest";
import { spreadsheetMoment } from "../../cli/google/spreadsheet-time.js";

describe("the moment a Google-mode run counts from, on the spreadsheet's clock", () => {
  it("is still the evening before in Boston when a nightly run starts at 02:00 UTC", () => {
    expect(spreadsheetMoment(new Date("2025-06-03T02:00:00Z"), "America/New_York")).toEqual({
      today: "2025-06-02",
      now: "2025-06-02T22:00:00-04:00",
    });
  });

  it("follows winter time, half-hour offsets and UTC", () => {
    expect(spreadsheetMoment(new Date("2025-12-01T12:30:15Z"), "America/New_York").now).toBe(
      "2025-12-01T07:30:15-05:00",
    );
    expect(spreadsheetMoment(new Date("2025-12-01T20:00:00Z"), "Asia/Kolkata")).toEqual({
      today: "2025-12-02",
      now: "2025-12-02T01:30:00+05:30",
    });
    expect(spreadsheetMoment(new Date("2025-12-01T23:59:59Z"), "Etc/UTC").now).toBe(
      "2025-12-01T23:59:59Z",
    );
  });

  it("falls back to UTC for a zone this machine does not know", () => {
    expect(spreadsheetMoment(new Date("2025-06-03T02:00:00Z"), "Mars/Olympus_Mons")).toEqual({
      today: "2025-06-03",
      now: "2025-06-03T02:00:00Z",
    });
  });
});
