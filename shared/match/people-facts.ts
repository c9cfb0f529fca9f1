/**
 * What matching needs of each person, computed once: folded division and lab keys, interest
 * word sets, and the keys a supervisor reference may use. Keeps the pair loop cheap.
 */
import type { Person } from "../roster/schema.js";
import { foldKey } from "../roster/text.js";
import { nameKeys, referenceKeys } from "../roster/normalise/name.js";

export interface PersonFacts {
  person: Person;
  division: string | null;
  lab: string | null;
  interests: { written: string; words: ReadonlySet<string> }[];
  /** Keys this person is known by (e-mail and name forms), to recognise a supervisor. */
  identityKeys: ReadonlySet<string>;
  /** Keys of the supervisor the roster names for this person. */
  supervisorKeys: ReadonlySet<string>;
}

const interestStopWords = new Set(["and", "of", "in", "the", "for", "to", "with", "on", "a"]);

/** "Clinical Trials" and "clinical trial" share their words; plural endings do not count. */
export function interestWords(interest: string): Set<string> {
  return new Set(
    foldKey(interest)
      .split(" ")
      .filter((word) => word !== "" && !interestStopWords.has(word))
      .map((word) =>
        word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word,
      ),
  );
}

/** `divisionKey` joins spellings of one division (see roster/divisions.ts). */
export function personFacts(
  person: Person,
  divisionKey: (division: string | null) => string | null = (division) =>
    division === null ? null : foldKey(division),
): PersonFacts {
  const identityKeys = new Set(nameKeys({ first: person.firstName, last: person.lastName }));
  if (person.email !== null) identityKeys.add(person.email);
  const supervisorKeys = new Set<string>();
  if (person.supervisor !== null) {
    const written = person.supervisor.trim();
    if (written.includes("@")) supervisorKeys.add(written.toLowerCase());
    else for (const key of referenceKeys(written).keys) supervisorKeys.add(key);
  }
  return {
    person,
    division: divisionKey(person.division),
    lab: person.lab === null ? null : foldKey(person.lab),
    interests: person.interests.map((written) => ({ written, words: interestWords(written) })),
    identityKeys,
    supervisorKeys,
  };
}

/** Two interests are shared when at least half of their words agree. */
function shares(interest: PersonFacts["interests"][number], mentor: PersonFacts): boolean {
  if (interest.words.size === 0) return false;
  for (const other of mentor.interests) {
    let common = 0;
    for (const word of interest.words) if (other.words.has(word)) common++;
    if (common > 0 && common / (interest.words.size + other.words.size - common) >= 0.5)
      return true;
  }
  return false;
}

/** The mentee's interests the mentor shares, as the mentee wrote them. */
export function sharedInterests(mentee: PersonFacts, mentor: PersonFacts): string[] {
  return mentee.interests
    .filter((interest) => shares(interest, mentor))
    .map((interest) => interest.written);
}

export function countSharedInterests(mentee: PersonFacts, mentor: PersonFacts): number {
  let count = 0;
  for (const interest of mentee.interests) if (shares(interest, mentor)) count++;
  return count;
}
