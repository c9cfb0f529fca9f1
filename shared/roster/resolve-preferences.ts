/** Requested mentors (and mentors' ranked mentees) from what was typed to person ids. */
import { issue, type Issue } from "../issue.js";
import type { Person } from "./schema.js";
import type { PeopleIndex } from "./people-index.js";
import { quoteForMessage } from "./text.js";

const mentors = (person: Person): boolean => person.role !== "mentee";
const mentees = (person: Person): boolean => person.role !== "mentor";

/** Where a person's field was written, for issues: `Mentees!F12`. */
export type CellOf = (person: Person, field: "preferredMentor" | "preferredMentees") => string;

export function resolvePreferences(
  people: readonly Person[],
  index: PeopleIndex,
  cellOf: CellOf,
): { people: Person[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const resolved = people.map((person) => ({
    ...person,
    preferredMentors: resolveList(
      person,
      person.preferredMentorsWritten,
      "mentor",
      mentors,
      index,
      cellOf(person, "preferredMentor"),
      issues,
    ),
    preferredMentees: resolveList(
      person,
      person.preferredMenteesWritten,
      "mentee",
      mentees,
      index,
      cellOf(person, "preferredMentees"),
      issues,
    ),
  }));
  return { people: resolved, issues };
}

function resolveList(
  person: Person,
  written: readonly string[],
  wanted: "mentor" | "mentee",
  eligible: (person: Person) => boolean,
  index: PeopleIndex,
  cell: string,
  issues: Issue[],
): string[] {
  const ids: string[] = [];
  const code = `preferred-${wanted}`;
  for (const reference of written) {
    const found = index.find(reference, eligible);
    if (found.kind === "found") {
      if (found.person.id === person.id) {
        issues.push(
          issue(
            `${code}-self`,
            "warning",
            cell,
            `${person.name} named themselves as preferred ${wanted}; ignored.`,
          ),
        );
      } else if (!ids.includes(found.person.id)) ids.push(found.person.id);
      continue;
    }
    if (found.kind === "many") {
      const names = found.people.map((p) => `${p.name} (${p.email ?? p.source})`).join(", ");
      issues.push(
        issue(
          `${code}-ambiguous`,
          "warning",
          cell,
          `${person.name}'s preferred ${wanted} ${quoteForMessage(reference)} could be any of ${names}; write their e-mail instead.`,
        ),
      );
      continue;
    }
    const anyone = index.find(reference);
    issues.push(
      anyone.kind === "found"
        ? issue(
            `${code}-not-${wanted}`,
            "warning",
            cell,
            `${person.name}'s preferred ${wanted} ${quoteForMessage(reference)} is ${anyone.person.name}, who is not taking part as a ${wanted}; the request cannot be used.`,
          )
        : issue(
            `${code}-unknown`,
            "warning",
            cell,
            `${person.name}'s preferred ${wanted} ${quoteForMessage(reference)} matches nobody on the roster; check the spelling or use their e-mail.`,
          ),
    );
  }
  return ids;
}
