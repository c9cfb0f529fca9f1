/**
 * Soft criteria: how good an allowed pair is, as named points with a reason in plain words.
 * Points add up to at most the sum of the weights (100-ish), so scores read like percentages.
 */
import type { Settings } from "../rules/settings.js";
import { rankLadder } from "../roster/normalise/rank.js";
import { sharedInterests, type PersonFacts } from "./people-facts.js";

export type Criterion = "interests" | "track" | "rankGap" | "division" | "requested";

export interface CriterionScore {
  criterion: Criterion;
  points: number;
  reason: string;
}

const rankGapValue: Readonly<Record<number, number>> = { 1: 0.8, 2: 1, 3: 0.7 };
const gapWords = ["", "one rank", "two ranks", "three ranks"];

export function scorePair(
  mentee: PersonFacts,
  mentor: PersonFacts,
  settings: Settings,
): CriterionScore[] {
  const { weights } = settings;
  const a = mentee.person;
  const b = mentor.person;
  const scores: CriterionScore[] = [];

  const shared = sharedInterests(mentee, mentor);
  if (shared.length > 0 && weights.interests > 0) {
    const wanted = Math.min(3, mentee.interests.length);
    scores.push({
      criterion: "interests",
      points: weights.interests * Math.min(1, shared.length / wanted),
      reason: `shared interests: ${shared.join(", ")}`,
    });
  }

  const sameTrack = a.track !== null && b.track !== null ? a.track === b.track : null;
  const sameArea =
    a.areaOfExcellence !== null && b.areaOfExcellence !== null
      ? a.areaOfExcellence.toLowerCase() === b.areaOfExcellence.toLowerCase()
      : null;
  const compared = [sameTrack, sameArea].filter((x) => x !== null);
  const matched = compared.filter((x) => x === true).length;
  if (matched > 0 && weights.track > 0) {
    const words = [
      sameTrack ? `same track (${a.track})` : null,
      sameArea ? `same area of excellence (${a.areaOfExcellence})` : null,
    ].filter((w) => w !== null);
    scores.push({
      criterion: "track",
      points: (weights.track * matched) / compared.length,
      reason: words.join(", "),
    });
  }

  if (
    a.rankLevel !== null &&
    b.rankLevel !== null &&
    b.rankLevel > a.rankLevel &&
    weights.rankGap > 0
  ) {
    const gap = b.rankLevel - a.rankLevel;
    scores.push({
      criterion: "rankGap",
      points: weights.rankGap * (rankGapValue[gap] ?? 0.5),
      reason: `mentor is ${gapWords[gap] ?? `${gap} ranks`} senior (${rankLadder[b.rankLevel]})`,
    });
  }

  if (mentee.division !== null && mentor.division !== null) {
    const same = mentee.division === mentor.division;
    const rule = settings.divisionRule;
    if ((rule === "different-preferred" && !same) || (rule === "same-preferred" && same)) {
      scores.push({
        criterion: "division",
        points: weights.division,
        reason: same
          ? `same division (${a.division}) as preferred`
          : `different division (${b.division}) as preferred`,
      });
    }
  }

  const requestedAt = a.preferredMentors.indexOf(b.id);
  if (requestedAt >= 0 && weights.requested > 0) {
    const choice = requestedAt === 0 ? "first choice" : `choice ${requestedAt + 1}`;
    scores.push({
      criterion: "requested",
      points: weights.requested * Math.max(0.4, 1 - 0.2 * requestedAt),
      reason: `requested by the mentee (${choice})`,
    });
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
