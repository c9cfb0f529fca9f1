import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { presetNames, type Person } from "../../shared/index.js";
import { divisionRules } from "../../shared/rules/settings.js";
import { personFacts } from "../../shared/match/people-facts.js";
import { forbiddingRule, unorderedKey } from "../../shared/match/pair-rules.js";
import { pairPoints } from "../../shared/match/scoring.js";
import { pairTable } from "../../shared/match/pair-table.js";
import { person, ranked, settings } from "../helpers/roster-builder.js";

// Spellings that share words in some pairs and not in others, and one interest with no words.
const interests = [
  "Clinical trials",
  "clinical trial design",
  "Heart failure",
  "heart",
  "Medical education",
  "education",
  "the",
  "Health equity",
];
const names = ["Ana Ortiz", "Ben Cole", "Chen Wu", "Dara Kim", "Eli Roth", "Fay Lund"];

const arbitraryPerson = fc.record({
  role: fc.constantFrom("mentee", "mentor", "both") as fc.Arbitrary<Person["role"]>,
  level: fc.option(fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>),
  division: fc.option(fc.constantFrom("Cardiology", "cardiology ", "GI", "Renal")),
  lab: fc.option(fc.constantFrom("Smith Lab", "smith lab", "Jones Lab")),
  track: fc.option(fc.constantFrom("clinical", "research", "education")),
  area: fc.option(fc.constantFrom("Clinical Expertise", "clinical expertise", "Teaching")),
  interests: fc.subarray(interests),
  supervisor: fc.option(fc.constantFrom(...names, "ana.ortiz@example.org")),
  preferred: fc.subarray(names, { maxLength: 3 }),
});

const arbitraryCase = fc.record({
  people: fc.array(arbitraryPerson, { minLength: 2, maxLength: names.length }),
  preset: fc.constantFrom(...presetNames),
  divisionRule: fc.constantFrom(...divisionRules),
  unrecognisedRank: fc.constantFrom("exclude", "allow") as fc.Arbitrary<"exclude" | "allow">,
  avoidSameLab: fc.boolean(),
  avoidSupervisor: fc.boolean(),
  interestsWeight: fc.constantFrom(0, 40),
  blocked: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  rejected: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
});

describe("the pair table judges every pair as the readable rules and scores do", () => {
  it("names the same forbidding rule and gives the same points, to the last bit", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const base = settings(c.preset);
        const program = {
          ...base,
          divisionRule: c.divisionRule,
          unrecognisedRank: c.unrecognisedRank,
          avoidSameLab: c.avoidSameLab,
          avoidSupervisor: c.avoidSupervisor,
          weights: { ...base.weights, interests: c.interestsWeight },
        };
        const people = c.people.map((p, i) =>
          person({
            name: names[i]!,
            role: p.role,
            ...(p.level === null ? {} : ranked(p.level)),
            division: p.division,
            lab: p.lab,
            track: p.track,
            areaOfExcellence: p.area,
            interests: p.interests,
            supervisor: p.supervisor,
            preferredMentors: p.preferred.map(
              (name) => `${name.toLowerCase().replace(" ", ".")}@example.org`,
            ),
          }),
        );
        const at = (k: number) => people[k % people.length]!.id;
        const doNotPair = c.blocked.map(([x, y]) => ({ a: at(x), b: at(y) }));
        const rejected = c.rejected.map(([x, y]) => ({ menteeId: at(x), mentorId: at(y) }));
        const context = {
          settings: program,
          doNotPair: new Set(doNotPair.map(({ a, b }) => unorderedKey(a, b))),
          rejected: new Set(rejected.map((r) => `${r.menteeId}|${r.mentorId}`)),
        };
        // Everyone on both sides: the table must agree whatever the roles.
        const facts = people.map((p) => personFacts(p));
        const table = pairTable(facts, facts, context, { doNotPair, rejected });
        facts.forEach((mentee, e) =>
          facts.forEach((mentor, r) => {
            const rule = forbiddingRule(mentee, mentor, context);
            expect(table.rule(e, r)).toBe(rule);
            if (rule === null) {
              const points = pairPoints(mentee, mentor, program);
              expect(Object.is(table.points(e, r), points)).toBe(true);
              expect(points).toBeLessThanOrEqual(table.maxPoints);
            }
          }),
        );
      }),
      { numRuns: 400 },
    );
  });
});
