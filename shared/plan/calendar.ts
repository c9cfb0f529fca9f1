/**
 * The program calendar (seed 003): required mentor/mentee trainings in the first, middle and
 * last month (1, 5 and 9 of nine), faculty-development offerings in between, and meetings at
 * the program's cadence. Dates are computed from the start date only: no clock.
 */
import type { Settings } from "../rules/settings.js";

export interface CalendarMonth {
  month: number;
  /** First and last day of the program month, YYYY-MM-DD. */
  from: string;
  to: string;
  activity: string;
}

export interface Meeting {
  number: number;
  /** YYYY-MM-DD */
  planned: string;
}

export function parseIsoDate(iso: string): Date {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addMonths(iso: string, months: number): Date {
  const start = parseIsoDate(iso);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The months that hold the three required trainings: first, middle and last. */
export function trainingMonths(durationMonths: number): number[] {
  return [...new Set([1, Math.round((1 + durationMonths) / 2), durationMonths])];
}

export function programMonths(
  settings: Pick<Settings, "startDate" | "durationMonths">,
): CalendarMonth[] {
  const trainings = trainingMonths(settings.durationMonths);
  return Array.from({ length: settings.durationMonths }, (_, i) => {
    const month = i + 1;
    const training = trainings.indexOf(month);
    return {
      month,
      from: isoDate(addMonths(settings.startDate, i)),
      to: isoDate(addDays(addMonths(settings.startDate, i + 1), -1)),
      activity:
        training >= 0
          ? `Required mentor/mentee training #${training + 1}`
          : "Faculty development skill-set offerings",
    };
  });
}

/** Planned meetings from the start date to the end of the program. */
export function meetings(
  settings: Pick<Settings, "startDate" | "durationMonths" | "meetingCadence">,
): Meeting[] {
  const end = addMonths(settings.startDate, settings.durationMonths);
  const planned: Date[] = [];
  const start = parseIsoDate(settings.startDate);
  switch (settings.meetingCadence) {
    case "every-4-weeks":
    case "every-6-weeks": {
      const step = settings.meetingCadence === "every-4-weeks" ? 28 : 42;
      for (let date = start; date < end; date = addDays(date, step)) planned.push(date);
      break;
    }
    case "monthly":
      for (let i = 0; addMonths(settings.startDate, i) < end; i++)
        planned.push(addMonths(settings.startDate, i));
      break;
    case "monthly-then-bimonthly":
      // Secondary mentoring pilot: monthly for the first three months, then every two months.
      for (let i = 0; addMonths(settings.startDate, i) < end; i += i < 2 ? 1 : 2)
        planned.push(addMonths(settings.startDate, i));
      break;
  }
  return planned.map((date, i) => ({ number: i + 1, planned: isoDate(date) }));
}

export function programEnd(settings: Pick<Settings, "startDate" | "durationMonths">): string {
  return isoDate(addDays(addMonths(settings.startDate, settings.durationMonths), -1));
}
