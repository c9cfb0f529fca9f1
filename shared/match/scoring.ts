/**
 * Soft criteria: how good an allowed pair is, as named points with a reason in plain words.
 * Points add up to at most the sum of the weights (100-ish), so scores read like percentages.
 * `pairPoints` scores every candidate without allocating; `scorePair` explains a chosen pair
 * with the same criteria.
 */
import type { Settings } from "../rules/settings.js";
import { rankLadder } from "../roster/normalise/rank.js";
import { countSharedInterests, sharedInterests, type PersonFacts } from "./people-facts.js";

export type Criterion = "interests" | "track" | "rankGap" | "division" | "requested";

export interface CriterionScore {
  criterion: Criterion;
  points: number;
  reason: string;
}

const rankGapValue: Readonly<Record<number, number>> = { 1: 0.8, 2: 1, 3: 0.7 };
const gapWords = ["", "one rank", "two ranks", "three ranks"];

type Points = (mentee: PersonFacts, mentor: PersonFacts, settings: Settings) => number;
type Reason = (mentee: PersonFacts, mentor: PersonFacts) => string;

function sameTrack(a: PersonFacts, b: PersonFacts): boolean | null {
  return a.person.track !== null && b.person.track !== null
    ? a.person.track === b.person.track
    : null;
}
function sameArea(a: PersonFacts, b: PersonFacts): boolean | null {
  const x = a.person.areaOfExcellence;
  const y = b.person.areaOfExcellence;
  return x !== null && y !== null ? x.toLowerCase() === y.toLowerCase() : null;
}

const criteria: readonly { criterion: Criterion; points: Points; reason: Reason }[] = [
  {
    criterion: "interests",
    points: (a, b, s) => {
      const shared = s.weights.interests > 0 ? countSharedInterests(a, b) : 0;
      return shared === 0
        ? 0
        : s.weights.interests * Math.min(1, shared / Math.min(3, a.interests.length));
    },
    reason: (a, b) => `shared interests: ${sharedInterests(a, b).join(", ")}`,
  },
  {
    criterion: "track",
    points: (a, b, s) => {
      const track = sameTrack(a, b);
      const area = sameArea(a, b);
      const compared = (track === null ? 0 : 1) + (area === null ? 0 : 1);
      const matched = (track === true ? 1 : 0) + (area === true ? 1 : 0);
      return compared === 0 ? 0 : (s.weights.track * matched) / compared;
    },
    reason: (a, b) =>
      [
        sameTrack(a, b) === true ? `same track (${a.person.track})` : null,
        sameArea(a, b) === true ? `same area of excellence (${a.person.areaOfExcellence})` : null,
      ]
        .filter((words) => words !== null)
        .join(", "),
  },
  {
    criterion: "rankGap",
    points: (a, b, s) => {
      const gap = (b.person.rankLevel ?? -1) - (a.person.rankLevel ?? 99);
      return gap > 0 ? s.weights.rankGap * (rankGapValue[gap] ?? 0.5) : 0;
    },
    reason: (a, b) => {
      const gap = b.person.rankLevel! - a.person.rankLevel!;
      return `mentor is ${gapWords[gap] ?? `${gap} ranks`} senior (${rankLadder[b.person.rankLevel!]})`;
    },
  },
  {
    criterion: "division",
    points: (a, b, s) => {
      if (a.division === null || b.division === null) return 0;
      const same = a.division === b.division;
      const rule = s.divisionRule;
      return (rule === "different-preferred" && !same) || (rule === "same-preferred" && same)
        ? s.weights.division
        : 0;
    },
    reason: (a, b) =>
      a.division === b.division
        ? `same division (${a.person.division}) as preferred`
        : `different division (${b.person.division}) as preferred`,
  },
  {
    criterion: "requested",
    points: (a, b, s) => {
      const at = a.person.preferredMentors.indexOf(b.person.id);
      return at < 0 ? 0 : s.weights.requested * Math.max(0.4, 1 - 0.2 * at);
    },
    reason: (a, b) => {
      const at = a.person.preferredMentors.indexOf(b.person.id);
      return `requested by the mentee (${at === 0 ? "first choice" : `choice ${at + 1}`})`;
    },
  },
];

/** The pair's total points, without building any explanation. */
export function pairPoints(mentee: PersonFacts, mentor: PersonFacts, settings: Settings): number {
  let total = 0;
  for (const { points } of criteria) total += points(mentee, mentor, settings);
  return total;
}

/** The pair's points by criterion, each with its reason. */
export function scorePair(
  mentee: PersonFacts,
  mentor: PersonFacts,
  settings: Settings,
): CriterionScore[] {
  const scores: CriterionScore[] = [];
  for (const { criterion, points, reason } of criteria) {
    const value = points(mentee, mentor, settings);
    if (value > 0) scores.push({ criterion, points: value, reason: reason(mentee, mentor) });
  }
  return scores;
}

/** Reasons that are facts, not points, so every pair's "why" reads completely. */
export function ruleReasons(
  mentee: PersonFacts,
  mentor: PersonFacts,
  settings: Settings,
): string[] {
  const reasons: string[] = [];
  if (
    settings.divisionRule === "different-required" &&
    mentee.division !== null &&
    mentor.division !== null
  ) {
    reasons.push(`different division (${mentor.person.division}) as required`);
  }
  if (settings.divisionRule === "same-required" && mentee.division !== null)
    reasons.push("same division as required");
  return reasons;
}

export function totalPoints(scores: readonly CriterionScore[]): number {
  return scores.reduce((sum, score) => sum + score.points, 0);
}
