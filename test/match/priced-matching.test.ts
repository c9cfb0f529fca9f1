import { describe, expect, it } from "vitest";
import { matchRoster, solveSlots, type Person } from "../../shared/index.js";
import { matchProblem } from "../../shared/match/match-roster.js";
import { totalLoadPenalty } from "../../shared/match/flow/slot-problem.js";
import { pairPoints } from "../../shared/match/scoring.js";
import { person, ranked, roster, settings } from "../helpers/roster-builder.js";

/** A seeded department-sized roster where every mentee has more eligible mentors than are kept. */
function largeRoster(mentees: number, mentors: number, seed: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const topics = [
    "heart failure",
    "trials",
    "education",
    "equity",
    "imaging",
    "genomics",
    "ethics",
  ];
  const divisions = ["Cardiology", "GI", "Renal", "Pulmonary"];
  const people: Person[] = [];
  for (let i = 0; i < mentees; i++)
    people.push(
      person({
        name: `Mentee M${seed}x${i}`,
        role: "mentee",
        ...ranked(pick([0, 1] as const)),
        division: pick(divisions),
        interests: [pick(topics), pick(topics)],
        track: pick(["clinical", "research", "basic-science"]),
      }),
    );
  for (let i = 0; i < mentors; i++)
    people.push(
      person({
        name: `Mentor R${seed}x${i}`,
        role: "mentor",
        ...ranked(pick([2, 3] as const)),
        division: pick(divisions),
        interests: [pick(topics), pick(topics), pick(topics)],
        track: pick(["clinical", "research"]),
        capacity: 1 + Math.floor(next() * 2),
      }),
    );
  return roster(people);
}

describe("one-mentor programs on rosters larger than the kept candidate lists", () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`finds the optimum over every allowed pair (seed ${seed})`, () => {
      // 130 mentees for about 90 places: capacity is short, so prices matter.
      const program = settings("one-to-one");
      const big = largeRoster(130, 60, seed);
      const whole = matchProblem(big, program, undefined, { candidatesPerMentee: Infinity });
      // Lists of 2 and of the default size: the answer must not depend on it.
      const kept = matchProblem(big, program, undefined, { candidatesPerMentee: 2 });
      expect(kept.candidates.length).toBeLessThan(whole.candidates.length);

      const reference = solveSlots(whole.slotProblem);
      const result = matchRoster(big, program, undefined, { candidatesPerMentee: 2 });
      expect(matchRoster(big, program).stats).toEqual(result.stats);
      expect(result.stats.covered).toBe(reference.covered);
      const load = new Map<string, number>();
      for (const pair of result.pairs) load.set(pair.mentorId, (load.get(pair.mentorId) ?? 0) + 1);
      const penalty = whole.mentorList.reduce(
        (sum, facts, r) =>
          sum +
          totalLoadPenalty(
            whole.slotProblem.mentors[r]!.loadPenalty,
            load.get(facts.person.id) ?? 0,
          ),
        0,
      );
      // Exact points (the pairs' own scores are rounded for display).
      const index = (list: typeof whole.menteeList, id: string) =>
        list.find((f) => f.person.id === id)!;
      const score = result.pairs.reduce(
        (sum, pair) =>
          sum +
          pairPoints(
            index(whole.menteeList, pair.menteeId),
            index(whole.mentorList, pair.mentorId),
            program,
          ),
        0,
      );
      expect(score - penalty).toBeCloseTo(reference.netScore, 6);

      // An unmatched mentee is told about every eligible mentor, not only the kept ones.
      const full = result.unmatched.find((u) => u.code === "mentors-full");
      expect(full?.reason).toMatch(/and (\d+) more\.$/);
      const more = Number(/and (\d+) more\.$/.exec(full!.reason)![1]);
      const e = whole.menteeList.findIndex((f) => f.person.id === full!.menteeId);
      const eligible = whole.candidates.filter((c) => c.mentee === e).length;
      const listed = full!.reason.split("(capacity").length - 1;
      expect(more).toBe(eligible - listed);
    });
  }
});

describe("team programs on rosters larger than the kept candidate lists", () => {
  for (const preset of ["two-mentors", "committee"] as const)
    for (const seed of [5, 6]) {
      it(`${preset}: the same optimum as the flow over every allowed pair (seed ${seed})`, () => {
        const program = settings(preset);
        const big = largeRoster(90, 60, seed);
        const whole = matchProblem(big, program, undefined, { candidatesPerMentee: Infinity });
        const kept = matchProblem(big, program, undefined, { candidatesPerMentee: 2 });
        expect(kept.candidates.length).toBeLessThan(whole.candidates.length);
        const reference = solveSlots(whole.slotProblem);
        const result = matchRoster(big, program, undefined, { candidatesPerMentee: 2 });
        expect(result.stats.covered).toBe(reference.covered);
        expect(result.stats.slotsFilled).toBe(reference.slotsFilled);
        // Each pair keeps the roles it would have with every pair listed.
        for (const pair of result.pairs.filter((p) => p.role !== null))
          expect(
            whole.candidates.find(
              (c) =>
                whole.menteeList[c.mentee]!.person.id === pair.menteeId &&
                whole.mentorList[c.mentor]!.person.id === pair.mentorId,
            )?.roles,
          ).toContain(pair.role);
        const load = new Map<string, number>();
        for (const pair of result.pairs)
          load.set(pair.mentorId, (load.get(pair.mentorId) ?? 0) + 1);
        const penalty = whole.mentorList.reduce(
          (sum, facts, r) =>
            sum +
            totalLoadPenalty(
              whole.slotProblem.mentors[r]!.loadPenalty,
              load.get(facts.person.id) ?? 0,
            ),
          0,
        );
        const find = (list: typeof whole.menteeList, id: string) =>
          list.find((f) => f.person.id === id)!;
        const score = result.pairs.reduce(
          (sum, pair) =>
            sum +
            pairPoints(
              find(whole.menteeList, pair.menteeId),
              find(whole.mentorList, pair.mentorId),
              program,
            ),
          0,
        );
        expect(score - penalty).toBeCloseTo(reference.netScore, 6);
      });
    }
});
