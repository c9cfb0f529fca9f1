/**
 * Hard rules: who may be a mentee, who may mentor, and which pairs are impossible. Each
 * exclusion is data with a rule name, so unmatched mentees can be told exactly why.
 */
import type { Settings } from "../rules/settings.js";
import type { Person } from "../roster/schema.js";
import type { PersonFacts } from "./people-facts.js";

export type PairRule =
  | "same-person"
  | "rank-order"
  | "division-different-required"
  | "division-same-required"
  | "do-not-pair"
  | "rejected"
  | "same-lab"
  | "supervisor"
  | "unrecognised-rank";

const ruleWordsByCount: Readonly<Record<PairRule, readonly [one: string, many: string]>> = {
  "same-person": ["is the mentee themself", "are the mentee themself"],
  "rank-order": ["does not outrank them", "do not outrank them"],
  "division-different-required": [
    "is in their own division (another division is required)",
    "are in their own division (another division is required)",
  ],
  "division-same-required": [
    "is in another division (the same division is required)",
    "are in another division (the same division is required)",
  ],
  "do-not-pair": ["is on the do-not-pair list with them", "are on the do-not-pair list with them"],
  rejected: [
    "was rejected for them in the Pairs sheet",
    "were rejected for them in the Pairs sheet",
  ],
  "same-lab": ["works in their lab or research group", "work in their lab or research group"],
  supervisor: ["is their own supervisor", "are their own supervisor"],
  "unrecognised-rank": [
    "has a rank the rank rule cannot compare",
    "have a rank the rank rule cannot compare",
  ],
};

/** Rules in the order explanations list them when counts tie. */
export const pairRuleOrder = Object.keys(ruleWordsByCount) as PairRule[];

/** The rule in words after "the mentor …" (count 1) or "5 mentors …". */
export function ruleWords(rule: PairRule, count = 1): string {
  return ruleWordsByCount[rule][count === 1 ? 0 : 1];
}

export interface PairContext {
  settings: Settings;
  /** Unordered "a|b" keys of people who must not be paired. */
  doNotPair: ReadonlySet<string>;
  /** "mentee|mentor" keys the coordinator rejected. */
  rejected: ReadonlySet<string>;
}

export function unorderedKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The first rule that forbids this pair, or null when it is allowed. */
export function forbiddingRule(
  mentee: PersonFacts,
  mentor: PersonFacts,
  context: PairContext,
): PairRule | null {
  const { settings } = context;
  const a = mentee.person;
  const b = mentor.person;
  if (a.id === b.id) return "same-person";
  if (context.rejected.has(`${a.id}|${b.id}`)) return "rejected";
  if (context.doNotPair.has(unorderedKey(a.id, b.id))) return "do-not-pair";
  if (settings.mentorMustOutrankMentee) {
    if (a.rankLevel !== null && b.rankLevel !== null) {
      if (b.rankLevel <= a.rankLevel) return "rank-order";
    } else if (settings.unrecognisedRank === "exclude") return "unrecognised-rank";
  }
  if (mentee.division !== null && mentor.division !== null) {
    const same = mentee.division === mentor.division;
    if (settings.divisionRule === "different-required" && same)
      return "division-different-required";
    if (settings.divisionRule === "same-required" && !same) return "division-same-required";
  }
  if (settings.avoidSameLab && mentee.lab !== null && mentee.lab === mentor.lab) return "same-lab";
  if (
    settings.avoidSupervisor &&
    [...mentee.supervisorKeys].some((key) => mentor.identityKeys.has(key))
  )
    return "supervisor";
  return null;
}

/** Why a person cannot be a mentee in this program at all, or null when they can. */
export function menteeExclusion(person: Person, settings: Settings): string | null {
  if (person.role === "mentor") return "not a mentee";
  return rankExclusion(person, settings.menteeRanks, settings, "mentee");
}

/** Why a person cannot mentor in this program at all, or null when they can. */
export function mentorExclusion(person: Person, settings: Settings): string | null {
  if (person.role === "mentee") return "not a mentor";
  if (person.capacity === 0) return "their capacity is 0";
  return rankExclusion(person, settings.mentorRanks, settings, "mentor");
}

function rankExclusion(
  person: Person,
  ranks: readonly string[],
  settings: Settings,
  side: "mentee" | "mentor",
): string | null {
  if (person.rankLevel === null) {
    return settings.unrecognisedRank === "exclude"
      ? `their rank ${person.rank === null ? "is blank" : `“${person.rank}” is not on the ladder`} and the program leaves such people out`
      : null;
  }
  return ranks.includes(person.rank ?? "")
    ? null
    : `${person.rank} is not among the ${side} ranks (${ranks.join(", ")})`;
}

/** Whether a mentor of this track can fill a slot labelled `label` ("clinical", "research"). */
export function fitsSlot(label: string, mentorTrack: string | null): boolean {
  if (mentorTrack === null) return false;
  if (label === mentorTrack) return true;
  if (label === "research") return mentorTrack === "basic-science";
  if (label === "clinical") return mentorTrack === "education";
  return false;
}
