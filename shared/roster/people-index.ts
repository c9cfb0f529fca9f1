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

  constructor(people: readonly Person[]) {
    for (const person of people) {
      if (person.email !== null) this.byEmail.set(person.email, person);
      for (const key of nameKeys({ first: person.firstName, last: person.lastName })) {
        push(this.byNameKey, key, person);
      }
      push(this.byLastName, foldKey(person.lastName), person);
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
