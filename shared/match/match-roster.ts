/**
 * The matching step: roster + settings + the coordinator's overrides → pairs with reasons and
 * unmatched mentees with reasons. Rules and scores are computed here; the exact optimisation
 * is the slot solver's (flow/), or deferred acceptance in stable mode (stable/).
 */
import { issue, type Issue } from "../issue.js";
import type { Roster, Person } from "../roster/schema.js";
import type { Settings } from "../rules/settings.js";
import { personFacts, type PersonFacts } from "./people-facts.js";
import { divisionNames } from "../roster/divisions.js";
import { capitalise } from "../roster/text.js";
import {
  forbiddingRule,
  menteeExclusion,
  mentorExclusion,
  pairRuleOrder,
  ruleWords,
  unorderedKey,
  type PairContext,
  type PairRule,
} from "./pair-rules.js";
import { ruleReasons, scorePair, totalPoints, type CriterionScore } from "./scoring.js";
import { pairTable } from "./pair-table.js";
import { candidatePairs, type Candidate, type LeftOutPairs } from "./candidate-pairs.js";
import { blockedByRejection, noOverrides, type Overrides } from "./overrides.js";
import { solveSlots } from "./flow/mentoring-flow.js";
import { isSingleSlotProblem, solveSingleSlot } from "./solve-single-slot.js";
import { solveSlotsPriced } from "./solve-priced-slots.js";
import type { SlotProblem } from "./flow/slot-problem.js";
import { matchStably } from "./stable-mode.js";
import { pairId } from "./pair-id.js";

export interface MatchedPair {
  pairId: string;
  menteeId: string;
  mentorId: string;
  /** The labelled slot this mentor fills ("clinical"), or null. */
  role: string | null;
  status: "Proposed" | "Locked";
  score: number;
  breakdown: CriterionScore[];
  /** The pair's "why", in plain words. */
  reasons: string;
}

export interface UnmatchedMentee {
  menteeId: string;
  code: "not-eligible" | "no-eligible-mentor" | "mentors-full" | "incomplete-team";
  reason: string;
}

export interface MatchResult {
  pairs: MatchedPair[];
  unmatched: UnmatchedMentee[];
  issues: Issue[];
  stats: {
    mentees: number;
    mentors: number;
    covered: number;
    slotsWanted: number;
    slotsFilled: number;
    totalScore: number;
  };
}

/**
 * Mentors kept per mentee before pricing (mentees whose slots are all unlabelled). Any number gives the same
 * optimum; this one rarely needs a second round on institution rosters (see bench/).
 */
export const candidatesPerMentee = 48;

/** Everything the solver and the explanations need: who takes part, the allowed pairs, locks. */
export interface MatchProblem {
  issues: Issue[];
  context: PairContext;
  menteeList: PersonFacts[];
  mentorList: PersonFacts[];
  mentorIndex: Map<string, number>;
  slotsOf: (string | null)[][];
  candidates: Candidate[];
  /** Allowed pairs not in `candidates` (one-mentor programs only), for the solver to price. */
  leftOut: LeftOutPairs | null;
  exclusions: Map<PairRule, number>[];
  locked: LockedIndexPair[];
  unmatched: UnmatchedMentee[];
  mentorsLeftOut: { person: Person; why: string }[];
  slotProblem: SlotProblem;
}

/** Rules and scores applied to the roster: the problem `matchRoster` solves and explains. */
export function matchProblem(
  roster: Roster,
  settings: Settings,
  overrides: Overrides = noOverrides,
  options: MatchOptions = {},
): MatchProblem {
  const issues: Issue[] = [];
  const byId = new Map(roster.people.map((person) => [person.id, person]));
  const context: PairContext = {
    settings,
    doNotPair: new Set(roster.doNotPair.map((pair) => unorderedKey(pair.a, pair.b))),
    rejected: new Set(
      blockedByRejection(overrides).map((pair) => `${pair.menteeId}|${pair.mentorId}`),
    ),
  };

  const divisions = divisionNames(roster.people);
  issues.push(...divisions.issues);
  const facts = (person: Person): PersonFacts => personFacts(person, divisions.keyOf);
  const menteeList: PersonFacts[] = [];
  const unmatched: UnmatchedMentee[] = [];
  for (const person of roster.people) {
    if (person.role === "mentor") continue;
    const exclusion = menteeExclusion(person, settings);
    if (exclusion === null) menteeList.push(facts(person));
    else if (person.role === "mentee")
      unmatched.push({
        menteeId: person.id,
        code: "not-eligible",
        reason: `Not matched: ${exclusion}.`,
      });
  }
  const mentorList: PersonFacts[] = [];
  const mentorsLeftOut: { person: Person; why: string }[] = [];
  for (const person of roster.people) {
    if (person.role === "mentee") continue;
    const exclusion = mentorExclusion(person, settings);
    if (exclusion === null) mentorList.push(facts(person));
    else if (person.role === "mentor") mentorsLeftOut.push({ person, why: exclusion });
  }
  const menteeIndex = new Map(menteeList.map((facts, i) => [facts.person.id, i]));
  const mentorIndex = new Map(mentorList.map((facts, i) => [facts.person.id, i]));

  const slotsOf = menteeList.map((facts) => slotRoles(facts.person, settings));
  const table = pairTable(menteeList, mentorList, context, {
    doNotPair: roster.doNotPair,
    rejected: blockedByRejection(overrides),
  });
  // One-mentor programs keep each mentee's best mentors; the solver prices the rest.
  // The optimal methods keep each mentee's best mentors and price the rest (stable mode
  // needs whole preference lists).
  const priced = settings.method !== "stable";
  const { candidates, exclusions, leftOut } = candidatePairs(
    menteeList,
    mentorList,
    slotsOf,
    table,
    priced ? (options.candidatesPerMentee ?? candidatesPerMentee) : Infinity,
  );

  const locked = lockedPairs(
    overrides,
    menteeIndex,
    mentorIndex,
    byId,
    context,
    menteeList,
    mentorList,
    issues,
  );
  const slotProblem: SlotProblem = {
    mentees: slotsOf.map((roles) => ({ slots: roles.map((role) => ({ role })) })),
    mentors: mentorList.map((facts) => ({
      capacity: facts.person.capacity,
      loadPenalty: loadPenalties(facts.person.capacity, settings),
    })),
    candidates,
    locked: locked.map(({ mentee, mentor, role }) => ({ mentee, mentor, role })),
  };
  return {
    issues,
    context,
    menteeList,
    mentorList,
    mentorIndex,
    slotsOf,
    candidates,
    leftOut,
    exclusions,
    locked,
    unmatched,
    mentorsLeftOut,
    slotProblem,
  };
}

/** Tuning that never changes the result, only the time (tests use tiny lists). */
export interface MatchOptions {
  /** Mentors kept per mentee before pricing (one-mentor programs); default 48. */
  candidatesPerMentee?: number;
}

export function matchRoster(
  roster: Roster,
  settings: Settings,
  overrides: Overrides = noOverrides,
  options: MatchOptions = {},
): MatchResult {
  const {
    issues,
    menteeList,
    mentorList,
    slotsOf,
    candidates: allowed,
    leftOut,
    exclusions,
    locked,
    unmatched,
    mentorsLeftOut,
    context,
    mentorIndex,
    slotProblem,
  } = matchProblem(roster, settings, overrides, options);
  let candidates: readonly Candidate[] = allowed;
  const chosen =
    settings.method === "stable"
      ? matchStably(menteeList, mentorList, candidates, locked, settings, issues)
      : null;
  let solution;
  if (chosen !== null) solution = chosen;
  else if (isSingleSlotProblem(slotProblem)) {
    const solved = solveSingleSlot({ ...slotProblem, candidates: allowed }, leftOut);
    solution = solved.pairs;
    candidates = solved.candidates;
  } else if (leftOut !== null) {
    const solved = solveSlotsPriced({ ...slotProblem, candidates: allowed }, leftOut);
    solution = solved.solution.pairs;
    candidates = solved.candidates;
  } else solution = solveSlots(slotProblem).pairs;

  const lockedOf = new Map(
    locked.map((lock) => [lock.mentee * mentorList.length + lock.mentor, lock]),
  );
  const pairs: MatchedPair[] = solution.map((pair) => {
    const mentee = menteeList[pair.mentee]!;
    const mentor = mentorList[pair.mentor]!;
    // Only chosen pairs are explained; candidates were scored without words.
    const scores = scorePair(mentee, mentor, settings);
    const lockedPair = lockedOf.get(pair.mentee * mentorList.length + pair.mentor);
    const reasons = [
      ...(lockedPair !== undefined
        ? [lockedPair.byHand ? "chosen by the coordinator" : "locked by the coordinator"]
        : []),
      ...(pair.role !== null ? [`${pair.role} mentor`] : []),
      ...scores.map((s) => s.reason),
      ...ruleReasons(mentee, mentor, settings),
    ];
    return {
      pairId: pairId(mentee.person.id, mentor.person.id),
      menteeId: mentee.person.id,
      mentorId: mentor.person.id,
      role: pair.role,
      status: lockedPair !== undefined ? "Locked" : "Proposed",
      score: round(totalPoints(scores)),
      breakdown: scores.map((s) => ({ ...s, points: round(s.points) })),
      reasons:
        reasons.length > 0
          ? capitalise(reasons.join("; "))
          : "Eligible under the program's rules; no shared interests or preferences to add points.",
    };
  });

  const pairsOfMentee = new Map<number, number>();
  for (const pair of solution)
    pairsOfMentee.set(pair.mentee, (pairsOfMentee.get(pair.mentee) ?? 0) + 1);
  const takenBy = new Map<number, string[]>();
  for (const pair of solution) {
    const names = takenBy.get(pair.mentor) ?? [];
    names.push(menteeList[pair.mentee]!.person.name);
    takenBy.set(pair.mentor, names);
  }
  const candidatesOf = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const list = candidatesOf.get(candidate.mentee) ?? [];
    list.push(candidate);
    candidatesOf.set(candidate.mentee, list);
  }

  menteeList.forEach((mentee, e) => {
    const got = pairsOfMentee.get(e) ?? 0;
    if (got >= settings.minimumMentors) return;
    const own = candidatesOf.get(e) ?? [];
    const person = mentee.person;
    if (got > 0) {
      unmatched.push({
        menteeId: person.id,
        code: "incomplete-team",
        reason: `Has ${got} of the ${settings.minimumMentors} mentors the program asks for: ${shortage(own, e, solution, mentorList, takenBy)}`,
      });
      return;
    }
    if (own.length === 0) {
      unmatched.push({
        menteeId: person.id,
        code: "no-eligible-mentor",
        reason: noEligibleReason(
          exclusions[e]!,
          mentorList.length,
          mentorsLeftOut.length,
          slotsOf[e]!,
        ),
      });
      return;
    }
    unmatched.push({
      menteeId: person.id,
      code: "mentors-full",
      reason: `Every eligible mentor is full: ${fullMentors(own, mentorList, takenBy, leftOut?.eligible[e])}.`,
    });
  });

  reportRequestsNotMet(menteeList, mentorIndex, mentorList, context, pairs, issues);
  for (const { person, why } of mentorsLeftOut) {
    issues.push(
      issue(
        "mentor-not-eligible",
        "warning",
        person.source,
        `${person.name} will not mentor in this program: ${why}.`,
      ),
    );
  }

  const covered = new Set(solution.map((pair) => pair.mentee)).size;
  return {
    pairs,
    unmatched,
    issues,
    stats: {
      mentees: menteeList.length,
      mentors: mentorList.length,
      covered,
      slotsWanted: slotsOf.reduce((sum, roles) => sum + roles.length, 0),
      slotsFilled: solution.length,
      totalScore: round(pairs.reduce((sum, pair) => sum + pair.score, 0)),
    },
  };
}

/** The mentee's slots: labelled ones from a role-slot rule first, then unlabelled ones. */
export function slotRoles(person: Person, settings: Settings): (string | null)[] {
  const rule = settings.roleSlots.find(
    (candidate) => person.track !== null && candidate.tracks.includes(person.track),
  );
  const labelled = rule?.slots ?? [];
  return [
    ...labelled,
    ...Array.from({ length: Math.max(0, settings.mentorsPerMentee - labelled.length) }, () => null),
  ];
}

/** A mentor's k-th further mentee costs k × the load weight: convex, so load spreads. */
function loadPenalties(capacity: number, settings: Settings): number[] {
  return Array.from({ length: Math.max(1, capacity) }, (_, k) => k * settings.weights.load);
}

interface LockedIndexPair {
  mentee: number;
  mentor: number;
  role: string | null;
  byHand: boolean;
}

function lockedPairs(
  overrides: Overrides,
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  byId: ReadonlyMap<string, Person>,
  context: PairContext,
  menteeList: readonly PersonFacts[],
  mentorList: readonly PersonFacts[],
  issues: Issue[],
): LockedIndexPair[] {
  const result: LockedIndexPair[] = [];
  const load = new Map<number, number>();
  for (const lock of overrides.locked) {
    const mentee = menteeIndex.get(lock.menteeId);
    const mentor = mentorIndex.get(lock.mentorId);
    const menteeName = byId.get(lock.menteeId)?.name ?? lock.menteeId;
    const mentorName = byId.get(lock.mentorId)?.name ?? lock.mentorId;
    if (mentee === undefined || mentor === undefined) {
      issues.push(
        issue(
          "locked-pair-not-eligible",
          "warning",
          lock.cell,
          `The locked pair ${menteeName} – ${mentorName} cannot be kept: ${mentee === undefined ? `${menteeName} is not an eligible mentee` : `${mentorName} is not an eligible mentor`} under the current settings.`,
        ),
      );
      continue;
    }
    if (result.some((pair) => pair.mentee === mentee && pair.mentor === mentor)) continue;
    const rule = forbiddingRule(menteeList[mentee]!, mentorList[mentor]!, {
      ...context,
      rejected: new Set(),
    });
    if (rule !== null) {
      issues.push(
        issue(
          "locked-pair-breaks-rule",
          "warning",
          lock.cell,
          `The locked pair ${menteeName} – ${mentorName} is kept as you chose, although the mentor ${ruleWords(rule)}.`,
        ),
      );
    }
    const used = (load.get(mentor) ?? 0) + 1;
    const capacity = mentorList[mentor]!.person.capacity;
    if (used > capacity) {
      issues.push(
        issue(
          "locked-pair-over-capacity",
          "warning",
          lock.cell,
          `${mentorName} is locked to ${used} mentees but their capacity is ${capacity}; the lock for ${menteeName} is not applied.`,
        ),
      );
      continue;
    }
    load.set(mentor, used);
    result.push({ mentee, mentor, role: lock.role, byHand: lock.byHand });
  }
  return result;
}

function noEligibleReason(
  excluded: ReadonlyMap<PairRule, number>,
  mentorCount: number,
  leftOut: number,
  slots: readonly (string | null)[],
): string {
  if (mentorCount === 0)
    return `No eligible mentor: the roster has no mentor this program can use${leftOut > 0 ? ` (${leftOut} left out by the rank or capacity rules)` : ""}.`;
  const parts = [...excluded]
    .sort((a, b) => b[1] - a[1] || pairRuleOrder.indexOf(a[0]) - pairRuleOrder.indexOf(b[0]))
    .map(
      ([rule, count]) => `${count} ${count === 1 ? "mentor" : "mentors"} ${ruleWords(rule, count)}`,
    );
  const labelled = slots.filter((slot) => slot !== null);
  if (labelled.length > 0 && !slots.includes(null))
    parts.push(`the rest have no ${labelled.join(" or ")} track to fill the mentee's slots`);
  return `No eligible mentor among ${mentorCount}: ${parts.join("; ")}.`;
}

/** The mentee's three best eligible mentors and who took them; `eligible` counts them all. */
function fullMentors(
  own: readonly Candidate[],
  mentorList: readonly PersonFacts[],
  takenBy: ReadonlyMap<number, string[]>,
  eligible: number = own.length,
): string {
  const best = [...own].sort((a, b) => b.score - a.score).slice(0, 3);
  const described = best.map((candidate) => {
    const mentor = mentorList[candidate.mentor]!.person;
    const took = takenBy.get(candidate.mentor) ?? [];
    return `${mentor.name} (capacity ${mentor.capacity}${took.length > 0 ? `, took ${took.join(", ")}` : ""})`;
  });
  const more = Math.max(eligible, own.length) - best.length;
  return described.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

function shortage(
  own: readonly Candidate[],
  mentee: number,
  solution: readonly { mentee: number; mentor: number }[],
  mentorList: readonly PersonFacts[],
  takenBy: ReadonlyMap<number, string[]>,
): string {
  const assigned = new Set(
    solution.filter((pair) => pair.mentee === mentee).map((pair) => pair.mentor),
  );
  const others = own.filter((candidate) => !assigned.has(candidate.mentor));
  return others.length === 0
    ? "no further eligible mentor."
    : `the other eligible mentors are full: ${fullMentors(others, mentorList, takenBy)}.`;
}

/** A requested mentor the rules forbid, or who went elsewhere, is said, not silently ignored. */
function reportRequestsNotMet(
  menteeList: readonly PersonFacts[],
  mentorIndex: ReadonlyMap<string, number>,
  mentorList: readonly PersonFacts[],
  context: PairContext,
  pairs: readonly MatchedPair[],
  issues: Issue[],
): void {
  for (const mentee of menteeList) {
    const person = mentee.person;
    const requested = person.preferredMentors[0];
    if (requested === undefined) continue;
    if (
      pairs.some(
        (pair) => pair.menteeId === person.id && person.preferredMentors.includes(pair.mentorId),
      )
    )
      continue;
    const r = mentorIndex.get(requested);
    const mentorName = r === undefined ? requested : mentorList[r]!.person.name;
    if (r === undefined) {
      issues.push(
        issue(
          "requested-mentor-not-eligible",
          "warning",
          person.source,
          `${person.name} asked for ${mentorName}, who is not an eligible mentor in this program.`,
        ),
      );
      continue;
    }
    const rule = forbiddingRule(mentee, mentorList[r]!, context);
    issues.push(
      rule !== null
        ? issue(
            "requested-mentor-forbidden",
            "warning",
            person.source,
            `${person.name} asked for ${mentorName}, but the rules forbid the pair: the mentor ${ruleWords(rule)}.`,
          )
        : issue(
            "requested-mentor-not-given",
            "warning",
            person.source,
            `${person.name} asked for ${mentorName}; the best overall assignment gave ${mentorName}'s places to others. Lock the pair in the Pairs sheet to keep it.`,
          ),
    );
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
