/**
 * Checks a slot solution against its problem and reports every violation as data. Separate
 * from the solver on purpose: it re-derives everything from the problem and the pairs.
 */

import {
  openSlotRoles,
  totalLoadPenalty,
  type SlotProblem,
  type SlotSolution,
} from "./slot-problem.js";

export type SlotViolationCode =
  | "unknown-index"
  | "duplicate-mentor"
  | "not-a-candidate"
  | "role-not-allowed"
  | "too-many-for-role"
  | "over-capacity"
  | "locked-pair-missing"
  | "locked-flag-wrong"
  | "score-mismatch"
  | "summary-mismatch";

export interface SlotViolation {
  readonly code: SlotViolationCode;
  readonly mentee?: number;
  readonly mentor?: number;
  readonly message: string;
}

/**
 * Every way `solution` breaks the rules of `problem`: unknown indices, a mentor twice for one
 * mentee, pairs that are neither candidates nor locked, roles the candidate may not fill, more
 * pairs of a role than the mentee has open slots for it (unlabelled slots take any role),
 * mentors over capacity, locked pairs missing, and totals that do not match the pairs.
 * `tolerance` applies to score comparisons.
 */
export function checkSlotSolution(
  problem: SlotProblem,
  solution: SlotSolution,
  tolerance = 1e-9,
): SlotViolation[] {
  const out: SlotViolation[] = [];
  const nE = problem.mentees.length;
  const nR = problem.mentors.length;
  const locked = problem.locked ?? [];
  const candidateOf = new Map<string, SlotProblem["candidates"][number]>();
  for (const c of problem.candidates) candidateOf.set(`${c.mentee}:${c.mentor}`, c);
  const lockedSet = new Set(locked.map((l) => `${l.mentee}:${l.mentor}`));

  const seen = new Set<string>();
  const load = new Array<number>(nR).fill(0);
  const byMentee = new Map<number, (string | null)[]>(); // roles of the non-locked pairs
  let totalScore = 0;
  const coveredSet = new Set<number>();

  for (const p of solution.pairs) {
    const { mentee, mentor } = p;
    if (!Number.isInteger(mentee) || mentee < 0 || mentee >= nE) {
      out.push({ code: "unknown-index", mentee, mentor, message: `no mentee ${mentee}` });
      continue;
    }
    if (!Number.isInteger(mentor) || mentor < 0 || mentor >= nR) {
      out.push({ code: "unknown-index", mentee, mentor, message: `no mentor ${mentor}` });
      continue;
    }
    const key = `${mentee}:${mentor}`;
    if (seen.has(key)) {
      out.push({
        code: "duplicate-mentor",
        mentee,
        mentor,
        message: `mentee ${mentee} gets mentor ${mentor} more than once`,
      });
    }
    seen.add(key);
    load[mentor] = load[mentor]! + 1;
    coveredSet.add(mentee);
    totalScore += p.score;
    const isLocked = lockedSet.has(key);
    if (p.locked !== isLocked) {
      out.push({
        code: "locked-flag-wrong",
        mentee,
        mentor,
        message: `pair (${mentee}, ${mentor}) is ${isLocked ? "" : "not "}locked`,
      });
    }
    const cand = candidateOf.get(key);
    const expectedScore = cand?.score ?? 0;
    if (Math.abs(p.score - expectedScore) > tolerance) {
      out.push({
        code: "score-mismatch",
        mentee,
        mentor,
        message: `pair (${mentee}, ${mentor}) reports score ${p.score}, expected ${expectedScore}`,
      });
    }
    if (isLocked) continue;
    if (!cand) {
      out.push({
        code: "not-a-candidate",
        mentee,
        mentor,
        message: `pair (${mentee}, ${mentor}) is neither a candidate nor locked`,
      });
      continue;
    }
    if (p.role !== null && !cand.roles.includes(p.role)) {
      out.push({
        code: "role-not-allowed",
        mentee,
        mentor,
        message: `mentor ${mentor} may not fill a "${p.role}" slot for mentee ${mentee}`,
      });
    }
    const list = byMentee.get(mentee) ?? [];
    list.push(p.role);
    byMentee.set(mentee, list);
  }

  // Non-locked pairs must fit the open slots: role r into r-slots first, then unlabelled ones.
  for (const [mentee, roles] of byMentee) {
    const open = openSlotRoles(
      problem.mentees[mentee]!.slots.map((s) => s.role),
      locked.filter((l) => l.mentee === mentee).map((l) => l.role),
    );
    const free = new Map<string | null, number>();
    for (const r of open) free.set(r, (free.get(r) ?? 0) + 1);
    let unlabelled = free.get(null) ?? 0;
    const need = new Map<string | null, number>();
    for (const r of roles) need.set(r, (need.get(r) ?? 0) + 1);
    let ok = true;
    for (const [role, count] of need) {
      if (role === null) continue;
      const extra = count - (free.get(role) ?? 0);
      if (extra > 0) {
        unlabelled -= extra;
        if (unlabelled < 0) ok = false;
      }
    }
    if ((need.get(null) ?? 0) > unlabelled) ok = false;
    if (!ok) {
      out.push({
        code: "too-many-for-role",
        mentee,
        message: `mentee ${mentee} has more mentors than open slots for their roles`,
      });
    }
  }

  for (let j = 0; j < nR; j++) {
    if (load[j]! > problem.mentors[j]!.capacity) {
      out.push({
        code: "over-capacity",
        mentor: j,
        message: `mentor ${j} has ${load[j]} mentees, capacity ${problem.mentors[j]!.capacity}`,
      });
    }
  }
  for (const l of locked) {
    if (!seen.has(`${l.mentee}:${l.mentor}`)) {
      out.push({
        code: "locked-pair-missing",
        mentee: l.mentee,
        mentor: l.mentor,
        message: `locked pair (${l.mentee}, ${l.mentor}) is missing`,
      });
    }
  }

  let penalty = 0;
  for (let j = 0; j < nR; j++)
    penalty += totalLoadPenalty(problem.mentors[j]!.loadPenalty, load[j]!);
  const mismatch = (what: string, got: number, want: number, tol: number): void => {
    if (Math.abs(got - want) > tol) {
      out.push({ code: "summary-mismatch", message: `${what} is ${got}, the pairs give ${want}` });
    }
  };
  const scale = tolerance * Math.max(1, Math.abs(totalScore) + Math.abs(penalty));
  mismatch("covered", solution.covered, coveredSet.size, 0);
  mismatch("slotsFilled", solution.slotsFilled, solution.pairs.length, 0);
  mismatch("totalScore", solution.totalScore, totalScore, scale);
  mismatch("loadPenalty", solution.loadPenalty, penalty, scale);
  mismatch("netScore", solution.netScore, totalScore - penalty, scale);
  return out;
}
