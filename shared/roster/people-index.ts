/** Finding a person from what someone typed: an e-mail, "First Last", "Last, First", "Dr. Last". */
import type { Person } from "./schema.js";
import { nameKeys, referenceKeys } from "./normalise/name.js";
import { readEmail } from "./normalise/email.js";
import { foldKey } from "./text.js";

export type Lookup =
  { kind: "found"; person: Person } | { kind: "none" } | { kind: "many"; people: Person[] };

export class PeopleIndex {
  private readonly byEmail = new Map<string, Person>();
  private readonly byNameKey = new Map<string, Person[]>();
  private readonly byLastName = new Map<string, Person[]>();
  /** Each word of a last name, particles aside: "O'Connor-Hale" under "oconnor" and "hale". */
  private readonly byLastNameWord = new Map<string, Person[]>();

  constructor(people: readonly Person[]) {
    for (const person of people) {
      if (person.email !== null) this.byEmail.set(person.email, person);
      for (const key of nameKeys({ first: person.firstName, last: person.lastName })) {
        push(this.byNameKey, key, person);
      }
      push(this.byLastName, foldKey(person.lastName), person);
      for (const word of surnameWords(person.lastName)) push(this.byLastNameWord, word, person);
    }
  }

  /** Looks among the people `eligible` accepts; a unique match elsewhere is not a match. */
  find(written: string, eligible: (person: Person) => boolean = () => true): Lookup {
    const email = readEmail(written);
    if (email.kind === "valid") {
      const person = this.byEmail.get(email.email);
      return person !== undefined && eligible(person)
        ? { kind: "found", person }
        : { kind: "none" };
    }
    const { keys, lastOnly } = referenceKeys(written);
    // The most specific key that finds anyone decides: "Jane Smith" before "J Smith".
    for (const key of keys) {
      const found = unique((this.byNameKey.get(key) ?? []).filter(eligible));
      if (found.length > 0) return result(found);
    }
    if (lastOnly !== null)
      return result(unique((this.byLastName.get(lastOnly) ?? []).filter(eligible)));
    return { kind: "none" };
  }

  /**
   * Everyone `written` might be when it finds no one: people who share a word of their last
   * name with it or with its e-mail's local part ("m.oconnor@…" → O'Connor, and O'Connor-Hale
   * after a marriage). For decisions that must fail safe, such as a rejection whose people were
   * renamed or lost their e-mail.
   */
  lookalikes(written: readonly string[], eligible: (person: Person) => boolean): Person[] {
    const found = new Set<Person>();
    for (const text of written) {
      const email = readEmail(text);
      if (email.kind === "valid") {
        const person = this.byEmail.get(email.email);
        if (person !== undefined) found.add(person);
      }
      for (const word of surnameWords(email.kind === "valid" ? email.email.split("@")[0]! : text))
        for (const person of this.byLastNameWord.get(word) ?? []) found.add(person);
    }
    return [...found].filter(eligible);
  }
}

/** Surname particles too common to tell people apart. */
const particles = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "la",
  "le",
  "da",
  "di",
  "del",
  "du",
  "ter",
  "ten",
  "bin",
  "al",
  "el",
  "st",
  "mc",
]);

function surnameWords(text: string): string[] {
  return foldKey(text)
    .split(" ")
    .filter((word) => word.length > 1 && !particles.has(word));
}

function result(people: Person[]): Lookup {
  if (people.length === 0) return { kind: "none" };
  if (people.length === 1) return { kind: "found", person: people[0]! };
  return { kind: "many", people };
}

function unique(people: Person[]): Person[] {
  return [...new Set(people)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
