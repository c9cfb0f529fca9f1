import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  checkAssignment,
  matchRoster,
  noOverrides,
  presetNames,
  type Person,
  type Settings,
} from "../../shared/index.js";
import { personFacts } from "../../shared/match/people-facts.js";
import {
  forbiddingRule,
  menteeExclusion,
  mentorExclusion,
  unorderedKey,
} from "../../shared/match/pair-rules.js";
import { scorePair, totalPoints } from "../../shared/match/scoring.js";
import { person, ranked, roster, settings } from "../helpers/roster-builder.js";

const divisions = ["Cardiology", "GI", "Renal"];
const topics = ["heart failure", "trials", "education", "equity", "imaging"];

const arbitraryPeople = fc
  .record({
    mentees: fc.array(
      fc.record({
        level: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
        division: fc.constantFrom(...divisions),
        interests: fc.subarray(topics),
        track: fc.constantFrom("clinical", "research", "basic-science"),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    mentors: fc.array(
      fc.record({
        level: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
        division: fc.constantFrom(...divisions),
        interests: fc.subarray(topics),
        capacity: fc.integer({ min: 0, max: 2 }),
        track: fc.constantFrom("clinical", "research"),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    blocked: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  })
  .map(({ mentees, mentors, blocked }) => {
    const people: Person[] = [
      ...mentees.map((m, i) =>
        person({
          name: `Mentee N${i}`,
          role: "mentee",
          ...ranked(m.level),
          division: m.division,
          interests: m.interests,
          track: m.track,
        }),
      ),
      ...mentors.map((m, i) =>
        person({
          name: `Mentor R${i}`,
          role: "mentor",
          ...ranked(m.level),
          division: m.division,
          interests: m.interests,
          capacity: m.capacity,
          track: m.track,
        }),
      ),
    ];
    const doNotPair = blocked.map(([a, b]) => ({
      a: people[a % mentees.length]!.id,
      b: people[mentees.length + (b % mentors.length)]!.id,
      reason: null,
      source: "X!A1",
    }));
    return roster(people, doNotPair);
  });

const arbitrarySettings = fc.constantFrom(...presetNames).map((name) => settings(name));

describe("matching properties", () => {
  it("never breaks a hard rule and covers at least as many mentees as greedy", () => {
    fc.assert(
      fc.property(arbitraryPeople, arbitrarySettings, (r, s) => {
        const result = matchRoster(r, s);
        expect(checkAssignment(result, r, s)).toEqual([]);
        expect(result.stats.covered).toBeGreaterThanOrEqual(
          greedyCoverage(r.people, r.doNotPair, s),
        );
        // Every mentee is either matched enough or told why not.
        const matched = new Map<string, number>();
        for (const pair of result.pairs)
          matched.set(pair.menteeId, (matched.get(pair.menteeId) ?? 0) + 1);
        for (const p of r.people.filter((x) => x.role === "mentee")) {
          if ((matched.get(p.id) ?? 0) < s.minimumMentors)
            expect(result.unmatched.some((u) => u.menteeId === p.id && u.reason.length > 10)).toBe(
              true,
            );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is optimal against brute force for one mentor per mentee", () => {
    fc.assert(
      fc.property(arbitraryPeople, (r) => {
        const s = settings("one-to-one");
        const result = matchRoster(r, s);
        const best = bruteForce(r.people, r.doNotPair, s);
        const scoreOf = (menteeId: string, mentorId: string) =>
          totalPoints(
            scorePair(
              personFacts(r.people.find((p) => p.id === menteeId)!),
              personFacts(r.people.find((p) => p.id === mentorId)!),
              s,
            ),
          );
        const load = new Map<string, number>();
        let net = 0;
        for (const pair of result.pairs) {
          const k = load.get(pair.mentorId) ?? 0;
          load.set(pair.mentorId, k + 1);
          net += scoreOf(pair.menteeId, pair.mentorId) - k * s.weights.load;
        }
        expect(result.stats.covered).toBe(best.covered);
        expect(net).toBeCloseTo(best.net, 6);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps locked pairs and never proposes rejected ones", () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.nat(), fc.nat(), (r, a, b) => {
        const s = settings("one-to-one", { mentorMustOutrankMentee: false });
        const mentees = r.people.filter((p) => p.role === "mentee");
        const mentors = r.people.filter((p) => p.role === "mentor" && p.capacity > 0);
        if (mentors.length === 0) return;
        const lock = {
          menteeId: mentees[a % mentees.length]!.id,
          mentorId: mentors[b % mentors.length]!.id,
          role: null,
          cell: "Pairs!E2",
          byHand: false,
        };
        const reject = {
          menteeId: mentees[(a + 1) % mentees.length]!.id,
          mentorId: mentors[(b + 1) % mentors.length]!.id,
          role: null,
          cell: "Pairs!E3",
          byHand: false,
        };
        const rejectUsable = reject.menteeId !== lock.menteeId;
        const overrides = {
          ...noOverrides,
          locked: [lock],
          rejected: rejectUsable ? [reject] : [],
        };
        const result = matchRoster(r, s, overrides);
        expect(result.pairs).toContainEqual(
          expect.objectContaining({
            menteeId: lock.menteeId,
            mentorId: lock.mentorId,
            status: "Locked",
          }),
        );
        if (rejectUsable)
          expect(
            result.pairs.some(
              (p) => p.menteeId === reject.menteeId && p.mentorId === reject.mentorId,
            ),
          ).toBe(false);
        expect(checkAssignment(result, r, s, overrides)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

function greedyCoverage(
  people: readonly Person[],
  doNotPair: { a: string; b: string }[],
  s: Settings,
): number {
  const context = {
    settings: s,
    doNotPair: new Set(doNotPair.map((p) => unorderedKey(p.a, p.b))),
    rejected: new Set<string>(),
  };
  const left = new Map(
    people
      .filter((p) => p.role !== "mentee" && mentorExclusion(p, s) === null)
      .map((p) => [p.id, p.capacity]),
  );
  let covered = 0;
  for (const mentee of people.filter(
    (p) => p.role !== "mentor" && menteeExclusion(p, s) === null,
  )) {
    const mentor = people.find(
      (m) =>
        (left.get(m.id) ?? 0) > 0 &&
        forbiddingRule(personFacts(mentee), personFacts(m), context) === null &&
        (s.roleSlots.length === 0 || mentee.track !== "basic-science" || m.track !== null),
    );
    if (mentor === undefined) continue;
    left.set(mentor.id, left.get(mentor.id)! - 1);
    covered++;
  }
  return covered;
}

/** Every assignment of at most one mentor per mentee: best (coverage, then net score). */
function bruteForce(
  people: readonly Person[],
  doNotPair: { a: string; b: string }[],
  s: Settings,
): { covered: number; net: number } {
  const context = {
    settings: s,
    doNotPair: new Set(doNotPair.map((p) => unorderedKey(p.a, p.b))),
    rejected: new Set<string>(),
  };
  const mentees = people.filter((p) => p.role === "mentee" && menteeExclusion(p, s) === null);
  const mentors = people.filter((p) => p.role === "mentor" && mentorExclusion(p, s) === null);
  let best = { covered: -1, net: -Infinity };
  const load = mentors.map(() => 0);
  const visit = (i: number, covered: number, net: number): void => {
    if (i === mentees.length) {
      if (covered > best.covered || (covered === best.covered && net > best.net + 1e-9))
        best = { covered, net };
      return;
    }
    visit(i + 1, covered, net);
    mentors.forEach((mentor, r) => {
      if (load[r]! >= mentor.capacity) return;
      const a = personFacts(mentees[i]!);
      const b = personFacts(mentor);
      if (forbiddingRule(a, b, context) !== null) return;
      const gain = totalPoints(scorePair(a, b, s)) - load[r]! * s.weights.load;
      load[r]!++;
      visit(i + 1, covered + 1, net + gain);
      load[r]!--;
    });
  };
  visit(0, 0, 0);
  return best;
}
