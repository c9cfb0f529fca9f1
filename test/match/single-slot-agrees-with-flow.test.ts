import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { solveSlots, type SlotProblem } from "../../shared/index.js";
import { solveSingleSlot } from "../../shared/match/solve-single-slot.js";
import { totalLoadPenalty, type SlotCandidate } from "../../shared/match/flow/slot-problem.js";

/** Random one-slot problems: mentees, mentors with capacities and penalties, some locks. */
const problems = fc
  .record({ mentees: fc.integer({ min: 1, max: 8 }), mentors: fc.integer({ min: 1, max: 5 }) })
  .chain(({ mentees, mentors }) =>
    fc
      .record({
        capacities: fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: mentors,
          maxLength: mentors,
        }),
        load: fc.integer({ min: 0, max: 10 }),
        cells: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 3 }), {
          minLength: mentees * mentors,
          maxLength: mentees * mentors,
        }),
        lock: fc.option(fc.tuple(fc.nat(mentees - 1), fc.nat(mentors - 1)), { nil: null }),
      })
      .map(({ capacities, load, cells, lock }): SlotProblem => ({
        mentees: Array.from({ length: mentees }, () => ({ slots: [{ role: null }] })),
        mentors: capacities.map((capacity) => ({
          capacity,
          loadPenalty: Array.from({ length: Math.max(1, capacity) }, (_, k) => k * load),
        })),
        candidates: cells.flatMap((score, i) =>
          score === null
            ? []
            : [{ mentee: Math.floor(i / mentors), mentor: i % mentors, score, roles: [null] }],
        ),
        locked:
          lock !== null && capacities[lock[1]]! > 0
            ? [{ mentee: lock[0], mentor: lock[1], role: null }]
            : [],
      })),
  );

function objective(
  problem: SlotProblem,
  pairs: readonly { mentee: number; mentor: number; score: number }[],
) {
  const load = problem.mentors.map(() => 0);
  for (const pair of pairs) load[pair.mentor]!++;
  const penalty = problem.mentors.reduce(
    (sum, mentor, r) => sum + totalLoadPenalty(mentor.loadPenalty, load[r]!),
    0,
  );
  return {
    covered: new Set(pairs.map((p) => p.mentee)).size,
    net: pairs.reduce((sum, p) => sum + p.score, 0) - penalty,
  };
}

describe("the one-mentor assignment path", () => {
  it("reaches the same optimum as the general slot flow", () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const viaAssignment = objective(problem, solveSingleSlot(problem).pairs);
        const viaFlow = objective(problem, solveSlots(problem).pairs);
        expect(viaAssignment.covered).toBe(viaFlow.covered);
        expect(viaAssignment.net).toBeCloseTo(viaFlow.net, 6);
        const { pairs } = solveSingleSlot(problem);
        for (const lock of problem.locked ?? [])
          expect(pairs).toContainEqual(
            expect.objectContaining({ mentee: lock.mentee, mentor: lock.mentor, locked: true }),
          );
        for (const [r, mentor] of problem.mentors.entries())
          expect(pairs.filter((p) => p.mentor === r).length).toBeLessThanOrEqual(mentor.capacity);
      }),
      { numRuns: 400 },
    );
  });

  it("reaches the same optimum when only each mentee's best candidates are listed and the rest are priced", () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 1, max: 3 }), (problem, keep) => {
        const listed: SlotCandidate[] = [];
        const left: SlotCandidate[][] = problem.mentees.map(() => []);
        problem.mentees.forEach((_, e) => {
          const own = problem.candidates
            .filter((c) => c.mentee === e)
            .sort((a, b) => b.score - a.score || a.mentor - b.mentor);
          listed.push(...own.slice(0, keep));
          left[e]!.push(...own.slice(keep));
        });
        const more = {
          best: Float64Array.from(left, (own) => Math.max(-Infinity, ...own.map((c) => c.score))),
          find: (
            e: number,
            mentors: ArrayLike<number> | null,
            floor: (r: number) => number,
            known: ReadonlySet<number>,
          ) =>
            left[e]!.filter(
              (c) =>
                (mentors === null || Array.from(mentors).includes(c.mentor)) &&
                !known.has(c.mentor) &&
                c.score > floor(c.mentor),
            ),
        };
        const priced = solveSingleSlot({ ...problem, candidates: listed }, more);
        const whole = objective(problem, solveSingleSlot(problem).pairs);
        const viaPrices = objective(problem, priced.pairs);
        expect(viaPrices.covered).toBe(whole.covered);
        expect(viaPrices.net).toBeCloseTo(whole.net, 6);
        // Every pair chosen is an allowed one, with its own score.
        for (const pair of priced.pairs.filter((p) => !p.locked))
          expect(problem.candidates).toContainEqual(
            expect.objectContaining({
              mentee: pair.mentee,
              mentor: pair.mentor,
              score: pair.score,
            }),
          );
      }),
      { numRuns: 400 },
    );
  });
});
