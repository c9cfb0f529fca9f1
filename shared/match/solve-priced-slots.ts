/**
 * Team programs (two mentors, committees) on long rosters: the slot flow solved on each
 * mentee's best candidates, then priced like the one-mentor assignment (solve-single-slot.ts).
 * The flow's final node prices give every residual arc a reduced cost ≥ 0; a left-out pair
 * hub(e) → mentor(r) of cost [0, 0, −score] would keep that true unless
 * [0, 0, −score] + p(hub) − p(mentor) is below zero. Such pairs — at most a few per mentee
 * and round, those most below zero first — join and the flow is solved again, until none is
 * left: the answer is then the optimum over every allowed pair. A pair of a mentee with role
 * slots enters the mentee's network at the node its roles lead to (hub, role node, pool), so it
 * is priced from there. If the prices ever fail their own check, every left-out pair is added
 * and solved once more.
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
  const { entryNodes, allEntryNodes, mentorNodeOf, prices } = solved;
  const { potentials: pot, dimension: K, tolerance: tol } = prices;
  const mentorCount = problem.mentors.length;
  const nodes = Int32Array.from({ length: mentorCount }, (_, r) => mentorNodeOf(r));
  const floor = new Float64Array(mentorCount);
  const diff = new Float64Array(K);
  const lowest = new Float64Array(K);
  let known: Map<number, Set<number>> | null = null;
  const added: C[] = [];
  /**
   * The lexicographically lowest potential among `from`, into `lowest`; false when one of them
   * is dead (reaches no sink yet): its potential proves nothing, so every pair from it counts.
   */
  const lowestOf = (from: readonly number[]): boolean => {
    lowest.fill(Infinity);
    for (const u of from) {
      if (prices.isDead(u)) return false;
      for (let k = 0; k < K; k++) diff[k] = pot[u * K + k]! - lowest[k]!;
      if (lowest[0] === Infinity || lexNegative(diff, K, 0))
        for (let k = 0; k < K; k++) lowest[k] = pot[u * K + k]!;
    }
    return lowest[0] !== Infinity;
  };
  /** The score a pair from `lowest` into mentor node v must beat to go below zero. */
  const needed = (v: number): number => {
    for (let k = 0; k < K; k++) diff[k] = lowest[k]! - pot[v * K + k]!;
    diff[K - 1] = 0;
    // Reduced cost = [0, …, 0, −score] + diff: below zero whatever the score when an earlier
    // component is, else when score > diff[last] + tol.
    if (lexNegative(diff, K, 0)) return -Infinity;
    for (let k = 0; k < K - 1; k++) if (diff[k] !== 0) return Infinity;
    return lowest[K - 1]! - pot[v * K + K - 1]! + tol;
  };
  /** The score pairs from `from` into mentor node v must beat (−∞ from a dead node). */
  const neededFrom = (from: readonly number[], v: number): number =>
    from.length === 0 ? Infinity : lowestOf(from) ? needed(v) : -Infinity;
  for (let e = 0; e < problem.mentees.length; e++) {
    const best = more.best[e]!;
    const entries = allEntryNodes(e);
    if (best === -Infinity || entries.length === 0) continue;
    const anyDead = !lowestOf(entries);
    known ??= mentorsByMentee(candidates);
    const own = known.get(e) ?? new Set<number>();
    // Mentors a pair scoring up to `best` could enter below zero from the cheapest entry.
    const tried: number[] = [];
    for (let r = 0; r < mentorCount; r++) {
      const node = nodes[r]!;
      if (node < 0 || prices.isDead(node) || own.has(r)) continue;
      floor[r] = anyDead ? -Infinity : needed(node);
      if (floor[r]! < best) tried.push(r);
    }
    if (tried.length === 0) continue;
    // Then each pair from the node its roles actually enter by.
    const found = more
      .find(e, tried, (r) => floor[r]!, own)
      .filter((c) => c.score > neededFrom(entryNodes(e, c.roles), nodes[c.mentor]!));
    const gain = (c: C) => c.score - floor[c.mentor]!;
    if (found.length > perMentee)
      found.sort((x, y) => gain(y) - gain(x) || y.score - x.score || x.mentor - y.mentor);
    added.push(...found.slice(0, perMentee));
  }
  return added;
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
