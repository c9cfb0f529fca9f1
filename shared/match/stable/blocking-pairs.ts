/**
 * Checkers for capacitated matchings, separate from the algorithm: they report what is wrong
 * as data and never throw for a bad matching (only for malformed preferences).
 */

import { mentorRanks, type StableMatching, type StablePreferences } from "./stable-match.js";

export type BlockingReason =
  /** The mentor has a free place. */
  | "mentor-has-room"
  /** The mentor is full but ranks this mentee above one of its current mentees. */
  | "mentor-prefers-mentee";

/**
 * A mutually acceptable pair, not matched together, where the mentee prefers the mentor to
 * its current situation (its mentor, or being unmatched) and the mentor would take the mentee.
 */
export interface BlockingPair {
  readonly mentee: number;
  readonly mentor: number;
  readonly reason: BlockingReason;
}

/**
 * Every blocking pair of `matching`, ordered by mentee then by the mentee's preference.
 * `menteeToMentor` is taken as the truth (use checkMatching for consistency); a current
 * partner the mentee or mentor does not list counts as worse than anyone listed.
 */
export function findBlockingPairs(
  matching: StableMatching,
  prefs: StablePreferences,
): BlockingPair[] {
  const rank = mentorRanks(prefs);
  const nR = prefs.capacities.length;
  const load = new Array<number>(nR).fill(0);
  const worstRank = new Array<number>(nR).fill(-1);
  matching.menteeToMentor.forEach((j, i) => {
    if (!Number.isInteger(j) || j < 0 || j >= nR) return;
    load[j]!++;
    worstRank[j] = Math.max(worstRank[j]!, rank[j]!.get(i) ?? Infinity);
  });

  const out: BlockingPair[] = [];
  prefs.menteePrefs.forEach((list, i) => {
    const current = matching.menteeToMentor[i] ?? -1;
    for (const j of list) {
      if (j === current) break; // the rest are worse than the current mentor
      const r = rank[j]!.get(i);
      if (r === undefined) continue; // the mentor does not list the mentee
      const cap = prefs.capacities[j]!;
      if (load[j]! < cap) out.push({ mentee: i, mentor: j, reason: "mentor-has-room" });
      else if (load[j]! > 0 && worstRank[j]! > r) {
        out.push({ mentee: i, mentor: j, reason: "mentor-prefers-mentee" });
      }
    }
  });
  return out;
}

export type MatchingViolationCode =
  | "wrong-length"
  | "unknown-mentor"
  | "unknown-mentee"
  | "inconsistent"
  | "over-capacity"
  | "unacceptable-pair";

export interface MatchingViolation {
  readonly code: MatchingViolationCode;
  readonly mentee?: number;
  readonly mentor?: number;
  readonly message: string;
}

/**
 * Checks that `matching` is a valid capacitated matching for `prefs`: the two views agree,
 * indices exist, no mentor is over capacity and every pair is mutually acceptable.
 */
export function checkMatching(
  matching: StableMatching,
  prefs: StablePreferences,
): MatchingViolation[] {
  const rank = mentorRanks(prefs);
  const nE = prefs.menteePrefs.length;
  const nR = prefs.capacities.length;
  const out: MatchingViolation[] = [];
  const { menteeToMentor, mentorToMentees } = matching;
  if (menteeToMentor.length !== nE) {
    out.push({
      code: "wrong-length",
      message: `menteeToMentor has ${menteeToMentor.length} entries for ${nE} mentees`,
    });
  }
  if (mentorToMentees.length !== nR) {
    out.push({
      code: "wrong-length",
      message: `mentorToMentees has ${mentorToMentees.length} entries for ${nR} mentors`,
    });
  }

  menteeToMentor.forEach((j, i) => {
    if (j === -1) return;
    if (!Number.isInteger(j) || j < 0 || j >= nR) {
      out.push({ code: "unknown-mentor", mentee: i, message: `mentee ${i} has mentor ${j}` });
      return;
    }
    if (!(mentorToMentees[j] ?? []).includes(i)) {
      out.push({
        code: "inconsistent",
        mentee: i,
        mentor: j,
        message: `mentee ${i} has mentor ${j}, but mentor ${j} does not list mentee ${i}`,
      });
    }
    const acceptable = prefs.menteePrefs[i]!.includes(j) && rank[j]!.has(i);
    if (!acceptable) {
      out.push({
        code: "unacceptable-pair",
        mentee: i,
        mentor: j,
        message: `mentee ${i} and mentor ${j} do not both list each other`,
      });
    }
  });

  mentorToMentees.forEach((list, j) => {
    const seen = new Set<number>();
    for (const i of list) {
      if (!Number.isInteger(i) || i < 0 || i >= nE) {
        out.push({ code: "unknown-mentee", mentor: j, message: `mentor ${j} has mentee ${i}` });
        continue;
      }
      if (seen.has(i) || menteeToMentor[i] !== j) {
        out.push({
          code: "inconsistent",
          mentee: i,
          mentor: j,
          message: seen.has(i)
            ? `mentor ${j} lists mentee ${i} twice`
            : `mentor ${j} lists mentee ${i}, whose mentor is ${menteeToMentor[i]}`,
        });
      }
      seen.add(i);
    }
    const cap = prefs.capacities[j];
    if (cap !== undefined && list.length > cap) {
      out.push({
        code: "over-capacity",
        mentor: j,
        message: `mentor ${j} has ${list.length} mentees, capacity ${cap}`,
      });
    }
  });
  return out;
}
