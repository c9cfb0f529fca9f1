/**
 * One roster sheet's rows to people. Every non-blank row below the header ends as a person or
 * as a skipped row with an issue saying why; nothing is dropped silently.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot.js";
import { cellRef } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";
import type { Field } from "./fields.js";
import type { Person } from "./schema.js";
import type { SheetKind } from "./sheet-kind.js";
import { dataGrid, rowWidth } from "./sheet-grid.js";
import { cellText, foldKey, quoteForMessage } from "./text.js";
import { readName } from "./normalise/name.js";
import { readEmail } from "./normalise/email.js";
import { readRank } from "./normalise/rank.js";
import { readRowRole, type YesNoCell } from "./read-role.js";
import { readCapacity } from "./normalise/capacity.js";
import { readInterests } from "./normalise/interests.js";
import { readTrack } from "./normalise/track.js";

export interface SheetReading {
  people: Person[];
  /** The 0-based sheet row each person was read from, in the order of `people`. */
  personRows: number[];
  issues: Issue[];
  rowsRead: number;
  rowsSkipped: number;
}

export interface PeopleSheetLayout {
  sheet: SheetSnapshot;
  kind: SheetKind;
  headerRow: number;
  headers: readonly string[];
  columns: ReadonlyMap<number, Field>;
  defaultCapacity: number;
}

const footerStart =
  /^(grand total|totals?\b|count\b|sum\b|n ?=|number of|# of|prepared by|last updated|updated|source:|confidential|page \d|end of)/i;
const headingWords =
  /\b(division|department|dept|section|service|unit|program|mentors|mentees|cohort|group|team)\b/i;

export function readPeopleSheet(layout: PeopleSheetLayout): SheetReading {
  const { sheet, headerRow, columns } = layout;
  const cell = dataGrid(sheet, headerRow);
  const byField = new Map<Field, number[]>();
  for (const [column, field] of columns)
    byField.set(field, [...(byField.get(field) ?? []), column]);
  const columnsOf = (field: Field): readonly number[] => byField.get(field) ?? [];
  const reading: SheetReading = {
    people: [],
    personRows: [],
    issues: [],
    rowsRead: 0,
    rowsSkipped: 0,
  };
  const headerKeys = layout.headers.map(foldKey);
  const hasEmailColumn = columnsOf("email").length > 0;

  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    const width = Math.max(rowWidth(sheet, row), ...[...columns.keys()].map((c) => c + 1));
    const filled: { column: number; text: string; value: CellValue }[] = [];
    for (let column = 0; column < width; column++) {
      const value = cell(row, column);
      const text = cellText(value);
      if (text !== "") filled.push({ column, text, value });
    }
    if (filled.length === 0) continue;
    reading.rowsRead++;
    const first = filled[0]!;
    const skip = (
      code: string,
      severity: Issue["severity"],
      message: string,
      column = first.column,
    ): void => {
      reading.rowsSkipped++;
      reading.issues.push(issue(code, severity, cellRef(sheet.name, row, column), message));
    };
    const rowLabel = `Row ${row + 1} of ${sheet.name}`;

    if (
      footerStart.test(first.text) ||
      /\btotal\b.*\d/i.test(first.text) ||
      filled.every((f) => typeof f.value === "number")
    ) {
      skip(
        "footer-row",
        "warning",
        `${rowLabel} holds ${quoteForMessage(first.text)}, read as a total or footer line, not a person.`,
      );
      continue;
    }
    const matchingHeaders = filled.filter(
      (f) => foldKey(f.text) === headerKeys[f.column] && headerKeys[f.column] !== "",
    );
    if (matchingHeaders.length >= 2) {
      skip("repeated-header", "warning", `${rowLabel} repeats the column headings; skipped.`);
      continue;
    }

    const text = (field: Field): string =>
      columnsOf(field)
        .map((column) => cellText(cell(row, column)))
        .filter((t) => t !== "")
        .join("\n");
    const value = (field: Field): CellValue => {
      const column = columnsOf(field)[0];
      return column === undefined ? null : cell(row, column);
    };
    const at = (field: Field): string => {
      const column = columnsOf(field)[0] ?? first.column;
      return cellRef(sheet.name, row, column);
    };
    const nameColumn =
      columnsOf("name")[0] ?? columnsOf("lastName")[0] ?? columnsOf("firstName")[0] ?? first.column;

    const written = readName({
      full: text("name"),
      first: text("firstName"),
      last: text("lastName"),
      middle: text("middleName"),
    });
    // A "name" without a letter (a count, an id) is not a person's name.
    const name = written !== null && /\p{L}/u.test(written.display) ? written : null;
    const emailReading = readEmail(text("email"));

    if (
      filled.length === 1 &&
      (hasEmailColumn || name === null || name.first === "" || headingWords.test(first.text))
    ) {
      skip(
        "note-row",
        "warning",
        `${rowLabel} holds only ${quoteForMessage(first.text)}, read as a heading or note, not a person. If it is a person, fill in the rest of the row.`,
      );
      continue;
    }
    if (name === null) {
      if (emailReading.kind === "valid") {
        skip(
          "name-missing",
          "error",
          `${rowLabel} has the e-mail ${emailReading.email} but no name; the row was not used. Add the person's name.`,
          nameColumn,
        );
      } else {
        skip(
          "name-missing",
          "error",
          `${rowLabel} has no name (it holds ${quoteForMessage(first.text)}); the row was not used.`,
          nameColumn,
        );
      }
      continue;
    }

    const yesNoCell = (field: Field): YesNoCell | undefined => {
      const column = columnsOf(field)[0];
      return column === undefined
        ? undefined
        : { column, header: layout.headers[column] ?? "", value: cell(row, column) };
    };
    const roleReading = readRowRole({
      personName: name.display,
      sheetName: sheet.name,
      sheetKind: layout.kind,
      written: text("role"),
      roleColumn: columnsOf("role")[0],
      isMentor: yesNoCell("isMentor"),
      isMentee: yesNoCell("isMentee"),
    });
    if (roleReading.kind === "skip") {
      skip(
        roleReading.code,
        "error",
        roleReading.message,
        roleReading.column ?? (roleReading.code === "role-missing" ? nameColumn : first.column),
      );
      continue;
    }
    const role = roleReading.role;

    const rowIssues: Issue[] = [];
    let email: string | null = null;
    if (emailReading.kind === "valid") email = emailReading.email;
    else if (emailReading.kind === "invalid") {
      rowIssues.push(
        issue(
          "email-invalid",
          "warning",
          at("email"),
          `${name.display}: ${quoteForMessage(emailReading.written)} is not a valid e-mail address; the person is kept without one.`,
        ),
      );
    } else if (hasEmailColumn) {
      rowIssues.push(
        issue(
          "email-missing",
          "warning",
          at("email"),
          `${name.display} has no e-mail address; add one so pairs, plans and forms can reach them.`,
        ),
      );
    }

    const rankReading = readRank(text("rank"));
    let rank: string | null = null;
    let rankLevel: number | null = null;
    if (rankReading.kind === "ladder") {
      rank = rankReading.rank;
      rankLevel = rankReading.level;
    } else if (rankReading.kind === "other") {
      rank = rankReading.written;
      rowIssues.push(
        issue(
          "rank-unrecognised",
          "warning",
          at("rank"),
          `${name.display}: the rank ${quoteForMessage(rankReading.written)} is not on the ladder Instructor – Assistant Professor – Associate Professor – Professor; it is kept as written and rank rules cannot use it.`,
        ),
      );
    } else if (columnsOf("rank").length > 0) {
      rowIssues.push(
        issue(
          "rank-missing",
          "warning",
          at("rank"),
          `${name.display} has no academic rank; rank rules cannot use it.`,
        ),
      );
    }

    let capacity = 0;
    if (role !== "mentee") {
      capacity = layout.defaultCapacity;
      const reading = readCapacity(value("capacity"));
      if (reading.kind === "number") capacity = reading.capacity;
      else if (reading.kind === "invalid") {
        rowIssues.push(
          issue(
            "capacity-invalid",
            "warning",
            at("capacity"),
            `${name.display}: the capacity ${quoteForMessage(reading.written)} is not a number of mentees; the default of ${layout.defaultCapacity} is used.`,
          ),
        );
      }
    }

    const trackReading = readTrack(text("track"));
    let track: string | null = null;
    if (trackReading.kind === "known") track = trackReading.track;
    else if (trackReading.kind === "other") {
      track = trackReading.written;
      rowIssues.push(
        issue(
          "track-unrecognised",
          "warning",
          at("track"),
          `${name.display}: the track ${quoteForMessage(trackReading.written)} is not clinical, research, basic science or education; it is kept as written.`,
        ),
      );
    }

    const orNull = (field: Field): string | null => {
      const written = text(field);
      return written === "" ? null : written;
    };
    const chairWritten = orNull("chair");
    const chairEmail = chairWritten === null ? null : readEmail(chairWritten);
    const extraCells: [string, string][] = [];
    layout.headers.forEach((header, column) => {
      if (header !== "" && !columns.has(column)) {
        const written = cellText(cell(row, column));
        if (written !== "") extraCells.push([header, written]);
      }
    });
    // fromEntries defines own properties: a column headed "__proto__" stays a column.
    const extra = Object.fromEntries(extraCells);

    const source = cellRef(sheet.name, row, nameColumn);
    reading.issues.push(...rowIssues);
    reading.personRows.push(row);
    reading.people.push({
      id: email ?? `name:${foldKey(name.display)}`,
      name: name.display,
      firstName: name.first,
      lastName: name.last,
      email,
      role,
      rank,
      rankLevel,
      division: orNull("division"),
      department: orNull("department"),
      capacity,
      interests: readInterests([text("interests")]),
      track,
      areaOfExcellence: orNull("areaOfExcellence"),
      chair: chairEmail?.kind === "valid" ? chairEmail.email : chairWritten,
      preferredMentorsWritten: splitReferences(text("preferredMentor")),
      preferredMentors: [],
      preferredMenteesWritten: splitReferences(text("preferredMentees")),
      preferredMentees: [],
      lab: orNull("lab"),
      supervisor: orNull("supervisor"),
      degrees: [...new Set([...name.degrees, ...splitReferences(text("degrees"))])],
      source,
      sources: [source],
      extra,
    });
  }
  return reading;
}

/**
 * A cell naming one or more people, best first: "1. Smith; 2. Jones", one per line, or
 * "jane@x.org, bob@y.org". Commas split only between e-mails or numbered items, because
 * "Smith, Jane" is one person.
 */
export function splitReferences(written: string): string[] {
  if (written.trim() === "") return [];
  let pieces = written.split(/[;\n|]+|\s+(?=\(?\d+[.)]\s)/);
  if (pieces.length === 1 && /@.*,.*@/.test(written)) pieces = written.split(",");
  return pieces
    .map((piece) => piece.replace(/^\s*\(?\d+[.)]\s*/, "").trim())
    .filter((piece) => piece !== "");
}
