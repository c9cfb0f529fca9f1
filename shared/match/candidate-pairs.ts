/**
 * The allowed mentee–mentor pairs ("candidates") with their points, and for each mentee the
 * count of mentors each rule ruled out. Every pair is judged (by the pair table), but only a
 * mentee's best `keep` mentors are stored when the program lets the solver price the rest
 * (the optimal methods: solve-single-slot.ts, solve-priced-slots.ts): an institution roster
 * has tens of millions of allowed pairs and no optimum needs more than a few dozen per mentee. The pairs left out
 * stay reachable through `leftOut`, so the optimum is still proved, not assumed.
 */
import type { PersonFacts } from "./people-facts.js";
import { fitsSlot, pairRuleOrder, type PairRule } from "./pair-rules.js";
import type { PairTable } from "./pair-table.js";
import type { SlotCandidate } from "./flow/slot-problem.js";

export interface Candidate extends SlotCandidate {
  roles: (string | null)[];
}

/** The allowed pairs a mentee's list left out: their best score, and a way to fetch them. */
export interface LeftOutPairs {
  /** Per mentee: the highest score among left-out pairs (−Infinity when none was left out). */
  readonly best: Float64Array;
  /** Per mentee: how many mentors the rules allow (kept and left out). */
  readonly eligible: Int32Array;
  /**
   * Mentee `e`'s left-out pairs with the mentors in `mentors` (every mentor when null) whose
   * score is above `floor(r)` for their mentor `r`, skipping mentors already in `known`.
   */
  find(
    e: number,
    mentors: ArrayLike<number> | null,
    floor: (r: number) => number,
    known: ReadonlySet<number>,
  ): Candidate[];
}

export interface CandidatePairs {
  candidates: Candidate[];
  /** Per mentee: how many mentors each rule ruled out ("same-person" is not counted). */
  exclusions: Map<PairRule, number>[];
  /** Null when every allowed pair is a candidate. */
  leftOut: LeftOutPairs | null;
}

/** Mentees kept per mentor when lists are cut (see `keep`). */
const mentorsKeepMentees = 8;

/** Shared by every candidate of a mentee without labelled slots (most programs). */
const unlabelledOnly: (string | null)[] = [null];

export function candidatePairs(
  mentees: readonly PersonFacts[],
  mentors: readonly PersonFacts[],
  slotsOf: readonly (readonly (string | null)[])[],
  table: PairTable,
  keep: number = Infinity,
): CandidatePairs {
  const m = mentors.length;
  const candidates: Candidate[] = [];
  const ruleIndex = new Map(pairRuleOrder.map((rule, i) => [rule, i]));
  const counts = new Int32Array(pairRuleOrder.length);
  const exclusions: Map<PairRule, number>[] = [];
  const best = new Float64Array(mentees.length).fill(-Infinity);
  const eligible = new Int32Array(mentees.length);
  // The kept list of the current mentee, sorted by score (descending), ties by mentor.
  const limit = Math.min(keep, m);
  const keptMentor = new Int32Array(Math.max(1, m));
  const keptScore = new Float64Array(Math.max(1, m));
  // Each mentor's best mentees too, so a mentor no mentee ranks high still has a way in.
  const perMentor = Number.isFinite(keep) ? mentorsKeepMentees : 0;
  const mentorMentee = new Int32Array(m * perMentor);
  const mentorScore = new Float64Array(m * perMentor);
  const mentorKept = new Int32Array(m);
  let pruned = false;

  /** The roles mentor r may fill for mentee e, null when none of e's slots. */
  const rolesFor = (e: number): ((r: number) => (string | null)[] | null) => {
    const labels = [...new Set(slotsOf[e]!.filter((role): role is string => role !== null))];
    const hasUnlabelled = slotsOf[e]!.includes(null);
    return (r) => {
      if (labels.length === 0) return unlabelledOnly;
      const roles: (string | null)[] = labels.filter((label) =>
        fitsSlot(label, mentors[r]!.person.track),
      );
      if (hasUnlabelled) roles.push(null);
      return roles.length === 0 ? null : roles;
    };
  };

  for (let e = 0; e < mentees.length; e++) {
    counts.fill(0);
    const rolesOf = rolesFor(e);
    const labelled = slotsOf[e]!.some((role) => role !== null);
    const cut = limit;
    let kept = 0;
    let leftBest = -Infinity;
    for (let r = 0; r < m; r++) {
      const rule = table.rule(e, r);
      if (rule !== null) {
        if (rule !== "same-person") counts[ruleIndex.get(rule)!]!++;
        continue;
      }
      if (labelled && rolesOf(r) === null) continue;
      eligible[e]!++;
      const score = table.points(e, r);
      if (perMentor > 0) {
        const base = r * perMentor;
        const had = mentorKept[r]!;
        if (had < perMentor)
          mentorKept[r] = insertKept(mentorMentee, mentorScore, base, had, had + 1, e, score);
        else if (score > mentorScore[base + perMentor - 1]!)
          insertKept(mentorMentee, mentorScore, base, perMentor - 1, perMentor, e, score);
      }
      if (kept < cut) {
        kept = insertKept(keptMentor, keptScore, 0, kept, kept + 1, r, score);
        continue;
      }
      // Full: the new pair replaces the worst kept one only when strictly better.
      const worst = keptScore[cut - 1]!;
      if (score > worst) {
        leftBest = Math.max(leftBest, worst);
        insertKept(keptMentor, keptScore, 0, cut - 1, cut, r, score);
      } else leftBest = Math.max(leftBest, score);
    }
    best[e] = leftBest;
    if (leftBest > -Infinity) pruned = true;
    // In mentor order, as a list of every pair would be.
    const order = Array.from({ length: kept }, (_, k) => k).sort(
      (x, y) => keptMentor[x]! - keptMentor[y]!,
    );
    for (const k of order) {
      const r = keptMentor[k]!;
      candidates.push({ mentee: e, mentor: r, score: keptScore[k]!, roles: rolesOf(r)! });
    }
    const map = new Map<PairRule, number>();
    counts.forEach((count, i) => {
      if (count > 0) map.set(pairRuleOrder[i]!, count);
    });
    exclusions.push(map);
  }

  if (pruned) {
    const listed = new Set(candidates.map((c) => c.mentee * m + c.mentor));
    let extra = false;
    for (let r = 0; r < m; r++)
      for (let k = 0; k < mentorKept[r]!; k++) {
        const e = mentorMentee[r * perMentor + k]!;
        if (listed.has(e * m + r)) continue;
        candidates.push({
          mentee: e,
          mentor: r,
          score: mentorScore[r * perMentor + k]!,
          roles: rolesFor(e)(r)!,
        });
        extra = true;
      }
    if (extra) candidates.sort((x, y) => x.mentee - y.mentee || x.mentor - y.mentor);
  }

  const leftOut: LeftOutPairs | null = !pruned
    ? null
    : {
        best,
        eligible,
        find(e, mentors, floor, known) {
          const found: Candidate[] = [];
          const rolesOf = rolesFor(e);
          const count = mentors === null ? m : mentors.length;
          for (let k = 0; k < count; k++) {
            const r = mentors === null ? k : mentors[k]!;
            if (known.has(r) || table.rule(e, r) !== null) continue;
            const score = table.points(e, r);
            const roles = score > floor(r) ? rolesOf(r) : null;
            if (roles !== null) found.push({ mentee: e, mentor: r, score, roles });
          }
          return found;
        },
      };
  return { candidates, exclusions, leftOut };
}

/**
 * Puts (r, score) into the kept list starting at `base`, at position `at` (the entries to keep
 * from before), then moves it up past every lower score; returns the new count `size`.
 */
function insertKept(
  mentor: Int32Array,
  score: Float64Array,
  base: number,
  at: number,
  size: number,
  r: number,
  value: number,
): number {
  let t = base + at;
  while (t > base && score[t - 1]! < value) {
    mentor[t] = mentor[t - 1]!;
    score[t] = score[t - 1]!;
    t--;
  }
  mentor[t] = r;
  score[t] = value;
  return size;
}
