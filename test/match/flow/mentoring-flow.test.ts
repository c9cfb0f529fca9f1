import fc from "fast-check";
import munkres from "munkres";
import { describe, expect, it } from "vitest";
import {
  checkSlotSolution,
  InvalidSlotProblemError,
  loadPenaltyAt,
  solveSlots,
  type SlotProblem,
  type SlotSolution,
} from "../../../shared/match/flow/index.js";
import { bruteForceSlots, deepFreeze, greedyCoverage, slotProblemArb } from "./reference.js";

const slots = (...roles: (string | null)[]) => ({ slots: roles.map((role) => ({ role })) });
const mentor = (capacity: number, loadPenalty: number[] = []) => ({ capacity, loadPenalty });
const cand = (
  mentee: number,
  mentorIndex: number,
  score: number,
  roles: (string | null)[] = [],
) => ({
  mentee,
  mentor: mentorIndex,
  score,
  roles,
});

/** The pairs as compact tuples [mentee, mentor, role]. */
const pairsOf = (s: SlotSolution) => s.pairs.map((p) => [p.mentee, p.mentor, p.role]);

function solveChecked(problem: SlotProblem): SlotSolution {
  const solution = solveSlots(deepFreeze(problem));
  expect(checkSlotSolution(problem, solution)).toEqual([]);
  return solution;
}

describe("solveSlots, worked examples", () => {
  it("two-mentor program: one clinical and one research mentor each, coverage first", () => {
    // M2 is the best mentor for A (score 9) but B's only candidate: A makes do with M0 + M1.
    const s = solveChecked({
      mentees: [slots("clinical", "research"), slots("clinical", "research")],
      mentors: [mentor(1), mentor(1), mentor(1)],
      candidates: [
        cand(0, 0, 5, ["clinical"]),
        cand(0, 1, 4, ["research"]),
        cand(0, 2, 9, ["clinical", "research"]),
        cand(1, 2, 8, ["clinical", "research"]),
      ],
    });
    expect(pairsOf(s)).toEqual([
      [0, 0, "clinical"],
      [0, 1, "research"],
      [1, 2, "clinical"],
    ]);
    expect([s.covered, s.slotsFilled, s.totalScore]).toEqual([2, 3, 17]);
  });

  it("never gives two mentors for the same role slot, nor the same mentor twice", () => {
    const s = solveChecked({
      mentees: [slots("clinical", "research")],
      mentors: [mentor(2), mentor(2), mentor(2)],
      candidates: [
        cand(0, 0, 9, ["clinical"]),
        cand(0, 1, 8, ["clinical"]),
        cand(0, 2, 1, ["clinical", "research"]),
      ],
    });
    // Two clinical-only mentors cannot both be used; M2 takes the research slot.
    expect(pairsOf(s)).toEqual([
      [0, 0, "clinical"],
      [0, 2, "research"],
    ]);

    const single = solveChecked({
      mentees: [slots("clinical", "research")],
      mentors: [mentor(5)],
      candidates: [cand(0, 0, 9, ["clinical", "research"])],
    });
    expect(single.slotsFilled).toBe(1);
  });

  it("unlabelled slots take any two different mentors", () => {
    const s = solveChecked({
      mentees: [slots(null, null)],
      mentors: [mentor(3), mentor(3), mentor(3)],
      candidates: [cand(0, 0, 1, ["clinical"]), cand(0, 1, 5, []), cand(0, 2, 3, ["research"])],
    });
    expect(pairsOf(s)).toEqual([
      [0, 1, null],
      [0, 2, null],
    ]);
  });

  it("a labelled slot plus an unlabelled one: two clinical mentors fit", () => {
    const s = solveChecked({
      mentees: [slots("clinical", null)],
      mentors: [mentor(1), mentor(1), mentor(1)],
      candidates: [cand(0, 0, 5, ["clinical"]), cand(0, 1, 4, ["clinical"]), cand(0, 2, 3, [])],
    });
    expect(pairsOf(s)).toEqual([
      [0, 0, "clinical"],
      [0, 1, null],
    ]);
  });

  it("committee of 3: a committee member goes to a mentee who would otherwise have none", () => {
    const s = solveChecked({
      mentees: [slots(null, null, null), slots(null)],
      mentors: [mentor(1), mentor(1), mentor(1), mentor(1), mentor(1)],
      candidates: [
        cand(0, 0, 10),
        cand(0, 1, 9),
        cand(0, 2, 8),
        cand(0, 3, 7),
        cand(0, 4, 1),
        cand(1, 0, 2),
      ],
    });
    expect(pairsOf(s)).toEqual([
      [0, 1, null],
      [0, 2, null],
      [0, 3, null],
      [1, 0, null],
    ]);
    expect([s.covered, s.slotsFilled, s.totalScore]).toEqual([2, 4, 26]);
  });

  it("everyone's first slot before anyone's second", () => {
    // Giving A both mentors (score 20) would leave B with none.
    const s = solveChecked({
      mentees: [slots(null, null), slots(null)],
      mentors: [mentor(1), mentor(1)],
      candidates: [cand(0, 0, 10), cand(0, 1, 10), cand(1, 1, 1)],
    });
    expect(pairsOf(s)).toEqual([
      [0, 0, null],
      [1, 1, null],
    ]);
    expect([s.covered, s.slotsFilled, s.totalScore]).toEqual([2, 2, 11]);
  });

  it("more filled slots beat a higher score", () => {
    // A and C are covered either way; A's second slot (3 slots, score 2) beats C's great
    // mentor (2 slots, score 101).
    const s = solveChecked({
      mentees: [slots(null, null), slots(null)],
      mentors: [mentor(1), mentor(1), mentor(1)],
      candidates: [cand(0, 0, 1), cand(0, 1, 1), cand(1, 1, 100), cand(1, 2, 0)],
    });
    expect(pairsOf(s)).toEqual([
      [0, 0, null],
      [0, 1, null],
      [1, 2, null],
    ]);
  });

  it("load penalties spread mentees over mentors", () => {
    const problem = (penalty: number[]): SlotProblem => ({
      mentees: [slots(null), slots(null)],
      mentors: [mentor(2, penalty), mentor(2, penalty)],
      candidates: [cand(0, 0, 10), cand(1, 0, 10), cand(0, 1, 9.9), cand(1, 1, 9.9)],
    });
    const spread = solveChecked(problem([0, 0.5]));
    expect(new Set(spread.pairs.map((p) => p.mentor)).size).toBe(2);
    expect(spread.netScore).toBeCloseTo(19.9, 9);
    expect(spread.loadPenalty).toBe(0);

    const crowded = solveChecked(problem([]));
    expect(crowded.pairs.map((p) => p.mentor)).toEqual([0, 0]);
    expect(crowded.netScore).toBe(20);

    // Penalties past the end of the list repeat the last entry.
    const tail = solveChecked({
      mentees: [slots(null), slots(null), slots(null)],
      mentors: [mentor(3, [1])],
      candidates: [cand(0, 0, 5), cand(1, 0, 5), cand(2, 0, 5)],
    });
    expect(tail.loadPenalty).toBe(3);
    expect(tail.netScore).toBe(12);
  });

  it("keeps locked pairs, counting them against capacity and slots", () => {
    const s = solveChecked({
      mentees: [slots("clinical", "research"), slots(null)],
      mentors: [mentor(1), mentor(1), mentor(1)],
      candidates: [
        cand(0, 0, 7, ["clinical"]),
        cand(0, 1, 3, ["research"]),
        cand(0, 2, 5, ["clinical"]),
        cand(1, 0, 9),
      ],
      locked: [{ mentee: 0, mentor: 0, role: "clinical" }],
    });
    expect(s.pairs).toEqual([
      { mentee: 0, mentor: 0, role: "clinical", score: 7, locked: true },
      { mentee: 0, mentor: 1, role: "research", score: 3, locked: false },
    ]);
    expect([s.covered, s.slotsFilled, s.totalScore]).toEqual([1, 2, 10]);
  });

  it("a mentee covered by a lock does not compete for coverage again", () => {
    const s = solveChecked({
      mentees: [slots(null, null), slots(null)],
      mentors: [mentor(1), mentor(1)],
      candidates: [cand(0, 1, 10), cand(1, 1, 1)],
      locked: [{ mentee: 0, mentor: 0, role: null }], // not a candidate: score 0
    });
    expect(s.pairs).toEqual([
      { mentee: 0, mentor: 0, role: null, score: 0, locked: true },
      { mentee: 1, mentor: 1, role: null, score: 1, locked: false },
    ]);
  });

  it("handles empty and degenerate problems", () => {
    expect(solveChecked({ mentees: [], mentors: [], candidates: [] })).toEqual({
      pairs: [],
      covered: 0,
      slotsFilled: 0,
      totalScore: 0,
      loadPenalty: 0,
      netScore: 0,
    });
    const none = solveChecked({
      mentees: [slots(), slots("research")],
      mentors: [mentor(0), mentor(2)],
      candidates: [cand(0, 1, 5), cand(1, 0, 5, ["research"]), cand(1, 1, 5, ["clinical"])],
    });
    expect(none.pairs).toEqual([]);
  });

  it("rejects malformed input", () => {
    const base: SlotProblem = {
      mentees: [slots(null)],
      mentors: [mentor(1)],
      candidates: [cand(0, 0, 1)],
    };
    const bad = (patch: Partial<SlotProblem>) => () => solveSlots({ ...base, ...patch });
    expect(bad({ candidates: [cand(0, 0, 1), cand(0, 0, 2)] })).toThrow(InvalidSlotProblemError);
    expect(bad({ candidates: [cand(0, 1, 1)] })).toThrow(/no mentor 1/);
    expect(bad({ candidates: [cand(0, 0, NaN)] })).toThrow(/finite/);
    expect(bad({ mentors: [mentor(1.5)] })).toThrow(/capacity/);
    expect(bad({ mentors: [mentor(1, [1, 0])] })).toThrow(/non-decreasing/);
    expect(
      bad({
        locked: [
          { mentee: 0, mentor: 0, role: null },
          { mentee: 0, mentor: 0, role: null },
        ],
      }),
    ).toThrow(/twice/);
  });
});

describe("solveSlots against exhaustive search", () => {
  const objective = (s: SlotSolution) => [s.covered, s.slotsFilled, s.netScore];

  it("finds the lexicographic optimum (covered, slots, score − penalties) on small problems", () => {
    fc.assert(
      fc.property(
        slotProblemArb({ maxMentees: 5, maxMentors: 4, maxSlots: 2, locks: true, size: "max" }),
        (problem) => {
          const [covered, slotsFilled, net] = bruteForceSlots(problem);
          const s = solveChecked(problem);
          expect([s.covered, s.slotsFilled]).toEqual([covered, slotsFilled]);
          expect(s.netScore).toBeCloseTo(net, 9);
          // Refreshing the potentials after every augmentation gives the same optimum.
          const eager = solveSlots(problem, { globalUpdateAfter: 0 });
          expect(objective(eager).slice(0, 2)).toEqual([covered, slotsFilled]);
          expect(eager.netScore).toBeCloseTo(net, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("handles committees and three kinds of role (pair nodes) on small problems", () => {
    fc.assert(
      fc.property(
        slotProblemArb({
          maxMentees: 3,
          maxMentors: 4,
          maxSlots: 3,
          roles: ["clinical", "research", "teaching", null],
          locks: true,
          size: "max",
        }),
        (problem) => {
          const [covered, slotsFilled, net] = bruteForceSlots(problem);
          const s = solveChecked(problem);
          expect([s.covered, s.slotsFilled]).toEqual([covered, slotsFilled]);
          expect(s.netScore).toBeCloseTo(net, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("solveSlots properties on medium problems", () => {
  const medium = slotProblemArb({
    maxMentees: 40,
    maxMentors: 12,
    maxSlots: 3,
    candidateChance: 0.3,
    locks: true,
    size: "max",
  });

  it("respects capacities, roles, locks and never repeats a mentor (checker finds nothing)", () => {
    fc.assert(
      fc.property(medium, (problem) => {
        solveChecked(problem);
      }),
      { numRuns: 60 },
    );
  });

  it("covers at least as many mentees as a greedy pass", () => {
    fc.assert(
      fc.property(medium, (problem) => {
        expect(solveSlots(problem).covered).toBeGreaterThanOrEqual(greedyCoverage(problem));
      }),
      { numRuns: 60 },
    );
  });

  it("reaches the same objective whatever the candidate order and refresh policy", () => {
    fc.assert(
      fc.property(medium, fc.nat(), (problem, seed) => {
        const a = solveSlots(problem);
        const shuffled = [...problem.candidates]
          .map((c, x) => ({ c, key: (x * 2654435761 + seed) % 4294967296 }))
          .sort((p, q) => p.key - q.key)
          .map((p) => p.c);
        for (const b of [
          solveSlots({ ...problem, candidates: shuffled }),
          solveSlots(problem, { globalUpdateAfter: 3 }),
        ]) {
          expect([b.covered, b.slotsFilled]).toEqual([a.covered, a.slotsFilled]);
          expect(b.netScore).toBeCloseTo(a.netScore, 6);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("solveSlots against the Hungarian algorithm", () => {
  it("agrees with munkres on one-slot problems (one column per unit of mentor capacity)", () => {
    // One slot each: an assignment problem. Column (j, k) is mentor j's (k+1)-th place, worth
    // score − loadPenalty[k]; a big constant per real pair makes coverage come first. Integer
    // scores and penalties keep the big constant exact.
    const arb = slotProblemArb({
      maxMentees: 40,
      maxMentors: 12,
      maxSlots: 1,
      candidateChance: 0.3,
      roles: [null],
      size: "max",
    }).map((p) => ({
      ...p,
      candidates: p.candidates.map((c) => ({ ...c, score: Math.round(c.score) })),
      mentors: p.mentors.map((m) => ({ ...m, loadPenalty: m.loadPenalty.map(Math.round) })),
    }));
    fc.assert(
      fc.property(arb, (problem) => {
        const BIG = 1e6;
        const columns = problem.mentors.flatMap((m, j) =>
          Array.from({ length: m.capacity }, (_, k) => ({ j, k })),
        );
        if (columns.length === 0) return;
        const value = problem.mentees.map((_, i) =>
          columns.map(({ j, k }) => {
            const c = problem.candidates.find((x) => x.mentee === i && x.mentor === j);
            if (!c) return 0;
            return BIG + c.score - loadPenaltyAt(problem.mentors[j]!.loadPenalty, k);
          }),
        );
        const pairs = munkres(value.map((row) => row.map((v) => -v)));
        const best = pairs.reduce((sum, [y, x]) => sum + value[y]![x]!, 0);
        const covered = pairs.filter(([y, x]) => value[y]![x]! > 0).length;
        const s = solveChecked(problem);
        expect(s.covered).toBe(covered);
        expect(s.netScore).toBe(best - BIG * covered);
      }),
      { numRuns: 60 },
    );
  });
});
