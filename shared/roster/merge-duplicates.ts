/** The same person listed twice (same e-mail in any case) becomes one person, with an issue. */
import { issue, type Issue } from "../issue.js";
import type { Person } from "./schema.js";
import { combineRoles } from "./normalise/role.js";
import { foldKey } from "./text.js";

export interface MergeResult {
  people: Person[];
  duplicates: number;
  issues: Issue[];
}

const scalarFields = [
  "rank",
  "division",
  "department",
  "track",
  "areaOfExcellence",
  "chair",
  "lab",
  "supervisor",
] as const;

export function mergeDuplicates(people: readonly Person[]): MergeResult {
  const byId = new Map<string, Person>();
  const merged: Person[] = [];
  const issues: Issue[] = [];
  let duplicates = 0;
  for (const person of people) {
    const earlier = byId.get(person.id);
    if (earlier === undefined || person.email === null) {
      const id = earlier === undefined ? person.id : `${person.id}@${person.source}`;
      const kept = { ...person, id };
      byId.set(id, kept);
      merged.push(kept);
      continue;
    }
    duplicates++;
    const differences: string[] = [];
    for (const field of scalarFields) {
      const a = earlier[field];
      const b = person[field];
      if (a === null && b !== null) (earlier as Record<typeof field, string | null>)[field] = b;
      else if (a !== null && b !== null && foldKey(a) !== foldKey(b))
        differences.push(`${field} “${a}” vs “${b}”`);
    }
    if (earlier.role !== person.role) earlier.role = combineRoles(earlier.role, person.role);
    earlier.capacity = Math.max(earlier.capacity, person.capacity);
    if (earlier.rankLevel === null) earlier.rankLevel = person.rankLevel;
    earlier.interests = unionByKey(earlier.interests, person.interests);
    earlier.degrees = unionByKey(earlier.degrees, person.degrees);
    earlier.preferredMentorsWritten = unionByKey(
      earlier.preferredMentorsWritten,
      person.preferredMentorsWritten,
    );
    earlier.preferredMenteesWritten = unionByKey(
      earlier.preferredMenteesWritten,
      person.preferredMenteesWritten,
    );
    earlier.extra = { ...person.extra, ...earlier.extra };
    earlier.sources = [...earlier.sources, person.source];
    const kept =
      differences.length > 0
        ? ` Where they differ the first is kept: ${differences.join("; ")}.`
        : "";
    issues.push(
      issue(
        "duplicate-person",
        "warning",
        person.source,
        `${person.name} (${person.email}) is listed twice, at ${earlier.source} and ${person.source}; the rows were merged into one person${earlier.role === "both" && person.role !== "both" ? " who is both mentor and mentee" : ""}.${kept}`,
      ),
    );
  }
  issues.push(...possibleDuplicates(merged));
  return { people: merged, duplicates, issues };
}

/** Same name, different or missing e-mails: not merged (could be two people), but said. */
function possibleDuplicates(people: readonly Person[]): Issue[] {
  const byName = new Map<string, Person>();
  const issues: Issue[] = [];
  for (const person of people) {
    const key = foldKey(person.name);
    const earlier = byName.get(key);
    if (earlier === undefined) byName.set(key, person);
    else {
      issues.push(
        issue(
          "possible-duplicate",
          "warning",
          person.source,
          `${person.name} at ${person.source} has the same name as the person at ${earlier.source} but ${person.email === null || earlier.email === null ? "no e-mail to tell them apart" : "a different e-mail"}; both are kept. If they are one person, give both rows the same e-mail.`,
        ),
      );
    }
  }
  return issues;
}

function unionByKey(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a.map(foldKey));
  return [...a, ...b.filter((item) => !seen.has(foldKey(item)) && seen.add(foldKey(item)))];
}
