import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { solveSlots, type SlotProblem } from "../../shared/index.js";
import type { SlotCandidate } from "../../shared/match/flow/slot-problem.js";
import { solveSlotsPriced } from "../../shared/match/solve-priced-slots.js";

/** Random team problems: 1–3 slots per mentee (some labelled), capacities, penalties, a lock. */
const problems = fc
  .record({ mentees: fc.integer({ min: 1, max: 9 }), mentors: fc.integer({ min: 1, max: 6 }) })
  .chain(({ mentees, mentors }) =>
    fc
      .record({
        slots: fc.array(
          fc.array(fc.constantFrom(null, null, "clinical", "research"), {
            minLength: 1,
            maxLength: 3,
          }),
          { minLength: mentees, maxLength: mentees },
        ),
        capacities: fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: mentors,
          maxLength: mentors,
        }),
        load: fc.integer({ min: 0, max: 10 }),
        cells: fc.array(
          fc.option(
            fc.record({
              score: fc.integer({ min: 0, max: 100 }),
              roles: fc.subarray(["clinical", "research"]),
            }),
            { nil: null, freq: 4 },
          ),
          {
            minLength: mentees * mentors,
            maxLength: mentees * mentors,
          },
        ),
        lock: fc.option(fc.tuple(fc.nat(mentees - 1), fc.nat(mentors - 1)), { nil: null }),
      })
      .map(({ slots, capacities, load, cells, lock }): SlotProblem => ({
        mentees: slots.map((roles) => ({ slots: roles.map((role) => ({ role })) })),
        mentors: capacities.map((capacity) => ({
          capacity,
          loadPenalty: Array.from({ length: Math.max(1, capacity) }, (_, k) => k * load),
        })),
        candidates: cells.flatMap((cell, i) =>
          cell === null ? [] : [{ mentee: Math.floor(i / mentors), mentor: i % mentors, ...cell }],
        ),
        locked:
          lock !== null && capacities[lock[1]]! > 0
            ? [{ mentee: lock[0], mentor: lock[1], role: null }]
            : [],
      })),
  );

describe("team programs with each mentee's best candidates listed and the rest priced", () => {
  it("reach the optimum of the flow over every pair", () => {
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
        const priced = solveSlotsPriced({ ...problem, candidates: listed }, more).solution;
        const whole = solveSlots(problem);
        expect(priced.covered).toBe(whole.covered);
        expect(priced.slotsFilled).toBe(whole.slotsFilled);
        expect(priced.netScore).toBeCloseTo(whole.netScore, 6);
        for (const lock of problem.locked ?? [])
          expect(priced.pairs).toContainEqual(
            expect.objectContaining({ mentee: lock.mentee, mentor: lock.mentor, locked: true }),
          );
      }),
      { numRuns: 400 },
    );
  });
});
