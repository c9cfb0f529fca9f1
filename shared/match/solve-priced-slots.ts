/**
 * Team programs (two mentors, committees) on long rosters: the slot flow solved on each
 * mentee's best candidates, then priced like the one-mentor assignment (solve-single-slot.ts).
 * The flow's final node prices give every residual arc a reduced cost ≥ 0; a left-out pair
 * hub(e) → mentor(r) of cost [0, 0, −score] would keep that true unless
 * [0, 0, −score] + p(hub) − p(mentor) is below zero. Such pairs — at most a few per mentee
 * and round, those most below zero first — join and the flow is solved again, until none is
 * left: the answer is then the optimum over every allowed pair. Only mentees whose open slots
 * are all unlabelled have pairs left out (candidate-pairs.ts keeps every pair of the others).
 * If the prices ever fail their own check, every left-out pair is added and solved once more.
 */
import { lexNegative } from "./flow/min-cost-flow.js";
import { solveSlotNetwork } from "./flow/mentoring-flow.js";
import type { SlotCandidate, SlotProblem, SlotSolution } from "./flow/slot-problem.js";
import {
  addedPerMentee,
  mentorsByMentee,
  pricingRounds,
  withLockedPairs,
  type MoreCandidates,
} from "./solve-single-slot.js";

export function solveSlotsPriced<C extends SlotCandidate>(
  problem: SlotProblem & { candidates: readonly C[] },
  more: MoreCandidates<C>,
): { solution: SlotSolution; candidates: readonly C[] } {
  let candidates = withLockedPairs(problem, problem.candidates, more);
  for (let round = 0; ; round++) {
    const solved = solveSlotNetwork({ ...problem, candidates });
    const perMentee = round < pricingRounds ? addedPerMentee : Infinity;
    const added = solved.prices.proven
      ? improvingTeamPairs(problem, solved, candidates, more, perMentee)
      : everyLeftOutPair(problem, candidates, more);
    if (added.length === 0) return { solution: solved.solution, candidates };
    candidates = [...candidates, ...added];
    if (!solved.prices.proven)
      return { solution: solveSlotNetwork({ ...problem, candidates }).solution, candidates };
  }
}

function improvingTeamPairs<C extends SlotCandidate>(
  problem: SlotProblem,
  solved: ReturnType<typeof solveSlotNetwork>,
  candidates: readonly C[],
  more: MoreCandidates<C>,
  perMentee: number,
): C[] {
  const { hubOf, unlabelled, mentorNodeOf, prices } = solved;
  const { potentials: pot, dimension: K, tolerance: tol } = prices;
  const mentorCount = problem.mentors.length;
  const nodes = Int32Array.from({ length: mentorCount }, (_, r) => mentorNodeOf(r));
  const floor = new Float64Array(mentorCount);
  const diff = new Float64Array(K);
  let known: Map<number, Set<number>> | null = null;
  const added: C[] = [];
  for (let e = 0; e < problem.mentees.length; e++) {
    const best = more.best[e]!;
    const hub = hubOf[e]!;
    if (best === -Infinity || hub < 0) continue;
    known ??= mentorsByMentee(candidates);
    const own = known.get(e) ?? new Set<number>();
    if (unlabelled[e] === 0) {
      added.push(...more.find(e, null, () => -Infinity, own));
      continue;
    }
    // Mentors a pair with a score up to `best` could enter below zero, with the score it needs.
    const tried: number[] = [];
    for (let r = 0; r < mentorCount; r++) {
      const node = nodes[r]!;
      if (node < 0 || prices.isDead(node) || own.has(r)) continue;
      for (let k = 0; k < K; k++) diff[k] = pot[hub * K + k]! - pot[node * K + k]!;
      // Reduced cost = [0, …, 0, −score] + diff: below zero whatever the score when an earlier
      // component is, else when score > diff[last] + tol.
      diff[K - 1] = 0;
      const needed = lexNegative(diff, K, 0)
        ? -Infinity
        : isZeroBeforeLast(diff, K)
          ? pot[hub * K + K - 1]! - pot[node * K + K - 1]! + tol
          : Infinity;
      if (needed < best) {
        floor[r] = needed;
        tried.push(r);
      }
    }
    if (tried.length === 0) continue;
    const found = more.find(e, tried, (r) => floor[r]!, own);
    const gain = (c: C) => c.score - floor[c.mentor]!;
    if (found.length > perMentee)
      found.sort((x, y) => gain(y) - gain(x) || y.score - x.score || x.mentor - y.mentor);
    added.push(...found.slice(0, perMentee));
  }
  return added;
}

function isZeroBeforeLast(x: Float64Array, K: number): boolean {
  for (let k = 0; k < K - 1; k++) if (x[k] !== 0) return false;
  return true;
}

function everyLeftOutPair<C extends SlotCandidate>(
  problem: SlotProblem,
  candidates: readonly C[],
  more: MoreCandidates<C>,
): C[] {
  const known = mentorsByMentee(candidates);
  const added: C[] = [];
  for (let e = 0; e < problem.mentees.length; e++)
    if (more.best[e]! > -Infinity)
      added.push(...more.find(e, null, () => -Infinity, known.get(e) ?? new Set()));
  return added;
}
