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
import { ownedSheet, type OwnedSheet } from "./owned-sheets.js";
import type { SheetSnapshot } from "../workbook/snapshot.js";
import type { KeptProgramRows } from "../rules/program-sheet.js";
import { planIdOf } from "../plan/action-plan-tab.js";
import type { PlanLink } from "../plan/pairs-sheet.js";
import { formsLogHeader, formsLogSheetName } from "../forms/forms-log.js";

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

export interface MatchedWorkbook {
  ok: true;
  roster: Roster;
  settings: Settings;
  match: MatchResult;
  overrides: Overrides;
  issues: Issue[];
  /** Pairs, Issues and Program sheets (the Pairs sheet links plan tabs that already exist). */
  patch: Patch;
  report: MatchReport;
  /** Where the product's own sheets go, and what they held. */
  targets: { pairs: OwnedSheet; issues: OwnedSheet; program: OwnedSheet; forms: OwnedSheet };
  keptProgramRows: KeptProgramRows;
  /** Plan tabs already in the workbook, by plan id. */
  existingPlans: ReadonlyMap<string, SheetSnapshot>;
}

export type MatchMentorsOutcome = MatchedWorkbook | { ok: false; error: Issue; issues: Issue[] };

export function matchMentors(input: MatchMentorsInput): MatchMentorsOutcome {
  const { snapshot } = input;
  const program = ownedSheet(snapshot, programSheetName, programSheetHeader);
  const pairsTarget = ownedSheet(snapshot, pairsSheetName, pairsColumns.slice(0, 3));
  const issuesTarget = ownedSheet(snapshot, issuesSheetName, issuesHeader);
  const formsTarget = ownedSheet(snapshot, formsLogSheetName, formsLogHeader.slice(0, 3));

  const settingsReading = readSettings(program.existing, {
    preset: input.preset,
    today: input.today,
  });
  if (!settingsReading.ok)
    return { ok: false, error: settingsReading.error, issues: settingsReading.issues };
  const { settings } = settingsReading;

  // Our own sheets are never read as roster, whatever they are called.
  const existingPlans = new Map<string, SheetSnapshot>();
  for (const sheet of snapshot.sheets) {
    const planId = planIdOf(sheet);
    if (planId !== null && !existingPlans.has(planId)) existingPlans.set(planId, sheet);
  }
  const ownNames = new Set([
    ...[program, pairsTarget, issuesTarget, formsTarget].flatMap((target) =>
      target.existing === undefined ? [] : [target.existing.name],
    ),
    // Every tab holding a Plan ID, copies of a plan tab included.
    ...snapshot.sheets.filter((sheet) => planIdOf(sheet) !== null).map((sheet) => sheet.name),
  ]);
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
  const matched: MatchedWorkbook = {
    ok: true,
    roster,
    settings,
    match,
    overrides,
    issues,
    patch: { ops: [] },
    report,
    targets: { pairs: pairsTarget, issues: issuesTarget, program, forms: formsTarget },
    keptProgramRows: settingsReading.kept,
    existingPlans,
  };
  matched.patch = matchSheetsPatch(matched);
  return matched;
}

/**
 * The Pairs, Issues and Program sheets for a matched workbook. Later steps (plans, forms)
 * call it again with their tabs' links and their own issues, so one Issues sheet says all.
 */
export function matchSheetsPatch(
  matched: MatchedWorkbook,
  options: { planLinks?: ReadonlyMap<string, PlanLink>; extraIssues?: readonly Issue[] } = {},
): Patch {
  const { roster, settings, match, overrides, targets } = matched;
  // Without new links, the Pairs sheet links the plan tabs the workbook already has.
  const planLinks =
    options.planLinks ??
    new Map([...matched.existingPlans].map(([id, sheet]) => [id, { sheet: sheet.name }]));
  return {
    ops: [
      pairsSheet({
        match,
        roster,
        overrides,
        mentorsPerMentee: settings.mentorsPerMentee,
        previous: targets.pairs.existing,
        sheetName: targets.pairs.name,
        planLinks,
      }),
      issuesSheet([...matched.issues, ...(options.extraIssues ?? [])], targets.issues.name),
      {
        op: "setSheet",
        sheet: targets.program.name,
        rows: programSheetRows(settings, matched.keptProgramRows),
        format: { headerRows: 1, freezeRows: 1, columnWidths: [28, 44, 90], wrapColumns: [2] },
      },
    ],
  };
}
