import { describe, expect, it } from "vitest";
import { checkAssignment, matchRoster } from "../../shared/index.js";
import { findBlockingPairs } from "../../shared/match/stable/index.js";
import { person, ranked, roster, settings } from "../helpers/roster-builder.js";

const names = (r: ReturnType<typeof roster>) => new Map(r.people.map((p) => [p.id, p.name]));

describe("one-to-one: the best total fit, not the greedy one", () => {
  // Greedy would give Ana her favourite (Cruz), leaving Ben with nobody he shares anything with.
  const people = [
    person({
      name: "Ana Lee",
      role: "mentee",
      ...ranked(1),
      interests: ["heart failure", "clinical trials"],
    }),
    person({ name: "Ben Okafor", role: "mentee", ...ranked(1), interests: ["heart failure"] }),
    person({
      name: "Carla Cruz",
      role: "mentor",
      ...ranked(3),
      interests: ["heart failure", "clinical trials"],
    }),
    person({ name: "Dev Rao", role: "mentor", ...ranked(3), interests: ["clinical trials"] }),
  ];
  const r = roster(people);
  const s = settings("one-to-one", {
    weights: { interests: 40, track: 0, rankGap: 0, division: 0, requested: 0, load: 0 },
  });
  const result = matchRoster(r, s);

  it("pairs Ben with Cruz and Ana with Rao", () => {
    const n = names(r);
    expect(result.pairs.map((p) => [n.get(p.menteeId), n.get(p.mentorId)])).toEqual([
      ["Ana Lee", "Dev Rao"],
      ["Ben Okafor", "Carla Cruz"],
    ]);
    expect(result.pairs[1]!.reasons).toBe("Shared interests: heart failure");
    expect(checkAssignment(result, r, s)).toEqual([]);
  });
});

describe("cross-division program", () => {
  const people = [
    person({ name: "Ana Lee", role: "mentee", ...ranked(0), division: "Neuroradiology" }),
    person({
      name: "Kenji Sato",
      role: "mentor",
      ...ranked(3),
      division: "Neuroradiology",
      interests: [],
    }),
    person({ name: "Leila Haddad", role: "mentor", ...ranked(2), division: "Breast Imaging" }),
  ];
  const r = roster(people);
  const s = settings("cross-division");
  const result = matchRoster(r, s);

  it("never pairs within a division and says why the pair was made", () => {
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]!.mentorId).toBe("leila.haddad@example.org");
    expect(result.pairs[0]!.reasons).toContain("different division (Breast Imaging) as required");
    expect(checkAssignment(result, r, s)).toEqual([]);
  });

  it("explains a mentee nobody may mentor", () => {
    const onlySameDivision = roster([people[0]!, people[1]!]);
    const outcome = matchRoster(onlySameDivision, s);
    expect(outcome.pairs).toEqual([]);
    expect(outcome.unmatched).toEqual([
      {
        menteeId: "ana.lee@example.org",
        code: "no-eligible-mentor",
        reason:
          "No eligible mentor among 1: 1 mentor is in their own division (another division is required).",
      },
    ]);
  });
});

describe("two-mentor program with role slots", () => {
  const people = [
    person({ name: "Bea Basic", role: "mentee", ...ranked(1), track: "basic-science" }),
    person({ name: "Cal Clinic", role: "mentee", ...ranked(1), track: "clinical" }),
    person({ name: "Res One", role: "mentor", ...ranked(3), track: "research", capacity: 2 }),
    person({ name: "Cli One", role: "mentor", ...ranked(3), track: "clinical", capacity: 2 }),
    person({ name: "Cli Two", role: "mentor", ...ranked(2), track: "clinical", capacity: 1 }),
  ];
  const r = roster(people);
  const s = settings("two-mentors");
  const result = matchRoster(r, s);

  it("gives the basic scientist one clinical and one research mentor, and everyone two", () => {
    const bea = result.pairs.filter((p) => p.menteeId === "bea.basic@example.org");
    expect(bea.map((p) => [p.role, p.mentorId]).sort()).toEqual([
      ["clinical", expect.stringMatching(/^cli\./)],
      ["research", "res.one@example.org"],
    ]);
    expect(result.pairs.filter((p) => p.menteeId === "cal.clinic@example.org")).toHaveLength(2);
    expect(result.unmatched).toEqual([]);
    expect(checkAssignment(result, r, s)).toEqual([]);
  });

  it("leaves Professors out as mentees and Assistant Professors out as mentors", () => {
    const withExtras = roster([
      ...people,
      person({ name: "Pat Prof", role: "mentee", ...ranked(3) }),
      person({ name: "Amy Assistant", role: "mentor", ...ranked(1) }),
    ]);
    const outcome = matchRoster(withExtras, s);
    expect(outcome.unmatched).toContainEqual(
      expect.objectContaining({ menteeId: "pat.prof@example.org", code: "not-eligible" }),
    );
    expect(outcome.issues).toContainEqual(expect.objectContaining({ code: "mentor-not-eligible" }));
    expect(outcome.pairs.some((p) => p.mentorId === "amy.assistant@example.org")).toBe(false);
  });
});

describe("everyone's first mentor before anyone's second", () => {
  // One mentor place too few: coverage first means both mentees get one mentor each.
  const people = [
    person({ name: "Ana Lee", role: "mentee", ...ranked(0), interests: ["education"] }),
    person({ name: "Ben Ode", role: "mentee", ...ranked(0) }),
    person({ name: "Mo One", role: "mentor", ...ranked(3), interests: ["education"], capacity: 1 }),
    person({ name: "Mo Two", role: "mentor", ...ranked(3), interests: ["education"], capacity: 1 }),
    person({
      name: "Mo Three",
      role: "mentor",
      ...ranked(3),
      interests: ["education"],
      capacity: 1,
    }),
  ];
  const r = roster(people);
  const s = settings("committee", { mentorsPerMentee: 2, minimumMentors: 2 });
  const result = matchRoster(r, s);

  it("covers both mentees and reports the incomplete team", () => {
    expect(new Set(result.pairs.map((p) => p.menteeId)).size).toBe(2);
    expect(result.pairs).toHaveLength(3);
    expect(result.unmatched).toEqual([
      expect.objectContaining({ code: "incomplete-team", menteeId: "ben.ode@example.org" }),
    ]);
    expect(result.unmatched[0]!.reason).toMatch(
      /^Has 1 of the 2 mentors the program asks for: the other eligible mentors are full: Mo (One|Two|Three) \(capacity 1, took Ana Lee\)/,
    );
  });
});

describe("hard rules", () => {
  const mentee = person({
    name: "Ana Lee",
    role: "mentee",
    ...ranked(1),
    lab: "Smith Lab",
    supervisor: "John Smith",
  });
  const people = [
    mentee,
    person({ name: "John Smith", role: "mentor", ...ranked(3) }),
    person({ name: "Lab Mate", role: "mentor", ...ranked(3), lab: "smith lab" }),
    person({ name: "Junior Person", role: "mentor", ...ranked(1) }),
    person({ name: "Blocked Person", role: "mentor", ...ranked(3) }),
  ];
  const r = roster(people, [
    {
      a: "ana.lee@example.org",
      b: "blocked.person@example.org",
      reason: "conflict",
      source: "'Do not pair'!A2",
    },
  ]);
  const s = settings("secondary", { divisionRule: "any" });

  it("forbid supervisor, same lab, rank order and do-not-pair, and say so", () => {
    const result = matchRoster(r, s);
    expect(result.pairs).toEqual([]);
    expect(result.unmatched[0]!.reason).toBe(
      "No eligible mentor among 3: 1 mentor is on the do-not-pair list with them; 1 mentor works in their lab or research group; 1 mentor is their own supervisor.",
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: "mentor-not-eligible",
        message: expect.stringContaining("Assistant Professor is not among the mentor ranks"),
      }),
    );
  });
});

describe("requested mentors", () => {
  const people = [
    person({
      name: "Ana Lee",
      role: "mentee",
      ...ranked(1),
      preferredMentors: ["zed.ray@example.org"],
      division: "GI",
    }),
    person({ name: "Zed Ray", role: "mentor", ...ranked(3), division: "GI" }),
    person({ name: "Yan Bo", role: "mentor", ...ranked(3), division: "Cardiology" }),
  ];
  it("are honoured when allowed", () => {
    const result = matchRoster(roster(people), settings("one-to-one"));
    expect(result.pairs[0]).toMatchObject({ mentorId: "zed.ray@example.org" });
    expect(result.pairs[0]!.reasons).toContain("requested by the mentee (first choice)");
  });
  it("are reported when the rules forbid them", () => {
    const result = matchRoster(roster(people), settings("cross-division"));
    expect(result.pairs[0]).toMatchObject({ mentorId: "yan.bo@example.org" });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: "requested-mentor-forbidden",
        message: expect.stringContaining("Zed Ray"),
      }),
    );
  });
});

describe("a division written short on one sheet and long on the other", () => {
  const people = [
    person({ name: "Ana Lee", role: "mentee", ...ranked(0), division: "Abd" }),
    person({ name: "Nuc Person", role: "mentee", ...ranked(0), division: "Nuc Med" }),
    person({
      name: "Kenji Sato",
      role: "mentor",
      ...ranked(3),
      division: "Abdominal Imaging",
      capacity: 2,
    }),
    person({
      name: "Leila Haddad",
      role: "mentor",
      ...ranked(2),
      division: "Nuclear Medicine",
      capacity: 2,
    }),
  ];
  const r = roster(people);
  const s = settings("cross-division");
  const result = matchRoster(r, s);

  it("is one division for the cross-division rule, and says how it read it", () => {
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ["ana.lee@example.org", "leila.haddad@example.org"],
      ["nuc.person@example.org", "kenji.sato@example.org"],
    ]);
    expect(result.issues.filter((i) => i.code === "division-alias").map((i) => i.message)).toEqual([
      "The division “Abd” is read as “Abdominal Imaging” for the division rules. If they are different divisions, spell them out.",
      "The division “Nuc Med” is read as “Nuclear Medicine” for the division rules. If they are different divisions, spell them out.",
    ]);
    expect(checkAssignment(result, r, s)).toEqual([]);
  });
});

describe("stable mode with ranked preferences on both sides", () => {
  // Mentees A, B both want M1 first; M1 prefers B. Mentee-optimal stable: B–M1, A–M2.
  const people = [
    person({
      name: "Ann Alpha",
      role: "mentee",
      ...ranked(0),
      preferredMentors: ["mo.one@example.org", "mo.two@example.org"],
    }),
    person({
      name: "Ben Beta",
      role: "mentee",
      ...ranked(0),
      preferredMentors: ["mo.one@example.org", "mo.two@example.org"],
    }),
    person({
      name: "Mo One",
      role: "mentor",
      ...ranked(3),
      preferredMentees: ["ben.beta@example.org", "ann.alpha@example.org"],
    }),
    person({
      name: "Mo Two",
      role: "mentor",
      ...ranked(3),
      preferredMentees: ["ann.alpha@example.org", "ben.beta@example.org"],
      interests: [],
    }),
  ];
  const r = roster(people);
  const s = settings("one-to-one", { method: "stable" });

  it("gives the mentee-optimal stable pairs, with no blocking pair", () => {
    const result = matchRoster(r, s);
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ["ann.alpha@example.org", "mo.two@example.org"],
      ["ben.beta@example.org", "mo.one@example.org"],
    ]);
    expect(checkAssignment(result, r, s)).toEqual([]);
    const mentees = ["ann.alpha@example.org", "ben.beta@example.org"];
    const mentors = ["mo.one@example.org", "mo.two@example.org"];
    const prefs = {
      menteePrefs: mentees.map((id) =>
        people.find((p) => p.id === id)!.preferredMentors.map((m) => mentors.indexOf(m)),
      ),
      mentorPrefs: mentors.map((id) =>
        people.find((p) => p.id === id)!.preferredMentees.map((m) => mentees.indexOf(m)),
      ),
      capacities: [1, 1],
    };
    const menteeToMentor = mentees.map((id) =>
      mentors.indexOf(result.pairs.find((p) => p.menteeId === id)!.mentorId),
    );
    expect(
      findBlockingPairs(
        {
          menteeToMentor,
          mentorToMentees: mentors.map((_, j) =>
            menteeToMentor.flatMap((m, i) => (m === j ? [i] : [])),
          ),
        },
        prefs,
      ),
    ).toEqual([]);
  });

  it("falls back to the optimal method, saying why, when mentors gave no preferences", () => {
    const noMentorPrefs = roster(people.map((p) => ({ ...p, preferredMentees: [] })));
    const result = matchRoster(noMentorPrefs, s);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "stable-mode-needs-preferences" }),
    );
    expect(result.pairs).toHaveLength(2);
  });
});
