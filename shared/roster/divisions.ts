/**
 * Divisions written two ways in one roster ("Abd" on the mentees sheet, "Abdominal Imaging" on
 * the mentors sheet) are one division, or the cross-division rule would pair people from the
 * same division. A short form is joined to a longer one only when exactly one fits.
 */
import { issue, type Issue } from "../issue.js";
import type { Person } from "./schema.js";
import { foldKey, quoteForMessage } from "./text.js";

/**
 * Common abbreviations in academic medicine that are not prefixes or initials. A Map, not an
 * object: the words looked up are the user's, and "constructor" is a division name.
 */
const abbreviations: ReadonlyMap<string, string> = new Map([
  ["chest", "thoracic"],
  ["peds", "pediatric"],
  ["paeds", "paediatric"],
  ["msk", "musculoskeletal"],
  ["gi", "gastroenterology"],
  ["renal", "nephrology"],
  ["cards", "cardiology"],
  ["heme", "hematology"],
  ["onc", "oncology"],
  ["ent", "otolaryngology"],
  ["ob", "obstetrics"],
  ["obgyn", "obstetrics"],
  ["psych", "psychiatry"],
  ["derm", "dermatology"],
  ["ortho", "orthopaedic"],
  ["anesth", "anesthesia"],
  ["ir", "interventional"],
]);
const fillerWords = new Set([
  "and",
  "of",
  "the",
  "for",
  "division",
  "section",
  "dept",
  "department",
]);

function words(key: string): string[] {
  return key.split(" ").filter((word) => word !== "" && !fillerWords.has(word));
}

/** Whether the short form names the long one: prefixes, initials or a known abbreviation. */
function abbreviates(short: string, long: string): boolean {
  const shortWords = words(short);
  const longWords = words(long);
  if (shortWords.length === 0 || shortWords.length > longWords.length) return false;
  const prefixes = shortWords.every((word, i) => {
    const target = longWords[i]!;
    const expanded = abbreviations.get(word);
    return (
      (word.length >= 3 && target.startsWith(word)) ||
      (expanded !== undefined && target.startsWith(expanded.slice(0, 6)))
    );
  });
  if (prefixes) return true;
  const initials = longWords.map((word) => word[0]).join("");
  return shortWords.length === 1 && shortWords[0]!.length >= 2 && shortWords[0] === initials;
}

export interface DivisionNames {
  /** The key two people share exactly when they are in the same division. */
  keyOf(division: string | null): string | null;
  issues: Issue[];
}

export function divisionNames(people: readonly Person[]): DivisionNames {
  const firstSeen = new Map<string, { written: string; source: string }>();
  for (const person of people) {
    if (person.division === null) continue;
    const key = foldKey(person.division);
    if (key !== "" && !firstSeen.has(key))
      firstSeen.set(key, { written: person.division, source: person.source });
  }
  const keys = [...firstSeen.keys()];
  const alias = new Map<string, string>();
  const issues: Issue[] = [];
  for (const short of keys) {
    const longer = keys.filter(
      (long) => long !== short && long.length > short.length && abbreviates(short, long),
    );
    if (longer.length !== 1) continue;
    alias.set(short, longer[0]!);
    const seen = firstSeen.get(short)!;
    issues.push(
      issue(
        "division-alias",
        "warning",
        seen.source,
        `The division ${quoteForMessage(seen.written)} is read as ${quoteForMessage(firstSeen.get(longer[0]!)!.written)} for the division rules. If they are different divisions, spell them out.`,
      ),
    );
  }
  return {
    keyOf(division) {
      if (division === null) return null;
      const key = foldKey(division);
      if (key === "") return null;
      return alias.get(key) ?? key;
    },
    issues,
  };
}
