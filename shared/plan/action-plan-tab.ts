/**
 * One action-plan tab: the pair's facts at the top (refreshed on every run), then the seed
 * 004 questions with answer areas, the goals table and the program calendar (the pair's own:
 * never overwritten). The tab is found again by the Plan ID in its facts, not by its name.
 */
import type { CellValue, MergedRange, SheetSnapshot } from "../workbook/snapshot.js";
import type { PatchOp, RowStyle, SheetFormat } from "../workbook/patch.js";
import type { Person } from "../roster/schema.js";
import type { Settings } from "../rules/settings.js";
import { capitalise, cellText, foldKey } from "../roster/text.js";
import { meetings, programEnd, programMonths } from "./calendar.js";
import {
  calendarHeader,
  calendarTitle,
  goalsTableHeader,
  goalsTableIntro,
  goalsTableTitle,
  meetingsHeader,
  meetingsTitle,
  planIntro,
  planSections,
  planTitle,
} from "./action-plan-text.js";

export const planIdLabel = "Plan ID";
const columns = 6;
const cadenceWords: Readonly<Record<Settings["meetingCadence"], string>> = {
  "every-4-weeks": "at least every 4 weeks",
  "every-6-weeks": "at least every 6 weeks",
  monthly: "monthly",
  "monthly-then-bimonthly": "monthly for 3 months, then every 2 months",
};

export interface PlanSubject {
  /** A pair id, or a team id when the mentee has several mentors. */
  planId: string;
  mentee: Person;
  mentors: readonly { person: Person; role: string | null; reasons: string }[];
}

/** The facts block: one row per label in column A; values in B onward. */
export function factRows(
  subject: PlanSubject,
  settings: Settings,
  status: string,
  mentorRows: number,
): CellValue[][] {
  const personCells = (person: Person | undefined, role: string | null): CellValue[] =>
    person === undefined
      ? ["", "", "", "", ""]
      : [
          person.name,
          person.rank ?? "",
          person.division ?? "",
          person.email ?? "",
          role === null ? "" : capitalise(role),
        ];
  const rows: CellValue[][] = [
    [planIdLabel, subject.planId, "Status", status, "", ""],
    ["Program", settings.programName, "Academic year", settings.academicYear, "", ""],
    [
      "Dates",
      settings.startDate,
      "to",
      programEnd(settings),
      "Meet",
      cadenceWords[settings.meetingCadence],
    ],
    ["Mentee", ...personCells(subject.mentee, null)],
  ];
  for (let i = 0; i < mentorRows; i++) {
    const mentor = subject.mentors[i];
    rows.push([mentorLabel(i, mentorRows), ...personCells(mentor?.person, mentor?.role ?? null)]);
  }
  const why = subject.mentors
    .map((m) => (subject.mentors.length > 1 ? `${m.person.name}: ${m.reasons}` : m.reasons))
    .join("\n");
  rows.push(["Why matched", why, "", "", "", ""]);
  return rows;
}

function mentorLabel(index: number, count: number): string {
  return count === 1 ? "Mentor" : `Mentor ${index + 1}`;
}

interface Layout {
  rows: CellValue[][];
  format: SheetFormat;
}

/** The whole tab, for a pair that has none yet. */
export function newPlanLayout(
  subject: PlanSubject,
  settings: Settings,
  mentorRows: number,
): Layout {
  const rows: CellValue[][] = [];
  const styles: { row: number; style: RowStyle }[] = [];
  const answers: { row: number; column: number }[] = [];
  const labels: { row: number; column: number }[] = [];
  const merges: MergedRange[] = [];
  const heights: { row: number; height: number }[] = [];
  const push = (cells: CellValue[], style?: RowStyle): number => {
    rows.push(cells);
    const row = rows.length - 1;
    if (style !== undefined) styles.push({ row, style });
    // Titles span the page so they never wrap inside the narrow first column.
    if (style === "title" || style === "section")
      merges.push({ top: row, left: 0, bottom: row, right: columns - 1 });
    return row;
  };
  const wide = (row: number): void => {
    merges.push({ top: row, left: 1, bottom: row, right: columns - 1 });
  };

  push([planTitle], "title");
  for (const cells of factRows(subject, settings, "Active", mentorRows)) {
    const row = push(cells);
    labels.push({ row, column: 0 });
    // The in-row labels ("Status", "Academic year", "to", "Meet").
    if (cells[0] === planIdLabel || cells[0] === "Program") labels.push({ row, column: 2 });
    if (cells[0] === "Dates") labels.push({ row, column: 2 }, { row, column: 4 });
    if (cells[0] === "Why matched") {
      wide(row);
      heights.push({ row, height: 15 * Math.max(2, subject.mentors.length + 1) });
    }
  }
  push([]);
  const intro = push([planIntro]);
  merges.push({ top: intro, left: 0, bottom: intro, right: columns - 1 });
  heights.push({ row: intro, height: 45 });
  push([]);

  for (const section of planSections) {
    push([section.title], "section");
    for (const question of section.questions) {
      const row = push([question, ""]);
      answers.push({ row, column: 1 });
      wide(row);
      heights.push({ row, height: 60 });
    }
    push([]);
  }

  push([goalsTableTitle], "section");
  const goalsIntro = push([goalsTableIntro]);
  merges.push({ top: goalsIntro, left: 0, bottom: goalsIntro, right: columns - 1 });
  push([...goalsTableHeader], "header");
  for (let goal = 1; goal <= 3; goal++) {
    const row = push([`Goal ${goal}:`, "", "", ""]);
    for (let column = 1; column < goalsTableHeader.length; column++) answers.push({ row, column });
    heights.push({ row, height: 60 });
  }
  push([]);

  push([calendarTitle], "section");
  push([...calendarHeader], "header");
  for (const month of programMonths(settings)) {
    const row = push([month.month, month.from, month.to, month.activity, ""]);
    answers.push({ row, column: 4 });
  }
  push([]);
  push([`${meetingsTitle} (${cadenceWords[settings.meetingCadence]})`], "section");
  push([...meetingsHeader], "header");
  for (const meeting of meetings(settings)) {
    const row = push([meeting.number, meeting.planned, "", ""]);
    answers.push({ row, column: 2 }, { row, column: 3 });
  }

  return {
    rows,
    format: {
      columnWidths: [30, 34, 22, 40, 30, 22],
      wrapColumns: [0, 1, 3],
      rowStyles: styles,
      answerCells: answers,
      labelCells: labels,
      merges,
      rowHeights: heights,
      freezeRows: 1,
      fitToWidth: true,
    },
  };
}

export function newPlanTab(
  subject: PlanSubject,
  settings: Settings,
  sheet: string,
  mentorRows: number,
): PatchOp {
  const { rows, format } = newPlanLayout(subject, settings, mentorRows);
  return { op: "setSheet", sheet, rows, format };
}

/** The Plan ID a sheet holds in its facts block, or null when it is not a plan tab. */
export function planIdOf(sheet: SheetSnapshot): string | null {
  for (const row of sheet.rows.slice(0, 8)) {
    if (cellText(row[0] ?? null) === planIdLabel) {
      const id = cellText(row[1] ?? null);
      return id === "" ? null : id;
    }
  }
  return null;
}

/** Row index (0-based) of each column-A label in the first rows of a tab. */
export function labelRows(sheet: SheetSnapshot, within = 40): Map<string, number> {
  const found = new Map<string, number>();
  sheet.rows.slice(0, within).forEach((row, index) => {
    const label = foldKey(cellText(row[0] ?? null));
    if (label !== "" && !found.has(label)) found.set(label, index);
  });
  return found;
}

/** Finds a header row (its cells in order from column A) anywhere in the sheet. */
export function findHeaderRow(sheet: SheetSnapshot, header: readonly string[]): number {
  const wanted = header.map(foldKey);
  return sheet.rows.findIndex((row) =>
    wanted.every((text, column) => foldKey(cellText(row[column] ?? null)) === text),
  );
}
