/** Fabricated faculty drawn from the vocabulary tables with a seeded generator. */
import type { Random } from "./prng.js";
import {
  email,
  FIRST_NAMES,
  LAST_NAMES,
  RANK_SPELLINGS,
  TRACKS,
  type Division,
  type Rank,
  type Track,
} from "./roster-data.js";

export type Role = "Mentor" | "Mentee" | "Both";

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly rank: Rank;
  readonly unit: Division;
  readonly email: string;
  readonly role: Role;
  /** Mentees a mentor takes; null for mentees. */
  readonly capacity: number | null;
  readonly topics: readonly string[];
  readonly track: Track;
}

export interface PeopleOptions {
  readonly mentors: number;
  readonly mentees: number;
  readonly both?: number;
  readonly units: readonly Division[];
  readonly sharedTopics: readonly string[];
  readonly domain: string;
  readonly maxCapacity?: number;
  /** Names already used elsewhere (e.g. division chiefs) that must not repeat. */
  readonly taken?: Iterable<string>;
  /** Surnames that must appear (at random positions): the awkward ones a roster must survive. */
  readonly featuredLastNames?: readonly string[];
}

const RANKS_BY_ROLE: Readonly<Record<Role, readonly Rank[]>> = {
  // Mostly senior faculty mentor; the odd Assistant Professor does too.
  Mentor: [
    "Associate Professor",
    "Associate Professor",
    "Associate Professor",
    "Professor",
    "Professor",
    "Assistant Professor",
  ],
  Mentee: ["Instructor", "Instructor", "Assistant Professor", "Assistant Professor"],
  Both: ["Associate Professor", "Assistant Professor"],
};

/**
 * Mentors (then "Both", then mentees), each unit getting mentors in turn so every division
 * has someone to match with.
 */
export function makePeople(random: Random, options: PeopleOptions): Person[] {
  const used = new Set<string>(options.taken ?? []);
  const people: Person[] = [];
  const roles: Role[] = [
    ...Array<Role>(options.mentors).fill("Mentor"),
    ...Array<Role>(options.both ?? 0).fill("Both"),
    ...Array<Role>(options.mentees).fill("Mentee"),
  ];
  const mentorUnits = random.shuffle(options.units);
  const featured = options.featuredLastNames ?? [];
  const featuredAt = new Map(
    random.sample([...roles.keys()], featured.length).map((index, k) => [index, featured[k]!]),
  );
  for (const last of featured) used.add(last);
  roles.forEach((role, i) => {
    const unit =
      role === "Mentee" ? random.pick(options.units) : mentorUnits[i % mentorUnits.length]!;
    const [first, last] = uniqueName(random, used, featuredAt.get(i));
    const rank = random.pick(RANKS_BY_ROLE[role]);
    const ownTopics = random.sample(unit.topics, random.int(1, 3));
    const topics = random.chance(0.7)
      ? [...ownTopics, random.pick(options.sharedTopics.filter((t) => !ownTopics.includes(t)))]
      : ownTopics;
    const maxCapacity = options.maxCapacity ?? 3;
    people.push({
      first,
      last,
      rank,
      unit,
      email: email(first, last, options.domain),
      role,
      capacity: role === "Mentee" ? null : random.int(1, role === "Both" ? 2 : maxCapacity),
      topics,
      track: random.pick(TRACKS),
    });
  });
  return people;
}

/** A first and last name not used yet; `last` fixes the surname (already reserved). */
export function uniqueName(random: Random, used: Set<string>, last?: string): [string, string] {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const first = random.pick(FIRST_NAMES);
    if (last !== undefined) {
      used.add(`${first} ${last}`);
      return [first, last];
    }
    const surname = random.pick(LAST_NAMES);
    // One person per surname keeps e-mails and "Dr. Last" references unambiguous.
    if (!used.has(surname) && !used.has(`${first} ${surname}`)) {
      used.add(surname);
      used.add(`${first} ${surname}`);
      return [first, surname];
    }
  }
  throw new Error("uniqueName: ran out of unused surnames; add names to roster-data.ts");
}

export function rankSpelling(random: Random, rank: Rank, department: string): string {
  return random.pick(RANK_SPELLINGS[rank]).replace("{dept}", department);
}

export function fullName(person: Pick<Person, "first" | "last">): string {
  return `${person.first} ${person.last}`;
}

export function lastFirst(person: Pick<Person, "first" | "last">): string {
  return `${person.last}, ${person.first}`;
}
