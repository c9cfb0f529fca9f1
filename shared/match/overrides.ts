/**
 * The coordinator's decisions, read back from the Pairs sheet of an earlier run: Locked pairs
 * are kept, Rejected pairs never proposed again, and a mentor typed in by hand counts as Locked.
 *
 * A decision whose people cannot be found on the roster (renamed, e-mail lost to a formula
 * without a result, ambiguous) fails safe: its row is kept as written, and a Rejected row
 * blocks every pair it may describe, so a rejection is never silently undone.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot.js";
import { cellRef } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";
import type { Person } from "../roster/schema.js";
import type { Lookup, PeopleIndex } from "../roster/people-index.js";
import { cellText, foldKey, quoteForMessage } from "../roster/text.js";
import { pairsColumns, type PairsColumn } from "../plan/pairs-sheet-columns.js";

export interface OverridePair {
  menteeId: string;
  mentorId: string;
  role: string | null;
  /** Where the decision was read, for issues. */
  cell: string;
  /** True when the coordinator typed the mentor rather than locking a proposal. */
  byHand: boolean;
}

/** A Locked or Rejected row whose people could not be resolved, to be written back as it was. */
export interface KeptPairsRow {
  kind: "locked" | "rejected";
  /** The row's values under the product's columns, as read. */
  written: ReadonlyMap<PairsColumn, CellValue>;
  /** Why the row was kept, for its Why cell. */
  why: string;
}

export interface Overrides {
  locked: OverridePair[];
  rejected: OverridePair[];
  /** Pairs an unresolved Rejected row may describe: never proposed either. */
  mayBeRejected: { menteeId: string; mentorId: string }[];
  kept: KeptPairsRow[];
  issues: Issue[];
}

export const noOverrides: Overrides = {
  locked: [],
  rejected: [],
  mayBeRejected: [],
  kept: [],
  issues: [],
};

/** Every pair a rejection rules out: the resolved ones and those an unresolved row may mean. */
export function blockedByRejection(
  overrides: Overrides,
): readonly { menteeId: string; mentorId: string }[] {
  return [...overrides.rejected, ...overrides.mayBeRejected];
}

export function readOverrides(sheet: SheetSnapshot | undefined, index: PeopleIndex): Overrides {
  if (sheet === undefined) return noOverrides;
  const headerRow = sheet.rows.findIndex((row) => {
    const keys = row.map((value) => foldKey(cellText(value)));
    return keys.includes("status") && keys.includes("mentee") && keys.includes("mentor");
  });
  if (headerRow < 0) return noOverrides;
  const keys = (sheet.rows[headerRow] ?? []).map((value) => foldKey(cellText(value)));
  const columnOf = (name: PairsColumn): number => keys.indexOf(foldKey(name));
  const overrides: Overrides = {
    locked: [],
    rejected: [],
    mayBeRejected: [],
    kept: [],
    issues: [],
  };
  const isMentor = (person: Person): boolean => person.role !== "mentee";
  const isMentee = (person: Person): boolean => person.role !== "mentor";

  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    const read = (name: PairsColumn): string => {
      const column = columnOf(name);
      return column < 0 ? "" : cellText(sheet.rows[row]?.[column] ?? null);
    };
    const at = (name: PairsColumn): string => cellRef(sheet.name, row, Math.max(0, columnOf(name)));
    const status = foldKey(read("Status"));
    const menteeName = read("Mentee");
    const menteeEmail = read("Mentee e-mail");
    const menteeWritten = menteeEmail || menteeName;
    const mentorName = read("Mentor");
    const mentorEmail = read("Mentor e-mail");
    if (menteeWritten === "" || (mentorName === "" && mentorEmail === "")) continue;

    // The e-mail we wrote identifies best; when the roster no longer has it, the name may.
    const menteeByEmail = menteeEmail === "" ? null : index.find(menteeEmail, isMentee);
    const mentee: Lookup =
      menteeByEmail?.kind === "found"
        ? menteeByEmail
        : menteeName !== ""
          ? preferMany(index.find(menteeName, isMentee), menteeByEmail)
          : (menteeByEmail ?? { kind: "none" });
    // What the coordinator typed in the Mentor column wins over the e-mail we wrote beside it.
    const byName = mentorName === "" ? null : index.find(mentorName, isMentor);
    const byEmail = mentorEmail === "" ? null : index.find(mentorEmail, isMentor);
    const mentorEdited =
      byName?.kind === "found" &&
      byEmail?.kind === "found" &&
      byName.person.id !== byEmail.person.id;
    const mentor = mentorEdited
      ? byName
      : byEmail?.kind === "found"
        ? byEmail
        : (byName ?? byEmail);

    let kind: "locked" | "rejected" | null = null;
    let byHand = false;
    if (status === "superseded") continue;
    if (status === "locked") kind = "locked";
    else if (status === "rejected") kind = "rejected";
    else if (
      status === "" ||
      status === "unmatched" ||
      status === "manual" ||
      (status === "proposed" && mentorEdited)
    ) {
      kind = "locked";
      byHand = true;
    } else if (status !== "proposed") {
      overrides.issues.push(
        issue(
          "pair-status-unknown",
          "warning",
          at("Status"),
          `The status ${quoteForMessage(read("Status"))} is not Proposed, Locked or Rejected; the row is re-solved as if Proposed.`,
        ),
      );
      continue;
    }
    if (kind === null) continue;

    const unresolved = [
      [mentee, menteeWritten, "Mentee", "mentee"],
      [mentor, mentorName || mentorEmail, "Mentor", "mentor"],
    ] as const;
    const decision = kind === "locked" ? "lock" : "rejection";
    const problems: string[] = [];
    for (const [lookup, written, column, side] of unresolved) {
      if (lookup?.kind === "found") continue;
      const problem = `${quoteForMessage(written)} ${lookup?.kind === "many" ? "could be several people" : `is not a ${side} on the roster`}`;
      problems.push(problem);
      overrides.issues.push(
        issue(
          `${kind}-pair-unresolved`,
          "warning",
          at(column),
          kind === "locked"
            ? `${problem}; this lock is not applied, and the row is kept as written. Correct the name or e-mail, or delete the row.`
            : `${problem}; the row is kept as written, and no pair it may describe is proposed. Correct the name or e-mail, or delete the row.`,
        ),
      );
    }
    if (mentee.kind !== "found" || mentor?.kind !== "found") {
      if (kind === "rejected") {
        const side = (
          lookup: Lookup | null,
          written: string[],
          eligible: (p: Person) => boolean,
        ) =>
          lookup?.kind === "found"
            ? [lookup.person]
            : lookup?.kind === "many"
              ? lookup.people
              : index.lookalikes(written, eligible);
        const mentees = side(mentee, [menteeEmail, menteeName], isMentee);
        const mentors = side(mentor ?? null, [mentorEmail, mentorName], isMentor);
        for (const e of mentees)
          for (const r of mentors)
            if (e.id !== r.id) overrides.mayBeRejected.push({ menteeId: e.id, mentorId: r.id });
      }
      overrides.kept.push({
        kind,
        written: new Map(
          pairsColumns.map((name) => {
            const column = columnOf(name);
            return [name, column < 0 ? null : (sheet.rows[row]?.[column] ?? null)];
          }),
        ),
        why: `Kept as written: ${problems.join(", and ")}, so this ${decision} could not be applied to a person${kind === "rejected" ? "; no pair it may describe is proposed" : ""}. Correct the name or e-mail, or delete the row.`,
      });
      continue;
    }
    const role = read("Role");
    overrides[kind].push({
      menteeId: mentee.person.id,
      mentorId: mentor.person.id,
      role: role === "" || /^mentor( \d+)?$/i.test(role) ? null : foldKey(role),
      cell: at("Mentor"),
      byHand,
    });
  }
  return overrides;
}

/** An ambiguous answer beats no answer: "could be several people" is the truer message. */
function preferMany(byName: Lookup, byEmail: Lookup | null): Lookup {
  if (byName.kind === "none" && byEmail?.kind === "many") return byEmail;
  return byName;
}
