/**
 * The Pairs sheet: every pair with its status, score and reasons, then the rejected pairs (kept
 * so they stay rejected), then unmatched mentees with the reason. Columns the coordinator added
 * (notes, dates) are carried over row by row, so a re-run never loses what they typed.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot.js";
import type { CellLink, PatchOp } from "../workbook/patch.js";
import { quoteSheetName } from "../workbook/cell-ref.js";
import type { Person, Roster } from "../roster/schema.js";
import { capitalise, cellText, foldKey } from "../roster/text.js";
import type { MatchResult } from "../match/match-roster.js";
import type { Overrides } from "../match/overrides.js";
import { pairId, teamId } from "../match/pair-id.js";
import {
  pairsColumns,
  pairsSheetName,
  pairStatuses,
  type PairsColumn,
} from "./pairs-sheet-columns.js";

export interface PairsSheetInput {
  match: MatchResult;
  roster: Roster;
  overrides: Overrides;
  mentorsPerMentee: number;
  /** The Pairs sheet of the previous run, if any. */
  previous?: SheetSnapshot | undefined;
  sheetName?: string;
  /** Action-plan tabs by pair id or team id, linked from each pair's row. */
  planLinks?: ReadonlyMap<string, PlanLink> | undefined;
}

/** Where a pair's action plan is: a tab, in this workbook or in a plan workbook beside it. */
export interface PlanLink {
  sheet: string;
  file?: string;
}

const statusColumn = 0;
const ours = new Set(pairsColumns.map((column) => foldKey(column)));

export function pairsSheet(input: PairsSheetInput): PatchOp {
  const people = new Map(input.roster.people.map((person) => [person.id, person]));
  const nameOf = (id: string): Person | undefined => people.get(id);
  const carried = carriedColumns(input.previous);
  const rows: CellValue[][] = [[...pairsColumns, ...carried.headers]];
  const used = new Set<string>();
  const personCells = (person: Person | undefined, id: string): CellValue[] => [
    person?.name ?? id,
    person?.email ?? "",
    person?.division ?? "",
  ];
  const withCarried = (
    cells: CellValue[],
    mentee: Person | undefined,
    mentor: Person | undefined,
  ): CellValue[] => {
    const key = rowKey(mentee?.email ?? mentee?.name ?? "", mentor?.email ?? mentor?.name ?? "");
    used.add(key);
    return [...cells, ...(carried.values.get(key) ?? carried.headers.map(() => null))];
  };

  const order = new Map(input.roster.people.map((person, index) => [person.id, index]));
  const pairs = [...input.match.pairs].sort(
    (a, b) =>
      (order.get(a.menteeId) ?? 0) - (order.get(b.menteeId) ?? 0) ||
      roleOrder(a.role) - roleOrder(b.role),
  );
  const countByMentee = new Map<string, number>();
  const links: CellLink[] = [];
  const planColumn = pairsColumns.indexOf("Action plan");
  for (const pair of pairs) {
    const mentee = nameOf(pair.menteeId);
    const mentor = nameOf(pair.mentorId);
    const k = (countByMentee.get(pair.menteeId) ?? 0) + 1;
    countByMentee.set(pair.menteeId, k);
    const role = pair.role ?? (input.mentorsPerMentee > 1 ? `Mentor ${k}` : "Mentor");
    const plan = input.planLinks?.get(pair.pairId) ?? input.planLinks?.get(teamId(pair.menteeId));
    if (plan !== undefined) {
      const target = `${quoteSheetName(plan.sheet)}!A1`;
      links.push({
        row: rows.length,
        column: planColumn,
        target,
        ...(plan.file === undefined ? {} : { file: plan.file }),
      });
    }
    rows.push(
      withCarried(
        [
          pair.status,
          ...personCells(mentee, pair.menteeId),
          ...personCells(mentor, pair.mentorId),
          capitalise(role),
          pair.score,
          pair.reasons,
          plan === undefined
            ? ""
            : plan.file === undefined
              ? plan.sheet
              : `${plan.file} › ${plan.sheet}`,
          pair.pairId,
        ],
        mentee,
        mentor,
      ),
    );
  }
  for (const rejected of input.overrides.rejected) {
    const mentee = nameOf(rejected.menteeId);
    const mentor = nameOf(rejected.mentorId);
    rows.push(
      withCarried(
        [
          "Rejected",
          ...personCells(mentee, rejected.menteeId),
          ...personCells(mentor, rejected.mentorId),
          rejected.role === null ? "" : capitalise(rejected.role),
          "",
          "Rejected by the coordinator; never proposed again while this row says Rejected.",
          "",
          pairId(rejected.menteeId, rejected.mentorId),
        ],
        mentee,
        mentor,
      ),
    );
  }
  // Decisions whose people were not found stay exactly as typed, with the reason in Why.
  for (const kept of input.overrides.kept) {
    const written = (column: PairsColumn): CellValue => kept.written.get(column) ?? null;
    const text = (column: PairsColumn): string => cellText(written(column));
    const key = rowKey(
      text("Mentee e-mail") || text("Mentee"),
      text("Mentor e-mail") || text("Mentor"),
    );
    used.add(key);
    rows.push([
      ...pairsColumns.map((column) =>
        column === "Status" ? capitalise(kept.kind) : column === "Why" ? kept.why : written(column),
      ),
      ...(carried.values.get(key) ?? carried.headers.map(() => null)),
    ]);
  }
  for (const unmatched of input.match.unmatched) {
    const mentee = nameOf(unmatched.menteeId);
    rows.push(
      withCarried(
        [
          "Unmatched",
          ...personCells(mentee, unmatched.menteeId),
          "",
          "",
          "",
          "",
          "",
          unmatched.reason,
          "",
          "",
        ],
        mentee,
        undefined,
      ),
    );
  }
  // Notes on rows that no longer exist stay visible rather than vanish.
  for (const [key, values] of carried.values) {
    if (used.has(key) || values.every((value) => cellText(value) === "")) continue;
    const [menteeKey, mentorKey] = key.split("|");
    rows.push([
      "Superseded",
      carried.names.get(key)?.[0] ?? menteeKey ?? "",
      "",
      "",
      carried.names.get(key)?.[1] ?? mentorKey ?? "",
      "",
      "",
      "",
      "",
      "An earlier row, kept for the notes typed beside it; delete it when no longer needed.",
      "",
      "",
      ...values,
    ]);
  }

  const statusRows = rows.length - 1;
  const why = pairsColumns.indexOf("Why");
  return {
    op: "setSheet",
    sheet: input.sheetName ?? pairsSheetName,
    rows,
    format: {
      headerRows: 1,
      freezeRows: 1,
      freezeColumns: 2,
      columnWidths: [
        12,
        24,
        28,
        20,
        24,
        28,
        20,
        12,
        8,
        70,
        22,
        16,
        ...carried.headers.map(() => 24),
      ],
      wrapColumns: [why],
      listValidations:
        statusRows > 0
          ? [
              {
                column: statusColumn,
                fromRow: 1,
                toRow: Math.max(statusRows, 1) + 200,
                values: [...pairStatuses],
              },
            ]
          : [],
      rowStyles: rows.flatMap((row, index) => {
        const style = rowStyleOf(row[statusColumn] ?? null);
        return style === null ? [] : [{ row: index, style }];
      }),
      links,
      numberFormats: [{ column: pairsColumns.indexOf("Score"), format: "0.0" }],
      fitToWidth: true,
    },
  };
}

function rowStyleOf(status: CellValue): "warning" | "muted" | null {
  if (status === "Unmatched") return "warning";
  return status === "Rejected" || status === "Superseded" ? "muted" : null;
}

function roleOrder(role: string | null): number {
  return role === null ? 1 : 0;
}

function rowKey(mentee: string, mentor: string): string {
  return `${foldKey(mentee)}|${foldKey(mentor)}`;
}

/** Columns of the previous Pairs sheet that are not ours, with their values by pair. */
function carriedColumns(previous: SheetSnapshot | undefined): {
  headers: string[];
  values: Map<string, CellValue[]>;
  names: Map<string, [string, string]>;
} {
  const empty = {
    headers: [],
    values: new Map<string, CellValue[]>(),
    names: new Map<string, [string, string]>(),
  };
  if (previous === undefined) return empty;
  const headerRow = previous.rows.findIndex(
    (row) =>
      row.some((v) => foldKey(cellText(v)) === "status") &&
      row.some((v) => foldKey(cellText(v)) === "mentee"),
  );
  if (headerRow < 0) return empty;
  const header = (previous.rows[headerRow] ?? []).map((value) => cellText(value));
  const keys = header.map(foldKey);
  const extraColumns = header
    .map((text, column) => ({ text, column }))
    .filter(({ text, column }) => text !== "" && !ours.has(keys[column]!));
  if (extraColumns.length === 0) return empty;
  const col = (name: string) => keys.indexOf(foldKey(name));
  const values = new Map<string, CellValue[]>();
  const names = new Map<string, [string, string]>();
  for (const row of previous.rows.slice(headerRow + 1)) {
    const at = (column: number) => (column < 0 ? "" : cellText(row[column] ?? null));
    const mentee = at(col("Mentee e-mail")) || at(col("Mentee"));
    const mentor = at(col("Mentor e-mail")) || at(col("Mentor"));
    if (mentee === "") continue;
    const key = rowKey(mentee, mentor);
    values.set(
      key,
      extraColumns.map(({ column }) => row[column] ?? null),
    );
    names.set(key, [at(col("Mentee")) || mentee, at(col("Mentor")) || mentor]);
  }
  return { headers: extraColumns.map(({ text }) => text), values, names };
}
