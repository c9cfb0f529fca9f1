/**
 * A row's role, from a Role column ("Mentor", "Mentee", "Both"), from yes/no columns
 * ("Mentor? (Y/N)", "Willing to mentor", "Wants a mentor"), or from the sheet (Mentors,
 * Mentees). A single yes/no column splits the program in two: on a roster of everyone, "no" to
 * "Mentor?" means the person is a mentee, and the other way round.
 */
import type { CellValue } from "../workbook/snapshot.js";
import type { SheetKind } from "./sheet-kind.js";
import { readRole, type Role } from "./normalise/role.js";
import { readYesNo } from "./normalise/yes-no.js";
import { quoteForMessage } from "./text.js";

export interface YesNoCell {
  readonly column: number;
  readonly header: string;
  readonly value: CellValue;
}

export interface RoleInput {
  readonly personName: string;
  readonly sheetName: string;
  readonly sheetKind: SheetKind;
  /** The Role column's text ("" when blank or absent) and its column. */
  readonly written: string;
  readonly roleColumn: number | undefined;
  readonly isMentor: YesNoCell | undefined;
  readonly isMentee: YesNoCell | undefined;
}

export type RoleReading =
  | { readonly kind: "role"; readonly role: Role }
  | {
      readonly kind: "skip";
      readonly code: "role-unknown" | "role-missing" | "role-declined";
      readonly message: string;
      readonly column: number | undefined;
    };

export function readRowRole(input: RoleInput): RoleReading {
  const { personName, written } = input;
  if (written !== "") {
    const role = readRole(written);
    if (role !== null) return { kind: "role", role };
    return {
      kind: "skip",
      code: "role-unknown",
      message: `${personName}: the role ${quoteForMessage(written)} is not one we know (use Mentor, Mentee or Both); the row was not used.`,
      column: input.roleColumn,
    };
  }
  if (input.isMentor !== undefined || input.isMentee !== undefined) return fromYesNo(input);
  const role: Role | null =
    input.sheetKind === "mentors" ? "mentor" : input.sheetKind === "mentees" ? "mentee" : null;
  if (role !== null) return { kind: "role", role };
  return {
    kind: "skip",
    code: "role-missing",
    message:
      input.roleColumn === undefined
        ? `${personName}: the sheet ${input.sheetName} has no Role column and its name does not say mentors or mentees, so this row was not used. Add a Role column (Mentor, Mentee or Both) or name the sheet Mentors or Mentees.`
        : `${personName} has no role; the row was not used. Write Mentor, Mentee or Both.`,
    column: input.roleColumn,
  };
}

function fromYesNo(input: RoleInput): RoleReading {
  const answers = [input.isMentor, input.isMentee].map((cell) =>
    cell === undefined ? undefined : { cell, answer: readYesNo(cell.value) },
  );
  for (const entry of answers) {
    if (entry?.answer.kind === "unknown") {
      return {
        kind: "skip",
        code: "role-unknown",
        message: `${input.personName}: ${quoteForMessage(entry.answer.written)} under ${quoteForMessage(entry.cell.header)} is not a yes or a no; the row was not used. Write Y or N (or tick the cell).`,
        column: entry.cell.column,
      };
    }
  }
  const [mentorAnswer, menteeAnswer] = answers;
  let mentor = mentorAnswer?.answer.kind === "yes";
  let mentee = menteeAnswer?.answer.kind === "yes";

  // The sheet says which side its people are on; a "no" to that side contradicts it.
  const declined = (entry: typeof mentorAnswer, side: string): RoleReading => ({
    kind: "skip",
    code: "role-declined",
    message: `${input.personName} is on the ${input.sheetName} sheet but answers no under ${quoteForMessage(entry!.cell.header)}, so is not read as a ${side}; the row was not used. Correct the answer or move the row.`,
    column: entry!.cell.column,
  });
  if (input.sheetKind === "mentors") {
    if (mentorAnswer?.answer.kind === "no") return declined(mentorAnswer, "mentor");
    mentor = true;
  }
  if (input.sheetKind === "mentees") {
    if (menteeAnswer?.answer.kind === "no") return declined(menteeAnswer, "mentee");
    mentee = true;
  }

  // One yes/no column on a roster of everyone: a "no" puts the person on the other side.
  if (!mentor && !mentee) {
    if (mentorAnswer !== undefined && menteeAnswer === undefined) mentee = true;
    if (menteeAnswer !== undefined && mentorAnswer === undefined) mentor = true;
  }
  if (mentor && mentee) return { kind: "role", role: "both" };
  if (mentor) return { kind: "role", role: "mentor" };
  if (mentee) return { kind: "role", role: "mentee" };
  return {
    kind: "skip",
    code: "role-missing",
    message: `${input.personName} answers no under both ${quoteForMessage(input.isMentor!.header)} and ${quoteForMessage(input.isMentee!.header)}, so is neither a mentor nor a mentee; the row was not used.`,
    column: input.isMentor!.column,
  };
}
