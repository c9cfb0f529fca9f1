/**
 * The coordinator's decisions, read back from the Pairs sheet of an earlier run: Locked pairs
 * are kept, Rejected pairs never proposed again, and a mentor typed in by hand counts as Locked.
 */
import type { SheetSnapshot } from "../workbook/snapshot.js";
import { cellRef } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";
import type { Person } from "../roster/schema.js";
import type { PeopleIndex } from "../roster/people-index.js";
import { cellText, foldKey, quoteForMessage } from "../roster/text.js";
import type { PairsColumn } from "../plan/pairs-sheet-columns.js";

export interface OverridePair {
  menteeId: string;
  mentorId: string;
  role: string | null;
  /** Where the decision was read, for issues. */
  cell: string;
  /** True when the coordinator typed the mentor rather than locking a proposal. */
  byHand: boolean;
}

export interface Overrides {
  locked: OverridePair[];
  rejected: OverridePair[];
  issues: Issue[];
}

export const noOverrides: Overrides = { locked: [], rejected: [], issues: [] };

export function readOverrides(sheet: SheetSnapshot | undefined, index: PeopleIndex): Overrides {
  if (sheet === undefined) return noOverrides;
  const headerRow = sheet.rows.findIndex((row) => {
    const keys = row.map((value) => foldKey(cellText(value)));
    return keys.includes("status") && keys.includes("mentee") && keys.includes("mentor");
  });
  if (headerRow < 0) return noOverrides;
  const keys = (sheet.rows[headerRow] ?? []).map((value) => foldKey(cellText(value)));
  const columnOf = (name: PairsColumn): number => keys.indexOf(foldKey(name));
  const overrides: Overrides = { locked: [], rejected: [], issues: [] };
  const isMentor = (person: Person): boolean => person.role !== "mentee";
  const isMentee = (person: Person): boolean => person.role !== "mentor";

  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    const read = (name: PairsColumn): string => {
      const column = columnOf(name);
      return column < 0 ? "" : cellText(sheet.rows[row]?.[column] ?? null);
    };
    const at = (name: PairsColumn): string => cellRef(sheet.name, row, Math.max(0, columnOf(name)));
    const status = foldKey(read("Status"));
    const menteeWritten = read("Mentee e-mail") || read("Mentee");
    const mentorName = read("Mentor");
    const mentorEmail = read("Mentor e-mail");
    if (menteeWritten === "" || (mentorName === "" && mentorEmail === "")) continue;

    const mentee = index.find(menteeWritten, isMentee);
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
    let usable = true;
    for (const [lookup, written, column, side] of unresolved) {
      if (lookup?.kind === "found") continue;
      usable = false;
      overrides.issues.push(
        issue(
          `${kind}-pair-unresolved`,
          "warning",
          at(column),
          `${quoteForMessage(written)} ${lookup?.kind === "many" ? "could be several people" : `is not a ${side} on the roster`}; this ${kind === "locked" ? "lock" : "rejection"} is not applied.`,
        ),
      );
    }
    if (!usable || mentee.kind !== "found" || mentor?.kind !== "found") continue;
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
