/**
 * Use case "Match mentors": workbook snapshot in, patch (Pairs, Issues, Program sheets) and a
 * report out. Pure: `today` is passed in, nothing is read or written here.
 */
import type { WorkbookSnapshot } from "../workbook/snapshot.js";
import type { Patch } from "../workbook/patch.js";
import type { Issue } from "../issue.js";
import { readRoster } from "../roster/read-roster.js";
import type { MappingOverride, Roster } from "../roster/schema.js";
import { PeopleIndex } from "../roster/people-index.js";
import { readSettings, programSheetRows, programSheetName } from "../rules/program-sheet.js";
import type { PresetName, Settings } from "../rules/settings.js";
import { readOverrides, type Overrides } from "../match/overrides.js";
import { matchRoster, type MatchResult } from "../match/match-roster.js";
import { pairsSheet } from "../plan/pairs-sheet.js";
import { pairsColumns, pairsSheetName } from "../plan/pairs-sheet-columns.js";
import { issuesSheet, issuesHeader, issuesSheetName } from "../plan/issues-sheet.js";
import { programSheetHeader } from "../rules/program-sheet.js";
import { ownedSheet } from "./owned-sheets.js";

export interface MatchMentorsInput {
  snapshot: WorkbookSnapshot;
  /** YYYY-MM-DD; fixes the default academic year and start date. */
  today: string;
  preset?: PresetName;
  mapping?: MappingOverride;
}

export interface MatchReport {
  pairs: {
    mentee: string;
    mentor: string;
    role: string | null;
    status: string;
    score: number;
    reasons: string;
    pairId: string;
  }[];
  unmatched: { mentee: string; reason: string }[];
  issues: Issue[];
  settings: Settings;
  summary: MatchResult["stats"] & { unmatched: number; locked: number; rejected: number };
}

export type MatchMentorsOutcome =
  | {
      ok: true;
      roster: Roster;
      settings: Settings;
      match: MatchResult;
      overrides: Overrides;
      issues: Issue[];
      patch: Patch;
      report: MatchReport;
    }
  | { ok: false; error: Issue; issues: Issue[] };

export function matchMentors(input: MatchMentorsInput): MatchMentorsOutcome {
  const { snapshot } = input;
  const program = ownedSheet(snapshot, programSheetName, programSheetHeader);
  const pairsTarget = ownedSheet(snapshot, pairsSheetName, pairsColumns.slice(0, 3));
  const issuesTarget = ownedSheet(snapshot, issuesSheetName, issuesHeader);

  const settingsReading = readSettings(program.existing, {
    preset: input.preset,
    today: input.today,
  });
  if (!settingsReading.ok)
    return { ok: false, error: settingsReading.error, issues: settingsReading.issues };
  const { settings } = settingsReading;

  // Our own sheets are never read as roster, whatever they are called.
  const ownNames = new Set(
    [program.existing?.name, pairsTarget.existing?.name, issuesTarget.existing?.name].filter(
      (n) => n !== undefined,
    ),
  );
  const rosterSnapshot = { sheets: snapshot.sheets.filter((sheet) => !ownNames.has(sheet.name)) };
  const reading = readRoster(rosterSnapshot, {
    mapping: input.mapping,
    defaultCapacity: settings.defaultCapacity,
  });
  if (!reading.ok) return { ok: false, error: reading.error, issues: settingsReading.issues };
  const roster = reading.roster;

  const overrides = readOverrides(pairsTarget.existing, new PeopleIndex(roster.people));
  const match = matchRoster(roster, settings, overrides);
  const issues = [
    ...settingsReading.issues,
    ...roster.issues,
    ...overrides.issues,
    ...match.issues,
  ];

  const patch: Patch = {
    ops: [
      pairsSheet({
        match,
        roster,
        overrides,
        mentorsPerMentee: settings.mentorsPerMentee,
        previous: pairsTarget.existing,
        sheetName: pairsTarget.name,
      }),
      issuesSheet(issues, issuesTarget.name),
      {
        op: "setSheet",
        sheet: program.name,
        rows: programSheetRows(settings, settingsReading.kept),
        format: { headerRows: 1, freezeRows: 1, columnWidths: [28, 44, 90], wrapColumns: [2] },
      },
    ],
  };

  const byId = new Map(roster.people.map((person) => [person.id, person]));
  const handle = (id: string): string => byId.get(id)?.email ?? byId.get(id)?.name ?? id;
  const report: MatchReport = {
    pairs: match.pairs.map((pair) => ({
      mentee: handle(pair.menteeId),
      mentor: handle(pair.mentorId),
      role: pair.role,
      status: pair.status,
      score: pair.score,
      reasons: pair.reasons,
      pairId: pair.pairId,
    })),
    unmatched: match.unmatched.map((u) => ({ mentee: handle(u.menteeId), reason: u.reason })),
    issues,
    settings,
    summary: {
      ...match.stats,
      unmatched: match.unmatched.length,
      locked: match.pairs.filter((p) => p.status === "Locked").length,
      rejected: overrides.rejected.length,
    },
  };
  return { ok: true, roster, settings, match, overrides, issues, patch, report };
}
