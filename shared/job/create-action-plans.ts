/**
 * Use case "Create action-plan tabs": one tab per pair (per mentee when the program gives a
 * team), created once and then the pair's own. Re-running refreshes the facts and the calendar
 * dates, marks tabs of pairs that no longer exist as ended, and never touches an answer. Past
 * the host's tab budget, new tabs go into additional plan workbooks.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot.js";
import type { Patch, PatchOp } from "../workbook/patch.js";
import { issue, type Issue } from "../issue.js";
import type { Person } from "../roster/schema.js";
import type { Settings } from "../rules/settings.js";
import { cellText, foldKey } from "../roster/text.js";
import { teamId } from "../match/pair-id.js";
import { calendarHeader, meetingsHeader } from "../plan/action-plan-text.js";
import { meetings, programMonths } from "../plan/calendar.js";
import {
  factRows,
  findHeaderRow,
  labelRows,
  newPlanTab,
  planIdOf,
  type PlanSubject,
} from "../plan/action-plan-tab.js";
import { pairTabName, tabNameKeys, uniqueTabName } from "../plan/tab-names.js";
import type { PlanLink } from "../plan/pairs-sheet.js";
import { matchSheetsPatch, type MatchedWorkbook } from "./match-mentors.js";

export interface PlanWorkbook {
  /** The file name of an additional plan workbook, as the host names it. */
  file: string;
  snapshot: WorkbookSnapshot;
}

export interface CreateActionPlansInput {
  matched: MatchedWorkbook;
  /** The main workbook as read (the one the matched workbook came from). */
  snapshot: WorkbookSnapshot;
  /** Additional plan workbooks from earlier runs. */
  planWorkbooks?: readonly PlanWorkbook[];
  /** YYYY-MM-DD, for "ended on" notes. */
  today: string;
  /** Most sheets one workbook may hold (Google Sheets: about 200). */
  tabBudget?: number;
  /** Names the n-th additional plan workbook (n ≥ 2). */
  planWorkbookName: (n: number) => string;
}

export interface PlanTabReport {
  planId: string;
  sheet: string;
  /** null for the main workbook. */
  file: string | null;
  mentee: string;
  status: "created" | "refreshed" | "ended" | "unchanged";
}

export interface CreateActionPlansResult {
  /** Everything the main workbook needs: Pairs (with links), Issues, Program and the tabs. */
  patch: Patch;
  /** Only the tab operations of the main workbook, for hosts that compose several steps. */
  tabOps: PatchOp[];
  /** Patches for additional plan workbooks, new or existing. */
  planWorkbookPatches: { file: string; patch: Patch }[];
  tabs: PlanTabReport[];
  issues: Issue[];
  planLinks: Map<string, PlanLink>;
}

const endedPrefix = "Ended";

export function createActionPlans(input: CreateActionPlansInput): CreateActionPlansResult {
  const { matched, today } = input;
  const { settings } = matched;
  const budget = input.tabBudget ?? Number.POSITIVE_INFINITY;
  const issues: Issue[] = [];
  const subjects = planSubjects(matched);
  const mentorRows = Math.max(
    1,
    ...subjects.map((subject) => subject.mentors.length),
    settings.mentorsPerMentee > 1 ? settings.mentorsPerMentee : 1,
  );

  // Every workbook we may write to, with the names it already uses.
  const books: {
    file: string | null;
    snapshot: WorkbookSnapshot;
    taken: Set<string>;
    sheets: number;
    ops: PatchOp[];
  }[] = [
    {
      file: null,
      snapshot: input.snapshot,
      taken: namesOf(input.snapshot),
      sheets: input.snapshot.sheets.length + ownSheetsToAdd(matched),
      ops: [],
    },
    ...(input.planWorkbooks ?? []).map((book) => ({
      file: book.file,
      snapshot: book.snapshot,
      taken: namesOf(book.snapshot),
      sheets: book.snapshot.sheets.length,
      ops: [] as PatchOp[],
    })),
  ];
  const existing = new Map<string, { book: (typeof books)[number]; sheet: SheetSnapshot }>();
  for (const book of books) {
    for (const sheet of book.snapshot.sheets) {
      const id = planIdOf(sheet);
      if (id !== null && !existing.has(id)) existing.set(id, { book, sheet });
    }
  }

  const tabs: PlanTabReport[] = [];
  const planLinks = new Map<string, PlanLink>();
  const link = (id: string, sheet: string, file: string | null): void => {
    planLinks.set(id, file === null ? { sheet } : { sheet, file });
  };

  for (const subject of subjects) {
    const found = existing.get(subject.planId);
    if (found !== undefined) {
      const refreshed = refreshPlanTab(found.sheet, subject, settings, issues);
      found.book.ops.push(...refreshed);
      link(subject.planId, found.sheet.name, found.book.file);
      tabs.push({
        planId: subject.planId,
        sheet: found.sheet.name,
        file: found.book.file,
        mentee: subject.mentee.id,
        status: refreshed.length > 0 ? "refreshed" : "unchanged",
      });
      continue;
    }
    let book = books.find((candidate) => candidate.sheets < budget);
    if (book === undefined) {
      const file = input.planWorkbookName(books.length + 1);
      book = { file, snapshot: { sheets: [] }, taken: new Set(), sheets: 0, ops: [] };
      books.push(book);
    }
    const sheet = uniqueTabName(tabBaseName(subject), book.taken);
    book.ops.push(newPlanTab(subject, settings, sheet, mentorRows));
    book.sheets++;
    link(subject.planId, sheet, book.file);
    tabs.push({
      planId: subject.planId,
      sheet,
      file: book.file,
      mentee: subject.mentee.id,
      status: "created",
    });
  }

  const current = new Set(subjects.map((subject) => subject.planId));
  for (const [planId, { book, sheet }] of existing) {
    if (current.has(planId)) continue;
    const ops = endPlanTab(sheet, today);
    book.ops.push(...ops);
    tabs.push({
      planId,
      sheet: sheet.name,
      file: book.file,
      mentee: cellText(sheet.rows[labelRows(sheet).get("mentee") ?? -1]?.[1] ?? null),
      status: ops.length > 0 ? "ended" : "unchanged",
    });
  }

  const main = books[0]!;
  const sheetsPatch = matchSheetsPatch(matched, { planLinks, extraIssues: issues });
  return {
    patch: { ops: [...sheetsPatch.ops, ...main.ops] },
    tabOps: main.ops,
    planWorkbookPatches: books
      .slice(1)
      .filter((book) => book.ops.length > 0)
      .map((book) => ({ file: book.file!, patch: { ops: book.ops } })),
    tabs,
    issues,
    planLinks,
  };
}

/** One subject per pair, or per mentee when the program gives teams. */
export function planSubjects(matched: MatchedWorkbook): PlanSubject[] {
  const people = new Map(matched.roster.people.map((person) => [person.id, person]));
  const teams = matched.settings.mentorsPerMentee > 1;
  const subjects = new Map<
    string,
    PlanSubject & { mentors: { person: Person; role: string | null; reasons: string }[] }
  >();
  for (const pair of matched.match.pairs) {
    const mentee = people.get(pair.menteeId);
    const mentor = people.get(pair.mentorId);
    if (mentee === undefined || mentor === undefined) continue;
    const planId = teams ? teamId(pair.menteeId) : pair.pairId;
    const subject = subjects.get(planId) ?? { planId, mentee, mentors: [] };
    subject.mentors.push({ person: mentor, role: pair.role, reasons: pair.reasons });
    subjects.set(planId, subject);
  }
  return [...subjects.values()];
}

function tabBaseName(subject: PlanSubject): string {
  const surname = (person: Person) => person.lastName || person.name;
  if (subject.mentors.length === 1)
    return pairTabName(surname(subject.mentee), surname(subject.mentors[0]!.person));
  return `${surname(subject.mentee)} – mentoring team`;
}

function namesOf(snapshot: WorkbookSnapshot): Set<string> {
  return new Set(snapshot.sheets.flatMap((sheet) => tabNameKeys(sheet.name)));
}

/** Pairs, Issues, Program and the Forms log count against the budget when not there yet. */
function ownSheetsToAdd(matched: MatchedWorkbook): number {
  const { pairs, issues, program, forms } = matched.targets;
  return [pairs, issues, program, forms].filter((target) => target.existing === undefined).length;
}

/** Facts and calendar dates rewritten in place, found by their labels; answers untouched. */
function refreshPlanTab(
  sheet: SheetSnapshot,
  subject: PlanSubject,
  settings: Settings,
  issues: Issue[],
): PatchOp[] {
  const labels = labelRows(sheet);
  const mentorLabels = [...labels.keys()].filter((label) => /^mentor( \d+)?$/.test(label));
  const mentorRows = Math.max(1, mentorLabels.length);
  if (subject.mentors.length > mentorLabels.length) {
    issues.push(
      issue(
        "plan-tab-short",
        "warning",
        `${sheet.name}`,
        `The tab ${sheet.name} has room for ${mentorLabels.length} mentor(s) in its facts; ${subject.mentors.length} are matched now, so the others are listed only in the Pairs sheet.`,
      ),
    );
  }
  const ops: PatchOp[] = [];
  const write = (row: number, column: number, values: CellValue[]): void => {
    const current = values.map((_, i) => cellText(sheet.rows[row]?.[column + i] ?? null));
    const wanted = values.map((value) => cellText(value));
    if (current.some((text, i) => text !== wanted[i]))
      ops.push({ op: "writeCells", sheet: sheet.name, row, column, values: [values] });
  };
  for (const cells of factRows(subject, settings, "Active", mentorRows)) {
    const row = labels.get(foldKey(String(cells[0])));
    if (row === undefined) continue; // the pair deleted this fact row; leave it deleted
    write(row, 1, cells.slice(1));
  }

  const calendarRow = findHeaderRow(sheet, calendarHeader);
  const months = programMonths(settings);
  const monthRows = numberedRowsBelow(sheet, calendarRow);
  if (calendarRow >= 0 && monthRows.length === months.length) {
    months.forEach((month, i) => write(monthRows[i]!, 1, [month.from, month.to, month.activity]));
  } else if (calendarRow >= 0) {
    issues.push(
      issue(
        "plan-calendar-changed",
        "warning",
        `${sheet.name}`,
        `The program now runs ${months.length} months but the tab ${sheet.name} lists ${monthRows.length}; its calendar was left as it is so no notes are lost.`,
      ),
    );
  }
  const meetingRow = findHeaderRow(sheet, meetingsHeader);
  const planned = meetings(settings);
  const meetingRows = numberedRowsBelow(sheet, meetingRow);
  if (meetingRow >= 0 && meetingRows.length === planned.length) {
    planned.forEach((meeting, i) => write(meetingRows[i]!, 1, [meeting.planned]));
  }
  return ops;
}

function endPlanTab(sheet: SheetSnapshot, today: string): PatchOp[] {
  const row = labelRows(sheet).get("plan id");
  if (row === undefined) return [];
  const status = cellText(sheet.rows[row]?.[3] ?? null);
  if (status.startsWith(endedPrefix)) return [];
  return [
    {
      op: "writeCells",
      sheet: sheet.name,
      row,
      column: 3,
      values: [[`${endedPrefix} ${today}: this pair is no longer in the Pairs sheet`]],
    },
  ];
}

/** Rows right below a header whose first cell is a number (calendar months, meetings). */
function numberedRowsBelow(sheet: SheetSnapshot, headerRow: number): number[] {
  const rows: number[] = [];
  if (headerRow < 0) return rows;
  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    const first = sheet.rows[row]?.[0] ?? null;
    if (typeof first === "number" || /^\d+$/.test(cellText(first))) rows.push(row);
    else break;
  }
  return rows;
}
