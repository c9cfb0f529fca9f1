/**
 * Cells to people: the roster use case's first step. Snapshot in, `{ mapping, people,
 * doNotPair, issues, rows }` out; a roster that cannot be read gives one clear issue instead.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot.js";
import { cellRef, columnIndex, columnLetter, quoteSheetName } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";
import type { DoNotPairField, Field } from "./fields.js";
import { detectHeader, fieldsFor, headerTexts, type HeaderGuess } from "./detect-header.js";
import { assignColumns } from "./map-columns.js";
import { sheetKindFromName, type SheetKind } from "./sheet-kind.js";
import { readPeopleSheet } from "./read-people-sheet.js";
import { mergeDuplicates } from "./merge-duplicates.js";
import { PeopleIndex } from "./people-index.js";
import { resolvePreferences } from "./resolve-preferences.js";
import { readDoNotPair } from "./read-do-not-pair.js";
import { readNoteIssues } from "./read-notes.js";
import type { DoNotPair, MappingOverride, Person, Roster, SheetMapping } from "./schema.js";
import { cellText, foldKey } from "./text.js";

export interface ReadRosterOptions {
  /** The user's corrections to the detected mapping. */
  mapping?: MappingOverride;
  /** Capacity for mentors whose capacity cell is blank. */
  defaultCapacity?: number;
}

export type RosterReading = { ok: true; roster: Roster } | { ok: false; error: Issue };

interface SheetPlan {
  sheet: SheetSnapshot;
  kind: SheetKind | "ignored";
  header: HeaderGuess | null;
  mapping: SheetMapping;
}

export function readRoster(
  snapshot: WorkbookSnapshot,
  options: ReadRosterOptions = {},
): RosterReading {
  const defaultCapacity = options.defaultCapacity ?? 2;
  const issues: Issue[] = [];
  const plans = snapshot.sheets.map((sheet) => planSheet(sheet, options.mapping));

  const peoplePlans = plans.filter((plan) => isPeopleKind(plan.kind) && plan.header !== null);
  if (peoplePlans.length === 0) return { ok: false, error: unreadable(snapshot, plans) };

  for (const plan of plans) {
    if (plan.header === null && isPeopleKind(plan.kind) && sheetHasContent(plan.sheet)) {
      issues.push(
        issue(
          "no-header",
          "warning",
          quoteSheetName(plan.sheet.name),
          `The sheet ${plan.sheet.name} has no header row naming people's columns (such as Name, Rank, E-mail), so it was not read.`,
        ),
      );
    }
  }

  const cellsBySource = new Map<
    string,
    { sheet: string; row: number; columns: ReadonlyMap<number, Field> }
  >();
  const rows = { read: 0, people: 0, duplicates: 0, skipped: 0 };
  const read: Person[] = [];
  for (const plan of peoplePlans) {
    const header = plan.header!;
    const reading = readPeopleSheet({
      sheet: plan.sheet,
      kind: plan.kind as SheetKind,
      headerRow: header.row,
      headers: header.headers,
      columns: header.columns,
      defaultCapacity,
    });
    if (reading.people.length === 0 && reading.rowsRead > 0 && peoplePlans.length > 1) {
      // Headings that look like a roster over rows that are not people: a lookup or summary
      // sheet ("Lists", "Counts"). One warning instead of an error per row.
      plan.mapping = { ...plan.mapping, kind: "ignored" };
      issues.push(
        issue(
          "not-a-roster-sheet",
          "warning",
          quoteSheetName(plan.sheet.name),
          `The sheet ${plan.sheet.name} has roster-like headings on row ${header.row + 1}, but none of its ${reading.rowsRead} rows is a person, so it was not read as roster.`,
        ),
      );
      continue;
    }
    rows.read += reading.rowsRead;
    rows.skipped += reading.rowsSkipped;
    issues.push(...readNoteIssues(plan.sheet), ...reading.issues);
    reading.people.forEach((person, i) => {
      cellsBySource.set(person.source, {
        sheet: plan.sheet.name,
        row: reading.personRows[i]!,
        columns: header.columns,
      });
    });
    read.push(...reading.people);
  }

  const merged = mergeDuplicates(read);
  rows.duplicates = merged.duplicates;
  rows.people = read.length - merged.duplicates;
  issues.push(...merged.issues);

  const index = new PeopleIndex(merged.people);
  const preferences = resolvePreferences(merged.people, index, (person, field) => {
    const where = cellsBySource.get(person.source);
    const column =
      where === undefined
        ? undefined
        : [...where.columns].find(([, mapped]) => mapped === field)?.[0];
    return where === undefined || column === undefined
      ? person.source
      : cellRef(where.sheet, where.row, column);
  });
  issues.push(...preferences.issues);

  const doNotPair: DoNotPair[] = [];
  for (const plan of plans.filter((p) => p.kind === "doNotPair")) {
    const reading = readDoNotPair(
      {
        sheet: plan.sheet,
        headerRow: plan.header?.row ?? -1,
        columns: (plan.header?.columns ?? new Map()) as ReadonlyMap<number, DoNotPairField>,
      },
      index,
    );
    doNotPair.push(...reading.pairs);
    issues.push(...readNoteIssues(plan.sheet), ...reading.issues);
  }

  if (merged.people.length === 0) {
    const where = peoplePlans[0]!;
    return {
      ok: false,
      error: issue(
        "no-people",
        "error",
        quoteSheetName(where.sheet.name),
        `Found the column headings on ${where.sheet.name} row ${where.header!.row + 1} but no people below them.`,
      ),
    };
  }

  return {
    ok: true,
    roster: {
      mapping: { sheets: plans.map((plan) => plan.mapping) },
      people: preferences.people,
      doNotPair,
      issues,
      rows,
    },
  };
}

function isPeopleKind(kind: SheetKind | "ignored"): boolean {
  return kind === "people" || kind === "mentors" || kind === "mentees";
}

function sheetHasContent(sheet: SheetSnapshot): boolean {
  return sheet.rows.some((row) => row.some((value) => cellText(value) !== ""));
}

function unreadable(snapshot: WorkbookSnapshot, plans: readonly SheetPlan[]): Issue {
  if (!snapshot.sheets.some(sheetHasContent)) {
    return issue(
      "empty-workbook",
      "error",
      "",
      "The workbook is empty: there are no cells with data. Expected a roster with a header row (Name, Rank, Division, E-mail, Role …) and one person per row.",
    );
  }
  const read = plans
    .filter((plan) => plan.kind !== "generated" && plan.kind !== "ignored")
    .map((plan) => plan.sheet.name);
  return issue(
    "no-header",
    "error",
    "",
    `No roster header found${read.length > 0 ? ` on ${read.join(", ")}` : ""}. Expected a row of column headings naming at least the person (Name, or Last Name and First Name, or E-mail) and one more field such as Rank, Division or Role, within the first 40 rows.`,
  );
}

function planSheet(sheet: SheetSnapshot, override: MappingOverride | undefined): SheetPlan {
  const correction = findOverride(sheet.name, override);
  const kind: SheetKind | "ignored" = correction?.kind ?? sheetKindFromName(sheet.name);
  const emptyMapping = (mappedKind: SheetMapping["kind"]): SheetMapping => ({
    sheet: sheet.name,
    kind: mappedKind,
    headerRow: null,
    columns: [],
  });
  if (kind === "generated" || kind === "ignored")
    return { sheet, kind, header: null, mapping: emptyMapping(kind) };

  let header: HeaderGuess | null;
  if (correction?.headerRow !== undefined) {
    const row = correction.headerRow - 1;
    const headers = headerTexts(sheet, row);
    header = { row, headers, columns: assignColumns(headers, kind, fieldsFor(kind)) };
  } else header = detectHeader(sheet, kind);

  const byUser = new Set<number>();
  if (header !== null && correction?.columns !== undefined) {
    const columns = new Map(header.columns);
    for (const [key, field] of Object.entries(correction.columns)) {
      const column = resolveColumn(key, header.headers);
      if (column === null) continue;
      if (field === null) columns.delete(column);
      else {
        // A field the user moved leaves its detected column (interests may span several).
        for (const [other, mapped] of columns)
          if (mapped === field && field !== "interests" && !byUser.has(other))
            columns.delete(other);
        columns.set(column, field);
      }
      byUser.add(column);
    }
    header = { ...header, columns };
  }
  if (header === null) return { sheet, kind, header: null, mapping: emptyMapping(kind) };

  const columns = header.headers
    .map((text, column) => ({ text, column }))
    .filter(({ text, column }) => text !== "" || header.columns.has(column))
    .map(({ text, column }) => ({
      column: columnLetter(column),
      header: text,
      field: header.columns.get(column) ?? null,
      by: byUser.has(column) ? ("user" as const) : ("detected" as const),
    }));
  return {
    sheet,
    kind,
    header,
    mapping: { sheet: sheet.name, kind, headerRow: header.row + 1, columns },
  };
}

function findOverride(
  sheetName: string,
  override: MappingOverride | undefined,
): MappingOverride[string] | undefined {
  if (override === undefined) return undefined;
  const key = foldKey(sheetName);
  return Object.entries(override).find(([name]) => foldKey(name) === key)?.[1];
}

/** "C" or a header's text → the column; header text wins when a header is literally "C". */
function resolveColumn(key: string, headers: readonly string[]): number | null {
  const byHeader = headers.findIndex((header) => header !== "" && foldKey(header) === foldKey(key));
  if (byHeader >= 0) return byHeader;
  return columnIndex(key.trim());
}
