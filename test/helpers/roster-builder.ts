import type { Person, Roster } from "../../shared/index.js";
import { presetSettings, type PresetName, type Settings } from "../../shared/index.js";

let counter = 0;
/** A person with sensible defaults; tests say only what matters to them. */
export function person(fields: Partial<Person> & { name: string; role: Person["role"] }): Person {
  counter++;
  const [first = "", ...rest] = fields.name.split(" ");
  const email =
    fields.email === undefined
      ? `${fields.name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`
      : fields.email;
  return {
    id: email ?? `name:${fields.name.toLowerCase()}`,
    firstName: first,
    lastName: rest.join(" "),
    email,
    rank: null,
    rankLevel: null,
    division: null,
    department: null,
    capacity: fields.role === "mentee" ? 0 : 1,
    interests: [],
    track: null,
    areaOfExcellence: null,
    chair: null,
    preferredMentorsWritten: [],
    preferredMentors: [],
    preferredMenteesWritten: [],
    preferredMentees: [],
    lab: null,
    supervisor: null,
    degrees: [],
    source: `Roster!A${counter + 1}`,
    sources: [`Roster!A${counter + 1}`],
    extra: {},
    ...fields,
  };
}

const ranks = ["Instructor", "Assistant Professor", "Associate Professor", "Professor"] as const;
export function ranked(level: 0 | 1 | 2 | 3): Pick<Person, "rank" | "rankLevel"> {
  return { rank: ranks[level], rankLevel: level };
}

export function roster(people: Person[], doNotPair: Roster["doNotPair"] = []): Roster {
  return {
    mapping: { sheets: [] },
    people,
    doNotPair,
    issues: [],
    rows: { read: people.length, people: people.length, duplicates: 0, skipped: 0 },
  };
}

export function settings(
  preset: PresetName = "one-to-one",
  changes: Partial<Settings> = {},
): Settings {
  return { ...presetSettings(preset, "2026-11-23"), ...changes };
}
