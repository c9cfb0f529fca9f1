/**
 * Every mentee × mentor pair judged by numbers: the same rules as `forbiddingRule` and the
 * same points as `pairPoints`, with people's facts turned into small integers once (division,
 * lab, track, area, interests) so an institution roster's 50 million pairs take seconds, not
 * minutes. `scorePair`/`forbiddingRule` stay the readable definitions, used for the chosen
 * pairs' explanations; a test holds the two in step on every pair of varied rosters.
 */
import type { Settings } from "../rules/settings.js";
import type { PairContext, PairRule } from "./pair-rules.js";
import type { PersonFacts } from "./people-facts.js";

/** Same values as scoring.ts's rank-gap table: a gap of two ranks is ideal. */
const rankGapValue = [0, 0.8, 1, 0.7];

export interface PairTable {
  /** The first rule forbidding mentee `e` with mentor `r` (as `forbiddingRule`), or null. */
  rule(e: number, r: number): PairRule | null;
  /** The pair's points (as `pairPoints`), for an allowed pair. */
  points(e: number, r: number): number;
  /** The highest points any pair can have: an upper bound used to skip hopeless pairs. */
  readonly maxPoints: number;
}

/** Interns strings (null → -1) so comparing two facts is comparing two integers. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string | null): number {
    if (key === null) return -1;
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

interface Side {
  rank: Int8Array;
  division: Int32Array;
  lab: Int32Array;
  track: Int32Array;
  area: Int32Array;
  /** Interest ids of person i: interests[interestStart[i] .. interestStart[i + 1]). */
  interestStart: Int32Array;
  interests: Int32Array;
}

/** The pairs the rules name one by one, as the roster and the Pairs sheet list them. */
export interface NamedPairs {
  doNotPair: readonly { a: string; b: string }[];
  rejected: readonly { menteeId: string; mentorId: string }[];
}

/** Which rule `forbiddingRule` names first when several name the same pair. */
const namedFirst: Partial<Record<PairRule, number>> = {
  rejected: 0,
  "do-not-pair": 1,
  supervisor: 2,
};

export function pairTable(
  mentees: readonly PersonFacts[],
  mentors: readonly PersonFacts[],
  context: PairContext,
  namedPairs: NamedPairs,
): PairTable {
  const { settings } = context;
  const divisions = new Interner();
  const labs = new Interner();
  const tracks = new Interner();
  const areas = new Interner();
  const interestIds = new Interner();
  const interestWords: ReadonlySet<string>[] = [];
  const side = (list: readonly PersonFacts[]): Side => {
    const n = list.length;
    const interestStart = new Int32Array(n + 1);
    const interests: number[] = [];
    const result: Side = {
      rank: new Int8Array(n),
      division: new Int32Array(n),
      lab: new Int32Array(n),
      track: new Int32Array(n),
      area: new Int32Array(n),
      interestStart,
      interests: new Int32Array(0),
    };
    list.forEach((facts, i) => {
      const person = facts.person;
      result.rank[i] = person.rankLevel ?? -1;
      result.division[i] = divisions.id(facts.division);
      result.lab[i] = labs.id(facts.lab);
      result.track[i] = tracks.id(person.track);
      result.area[i] = areas.id(person.areaOfExcellence?.toLowerCase() ?? null);
      for (const interest of facts.interests) {
        // An interest without words never counts as shared; -1 keeps it in the count.
        const key = interest.words.size === 0 ? null : [...interest.words].sort().join(" ");
        const id = interestIds.id(key);
        if (id === interestWords.length) interestWords.push(interest.words);
        interests.push(id);
      }
      interestStart[i + 1] = interests.length;
    });
    result.interests = Int32Array.from(interests);
    return result;
  };
  const a = side(mentees);
  const b = side(mentors);
  const sharedWith = sharedInterestCounts(a, b, interestWords, mentors.length);

  // Rules that name particular people, as mentor-index lists per mentee.
  const mentorOf = new Map(mentors.map((facts, r) => [facts.person.id, r]));
  const samePerson = new Int32Array(mentees.length).fill(-1);
  const named = new Map<number, Map<number, PairRule>>();
  const name = (e: number, r: number, rule: PairRule) => {
    const rules = named.get(e) ?? new Map<number, PairRule>();
    const had = rules.get(r);
    if (had === undefined || namedFirst[rule]! < namedFirst[had]!) rules.set(r, rule);
    named.set(e, rules);
  };
  const byIdentityKey = new Map<string, number[]>();
  mentors.forEach((facts, r) => {
    for (const key of facts.identityKeys) {
      const list = byIdentityKey.get(key) ?? [];
      list.push(r);
      byIdentityKey.set(key, list);
    }
  });
  mentees.forEach((facts, e) => {
    const id = facts.person.id;
    samePerson[e] = mentorOf.get(id) ?? -1;
    if (settings.avoidSupervisor)
      for (const key of facts.supervisorKeys)
        for (const r of byIdentityKey.get(key) ?? []) name(e, r, "supervisor");
  });
  const menteeOf = new Map(mentees.map((facts, e) => [facts.person.id, e]));
  for (const { menteeId, mentorId } of namedPairs.rejected) {
    const e = menteeOf.get(menteeId);
    const r = mentorOf.get(mentorId);
    if (e !== undefined && r !== undefined) name(e, r, "rejected");
  }
  for (const { a: x, b: y } of namedPairs.doNotPair) {
    for (const [menteeId, mentorId] of [
      [x, y],
      [y, x],
    ] as const) {
      const e = menteeOf.get(menteeId);
      const r = mentorOf.get(mentorId);
      if (e !== undefined && r !== undefined) name(e, r, "do-not-pair");
    }
  }

  const ordered = settings.mentorMustOutrankMentee;
  const excludeUnranked = settings.unrecognisedRank === "exclude";
  const divisionRule = settings.divisionRule;
  const avoidLab = settings.avoidSameLab;
  const rule = (e: number, r: number): PairRule | null => {
    if (samePerson[e] === r) return "same-person";
    const special = named.get(e)?.get(r);
    // Rejected and do-not-pair come before the rank rule; the supervisor rule comes last.
    if (special !== undefined && special !== "supervisor") return special;
    if (ordered) {
      const x = a.rank[e]!;
      const y = b.rank[r]!;
      if (x >= 0 && y >= 0) {
        if (y <= x) return "rank-order";
      } else if (excludeUnranked) return "unrecognised-rank";
    }
    const da = a.division[e]!;
    const db = b.division[r]!;
    if (da >= 0 && db >= 0) {
      if (divisionRule === "different-required" && da === db) return "division-different-required";
      if (divisionRule === "same-required" && da !== db) return "division-same-required";
    }
    if (avoidLab && a.lab[e]! >= 0 && a.lab[e] === b.lab[r]) return "same-lab";
    return special ?? null;
  };

  const w = settings.weights;
  const preferred = mentees.map((facts) => facts.person.preferredMentors);
  const points = (e: number, r: number): number => {
    let total = 0;
    // Interests: the share of the mentee's (first three) interests the mentor shares.
    if (w.interests > 0) {
      const from = a.interestStart[e]!;
      const shared = sharedWith(e)[r]!;
      total +=
        shared === 0
          ? 0
          : w.interests * Math.min(1, shared / Math.min(3, a.interestStart[e + 1]! - from));
    }
    // Track and area of excellence.
    const ta = a.track[e]!;
    const tb = b.track[r]!;
    const aa = a.area[e]!;
    const ab = b.area[r]!;
    const compared = (ta >= 0 && tb >= 0 ? 1 : 0) + (aa >= 0 && ab >= 0 ? 1 : 0);
    const matched = (ta >= 0 && ta === tb ? 1 : 0) + (aa >= 0 && aa === ab ? 1 : 0);
    total += compared === 0 ? 0 : (w.track * matched) / compared;
    // Rank gap.
    const gap = (b.rank[r]! >= 0 ? b.rank[r]! : -1) - (a.rank[e]! >= 0 ? a.rank[e]! : 99);
    total += gap > 0 ? w.rankGap * (rankGapValue[gap] ?? 0.5) : 0;
    // Division as a preference.
    const da = a.division[e]!;
    const db = b.division[r]!;
    total +=
      da < 0 || db < 0
        ? 0
        : (divisionRule === "different-preferred" && da !== db) ||
            (divisionRule === "same-preferred" && da === db)
          ? w.division
          : 0;
    // The mentee's requests, first choice worth most.
    const asked = preferred[e]!;
    const at = asked.length === 0 ? -1 : asked.indexOf(mentors[r]!.person.id);
    total += at < 0 ? 0 : w.requested * Math.max(0.4, 1 - 0.2 * at);
    return total;
  };
  return { rule, points, maxPoints: maxPoints(settings) };
}

/** The most points a pair can have: every weight in full. */
function maxPoints(settings: Settings): number {
  const w = settings.weights;
  return w.interests + w.track + w.rankGap + w.division + w.requested;
}

/**
 * For one mentee at a time, how many of its interests each mentor shares (an interest is
 * shared when at least half of the words of it and of one of the mentor's interests agree,
 * as people-facts.ts's `shares`). Found through an index of mentors by interest and of
 * interests by word, so a mentee costs the mentors it shares something with, not all of them.
 */
function sharedInterestCounts(
  a: Side,
  b: Side,
  words: readonly ReadonlySet<string>[],
  mentorCount: number,
): (e: number) => Int32Array {
  const mentorsWith = new Map<number, number[]>();
  const withWord = new Map<string, number[]>();
  for (let r = 0; r < mentorCount; r++) {
    for (let q = b.interestStart[r]!; q < b.interestStart[r + 1]!; q++) {
      const y = b.interests[q]!;
      if (y < 0) continue;
      let list = mentorsWith.get(y);
      if (list === undefined) {
        mentorsWith.set(y, (list = []));
        for (const word of words[y]!) {
          const ids = withWord.get(word) ?? [];
          ids.push(y);
          withWord.set(word, ids);
        }
      }
      if (list[list.length - 1] !== r) list.push(r);
    }
  }
  // The mentors' interests that count as shared with interest x.
  const matches = new Map<number, number[]>();
  const matching = (x: number): number[] => {
    let found = matches.get(x);
    if (found !== undefined) return found;
    const p = words[x]!;
    const tried = new Set<number>();
    found = [];
    for (const word of p)
      for (const y of withWord.get(word) ?? []) {
        if (tried.has(y)) continue;
        tried.add(y);
        const q = words[y]!;
        let common = 0;
        for (const other of p) if (q.has(other)) common++;
        if (common > 0 && common / (p.size + q.size - common) >= 0.5) found.push(y);
      }
    matches.set(x, found);
    return found;
  };
  const counts = new Int32Array(mentorCount);
  const seen = new Int32Array(mentorCount).fill(-1);
  let touched: number[] = [];
  let current = -1;
  let stamp = 0;
  return (e) => {
    if (e === current) return counts;
    for (const r of touched) counts[r] = 0;
    touched = [];
    current = e;
    for (let k = a.interestStart[e]!; k < a.interestStart[e + 1]!; k++) {
      const x = a.interests[k]!;
      if (x < 0) continue;
      // A mentor counts once per mentee interest, however many of theirs match it.
      stamp++;
      for (const y of matching(x))
        for (const r of mentorsWith.get(y)!) {
          if (seen[r] === stamp) continue;
          seen[r] = stamp;
          if (counts[r] === 0) touched.push(r);
          counts[r]!++;
        }
    }
    return counts;
  };
}
