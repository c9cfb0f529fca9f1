/**
 * The day and the moment a Google-mode run counts from, on the spreadsheet's clock (its time
 * zone, File → Settings) rather than the machine's: a nightly run at 01:00 UTC is still the
 * evening before in Boston, and the Apps Script host formats both in the spreadsheet's zone
 * too, so the two hosts log the same day and time.
 */
export interface RunMoment {
  /** YYYY-MM-DD. */
  today: string;
  /** ISO 8601 with the zone's offset, e.g. 2025-06-02T08:00:00-04:00 (Z for UTC). */
  now: string;
}

export function spreadsheetMoment(at: Date, timeZone: string): RunMoment {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    }).formatToParts(at);
  } catch {
    // A zone this Node does not know: the machine's UTC day, said plainly in the log.
    return spreadsheetMoment(at, "UTC");
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  const today = `${part("year")}-${part("month")}-${part("day")}`;
  // "GMT-04:00", "GMT+05:30"; a zero offset is "GMT" or "GMT+00:00" by Node version.
  const offset = part("timeZoneName").replace(/^GMT/, "");
  const zone = offset === "" || /^[+-]00:00$/.test(offset) ? "Z" : offset;
  return { today, now: `${today}T${part("hour")}:${part("minute")}:${part("second")}${zone}` };
}
