import type {
  CellValue,
  MergedRange,
  SheetSnapshot,
  WorkbookSnapshot,
} from "../../shared/index.js";
import { readRoster, type ReadRosterOptions, type Roster } from "../../shared/index.js";

export function sheet(name: string, rows: CellValue[][], merges?: MergedRange[]): SheetSnapshot {
  return merges === undefined ? { name, rows } : { name, rows, merges };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Reads a roster that must be readable; fails the test with the fatal issue otherwise. */
export function readable(snapshot: WorkbookSnapshot, options?: ReadRosterOptions): Roster {
  const reading = readRoster(snapshot, options);
  if (!reading.ok)
    throw new Error(`roster unreadable: ${reading.error.code} ${reading.error.message}`);
  return reading.roster;
}

export function codes(roster: Roster): string[] {
  return roster.issues.map((item) => item.code);
}
