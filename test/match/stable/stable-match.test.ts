import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkMatching,
  findBlockingPairs,
  InvalidPreferencesError,
  stableMatch,
  type StableMatching,
  type StablePreferences,
} from "../../../shared/match/stable/index.js";

/** Every valid matching (capacities and mutual acceptability respected), as menteeToMentor. */
function allMatchings(prefs: StablePreferences): number[][] {
  const acceptable = prefs.menteePrefs.map((list, i) =>
    list.filter((j) => prefs.mentorPrefs[j]!.includes(i)),
  );
  const load = prefs.capacities.map(() => 0);
  const out: number[][] = [];
  const current: number[] = [];
  const walk = (i: number): void => {
    if (i === prefs.menteePrefs.length) {
      out.push([...current]);
      return;
    }
    current.push(-1);
    walk(i + 1);
    current.pop();
    for (const j of acceptable[i]!) {
      if (load[j]! >= prefs.capacities[j]!) continue;
      load[j]!++;
      current.push(j);
      walk(i + 1);
      current.pop();
      load[j]!--;
    }
  };
  walk(0);
  return out;
}

/** Independent textbook stability test (no shared code with the checker under test). */
function isStable(menteeToMentor: number[], prefs: StablePreferences): boolean {
  const nR = prefs.capacities.length;
  const members = Array.from({ length: nR }, (_, j) =>
    menteeToMentor.flatMap((m, i) => (m === j ? [i] : [])),
  );
  return prefs.menteePrefs.every((list, i) => {
    const mine = menteeToMentor[i]!;
    const better = mine === -1 ? list : list.slice(0, list.indexOf(mine));
    return better.every((j) => {
      const mp = prefs.mentorPrefs[j]!;
      if (!mp.includes(i)) return true;
      if (members[j]!.length < prefs.capacities[j]!) return false;
      return members[j]!.every((k) => mp.indexOf(k) < mp.indexOf(i));
    });
  });
}

function toMatching(menteeToMentor: number[], nR: number): StableMatching {
  return {
    menteeToMentor,
    mentorToMentees: Array.from({ length: nR }, (_, j) =>
      menteeToMentor.flatMap((m, i) => (m === j ? [i] : [])),
    ),
  };
}

/** Random small instances: partial preference lists, capacities 0–2. */
function prefsArb(maxMentees: number, maxMentors: number): fc.Arbitrary<StablePreferences> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxMentees }), fc.integer({ min: 1, max: maxMentors }))
    .chain(([nE, nR]) =>
      fc.record({
        menteePrefs: fc.array(
          fc.shuffledSubarray([...Array(nR).keys()], { minLength: 0, maxLength: nR }),
          { minLength: nE, maxLength: nE },
        ),
        mentorPrefs: fc.array(
          fc.shuffledSubarray([...Array(nE).keys()], { minLength: 0, maxLength: nE }),
          { minLength: nR, maxLength: nR },
        ),
        capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nR, maxLength: nR }),
      }),
    );
}

describe("stableMatch, textbook instances", () => {
  // Gale & Shapley (1962), the 3×3 example with three stable matchings: men α β γ (0 1 2),
  // women A B C (0 1 2). Each man's first choice is a different woman, and so is each
  // woman's, so the proposing side gets its first choices.
  const men = [
    [0, 1, 2], // α: A B C
    [1, 2, 0], // β: B C A
    [2, 0, 1], // γ: C A B
  ];
  const women = [
    [1, 2, 0], // A: β γ α
    [2, 0, 1], // B: γ α β
    [0, 1, 2], // C: α β γ
  ];

  it("Gale–Shapley 1962: men proposing get their first choices", () => {
    const m = stableMatch({ menteePrefs: men, mentorPrefs: women, capacities: [1, 1, 1] });
    expect(m.menteeToMentor).toEqual([0, 1, 2]);
    expect(m.mentorToMentees).toEqual([[0], [1], [2]]);
  });

  it("Gale–Shapley 1962: women proposing get theirs (the woman-optimal matching)", () => {
    const m = stableMatch({ menteePrefs: women, mentorPrefs: men, capacities: [1, 1, 1] });
    // A–β, B–γ, C–α.
    expect(m.menteeToMentor).toEqual([1, 2, 0]);
  });

  it("Gale–Shapley 1962: exactly three stable matchings, ours the mentee-optimal one", () => {
    const prefs = { menteePrefs: men, mentorPrefs: women, capacities: [1, 1, 1] };
    const stable = allMatchings(prefs).filter((m) => isStable(m, prefs));
    expect(stable).toHaveLength(3);
    expect(stable).toContainEqual([1, 2, 0]); // everyone's second choice
  });

  it("hospitals/residents: five residents, three hospitals of capacity 2", () => {
    // The worked example of the `matching` Python library's HR discussion: residents Ada,
    // Sam, Dani, Luc, Jo (0–4); hospitals Mercy, City, General (0–2).
    const prefs: StablePreferences = {
      menteePrefs: [
        [1], // Ada: City
        [1, 0], // Sam: City, Mercy
        [1, 0, 2], // Dani: City, Mercy, General
        [0, 1, 2], // Luc: Mercy, City, General
        [1, 2, 0], // Jo: City, General, Mercy
      ],
      mentorPrefs: [
        [2, 3, 1, 4], // Mercy: Dani, Luc, Sam, Jo
        [2, 0, 1, 3, 4], // City: Dani, Ada, Sam, Luc, Jo
        [2, 4, 3], // General: Dani, Jo, Luc
      ],
      capacities: [2, 2, 2],
    };
    const m = stableMatch(prefs);
    // Mercy {Luc, Sam}, City {Dani, Ada}, General {Jo}; in each hospital's order.
    expect(m.mentorToMentees).toEqual([[3, 1], [2, 0], [4]]);
    expect(m.menteeToMentor).toEqual([1, 0, 1, 0, 2]);
    expect(findBlockingPairs(m, prefs)).toEqual([]);
    expect(checkMatching(m, prefs)).toEqual([]);
  });

  it("matches only mutually acceptable pairs and respects capacity 0", () => {
    const m = stableMatch({
      menteePrefs: [[0, 1], [1], [2]],
      mentorPrefs: [[1], [0], [2]], // mentor 0 lists only mentee 1, who does not list it
      capacities: [3, 1, 0],
    });
    expect(m.menteeToMentor).toEqual([1, -1, -1]);
    expect(m.mentorToMentees).toEqual([[], [0], []]);
  });

  it("a full mentor trades up and the displaced mentee moves on", () => {
    const m = stableMatch({
      menteePrefs: [[0, 1], [0]],
      mentorPrefs: [[1, 0], [0]],
      capacities: [1, 1],
    });
    expect(m.menteeToMentor).toEqual([1, 0]);
  });

  it("rejects malformed preferences", () => {
    const ok = { menteePrefs: [[0]], mentorPrefs: [[0]], capacities: [1] };
    expect(() => stableMatch({ ...ok, capacities: [] })).toThrow(InvalidPreferencesError);
    expect(() => stableMatch({ ...ok, capacities: [-1] })).toThrow(/capacity/);
    expect(() => stableMatch({ ...ok, menteePrefs: [[0, 0]] })).toThrow(/twice/);
    expect(() => stableMatch({ ...ok, mentorPrefs: [[3]] })).toThrow(/does not exist/);
  });
});

describe("checkers", () => {
  const prefs: StablePreferences = {
    menteePrefs: [[0, 1], [0, 1], [1]],
    mentorPrefs: [
      [0, 1],
      [2, 1, 0],
    ],
    capacities: [1, 2],
  };

  it("finds blocking pairs with their reason", () => {
    // Unmatched mentee 0 blocks with mentor 0 (full, but prefers mentee 0 to mentee 1) and
    // with mentor 1 (a free place). Mentees 1 and 2 have their first choices.
    const m = toMatching([-1, 0, 1], 2);
    expect(findBlockingPairs(m, prefs)).toEqual([
      { mentee: 0, mentor: 0, reason: "mentor-prefers-mentee" },
      { mentee: 0, mentor: 1, reason: "mentor-has-room" },
    ]);
    expect(findBlockingPairs(stableMatch(prefs), prefs)).toEqual([]);
  });

  it("reports capacity, acceptability and consistency violations", () => {
    const bad: StableMatching = {
      menteeToMentor: [0, 0, 0],
      mentorToMentees: [[0, 1, 2], [2]],
    };
    const codes = checkMatching(bad, prefs).map((v) => v.code);
    expect(codes).toContain("over-capacity");
    expect(codes).toContain("unacceptable-pair"); // mentee 2 does not list mentor 0
    expect(codes).toContain("inconsistent"); // mentor 1 lists mentee 2
    expect(checkMatching(stableMatch(prefs), prefs)).toEqual([]);
  });
});

describe("stableMatch properties", () => {
  it("is valid, has no blocking pair, and is mentee-optimal among all stable matchings", () => {
    fc.assert(
      fc.property(prefsArb(5, 4), (prefs) => {
        const m = stableMatch(prefs);
        expect(checkMatching(m, prefs)).toEqual([]);
        expect(findBlockingPairs(m, prefs)).toEqual([]);
        expect(isStable(m.menteeToMentor, prefs)).toBe(true);

        const stable = allMatchings(prefs).filter((x) => isStable(x, prefs));
        const rank = (i: number, j: number) =>
          j === -1 ? Infinity : prefs.menteePrefs[i]!.indexOf(j);
        for (const other of stable) {
          other.forEach((j, i) => {
            expect(rank(i, m.menteeToMentor[i]!)).toBeLessThanOrEqual(rank(i, j));
          });
          // Rural hospitals theorem: the same mentees are matched, each mentor fills alike.
          expect(other.map((j) => j >= 0)).toEqual(m.menteeToMentor.map((j) => j >= 0));
          expect(
            toMatching(other, prefs.capacities.length).mentorToMentees.map((l) => l.length),
          ).toEqual(m.mentorToMentees.map((l) => l.length));
        }
        // The checker agrees with the textbook definition on every valid matching.
        for (const x of allMatchings(prefs)) {
          expect(
            findBlockingPairs(toMatching(x, prefs.capacities.length), prefs).length === 0,
          ).toBe(isStable(x, prefs));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("has no blocking pair on larger random instances", () => {
    fc.assert(
      fc.property(prefsArb(60, 15), (prefs) => {
        const m = stableMatch(prefs);
        expect(checkMatching(m, prefs)).toEqual([]);
        expect(findBlockingPairs(m, prefs)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it("does not depend on the order of the mentees (same pairs after relabelling)", () => {
    fc.assert(
      fc.property(prefsArb(6, 4), fc.nat(), (prefs, seed) => {
        const nE = prefs.menteePrefs.length;
        const perm = [...Array(nE).keys()].sort(
          (a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b,
        );
        const inv = new Array<number>(nE);
        perm.forEach((old, neu) => (inv[old] = neu));
        const relabelled: StablePreferences = {
          menteePrefs: perm.map((old) => prefs.menteePrefs[old]!),
          mentorPrefs: prefs.mentorPrefs.map((list) => list.map((i) => inv[i]!)),
          capacities: prefs.capacities,
        };
        const a = stableMatch(prefs).menteeToMentor;
        const b = stableMatch(relabelled).menteeToMentor;
        perm.forEach((old, neu) => expect(b[neu]).toBe(a[old]));
      }),
      { numRuns: 100 },
    );
  });
});
