/**
 * Programs with one mentor per mentee (one-to-one, cross-division, secondary) are a
 * rectangular assignment: mentees × mentor places, plus a "no mentor" place per mentee. Solved
 * with the exact sparse LAP (with its dual certificate) it scales to institution rosters where
 * the general slot flow would take far longer, and gives the same optimum (tests compare them).
 *
 * The problem may list only each mentee's best candidates (`more` holds the rest): the
 * solve's prices then say which left-out pair could still improve the total — none, usually
 * — and those join and the problem is solved again. The answer is the optimum over every
 * allowed pair, proved by the prices of the last solve.
 */
import { solveSparseAssignmentWithPrices, type SparseProblem } from "./assignment/index.js";
import {
  loadPenaltyAt,
  type SlotCandidate,
  type SlotPair,
  type SlotProblem,
} from "./flow/slot-problem.js";

/** Allowed pairs a problem's candidate list left out, for pricing (see candidate-pairs.ts). */
export interface MoreCandidates<C extends SlotCandidate> {
  /** Per mentee: the best score of a left-out pair (−Infinity: none). */
  readonly best: Float64Array;
  /**
   * Mentee `e`'s left-out pairs with the mentors listed in `mentors` (all when null) scoring
   * above `floor(r)`, mentors in `known` skipped.
   */
  find(
    e: number,
    mentors: ArrayLike<number> | null,
    floor: (r: number) => number,
    known: ReadonlySet<number>,
  ): C[];
}

/** Most improving pairs added per mentee and round: the best few settle most mentees. */
export const addedPerMentee = 24;
/** Rounds after which every improving pair is added at once. */
export const pricingRounds = 8;

export function isSingleSlotProblem(problem: SlotProblem): boolean {
  return problem.mentees.every(
    (mentee) => mentee.slots.length === 1 && mentee.slots[0]!.role === null,
  );
}

export function solveSingleSlot<C extends SlotCandidate>(
  problem: SlotProblem & { candidates: readonly C[] },
  more: MoreCandidates<C> | null = null,
): { pairs: SlotPair[]; candidates: readonly C[] } {
  let candidates =
    more === null ? problem.candidates : withLockedPairs(problem, problem.candidates, more);
  for (let round = 0; ; round++) {
    const built = singleSlotAssignment({ ...problem, candidates });
    const { assignment, decode } = built;
    if (assignment === null && more === null) return { pairs: decode([]), candidates };
    const solved =
      assignment === null
        ? {
            rowToCol: [],
            rowPrice: new Float64Array(0),
            colPrice: new Float64Array(built.firstPlace[built.firstPlace.length - 1]!),
          }
        : solveSparseAssignmentWithPrices(assignment);
    const pairs = decode(solved.rowToCol);
    if (more === null) return { pairs, candidates };
    const added = improvingPairs(
      built,
      solved,
      candidates,
      more,
      round < pricingRounds ? addedPerMentee : Infinity,
    );
    if (added.length === 0) return { pairs, candidates };
    candidates = [...candidates, ...added];
  }
}

/**
 * The left-out pairs whose value beats the prices (reduced cost above the rounding
 * tolerance), at most `perMentee` per mentee, those that beat them most first. Each round adds
 * at least one pair while any improves, so the loop ends; with none left the prices prove
 * the answer optimal over every allowed pair.
 */
function improvingPairs<C extends SlotCandidate>(
  built: ReturnType<typeof singleSlotAssignment>,
  solved: { rowPrice: Float64Array; colPrice: Float64Array },
  candidates: readonly C[],
  more: MoreCandidates<C>,
  perMentee: number,
): C[] {
  const { mentees, rowOf, firstPlace, penaltyAt, coverage, lockedMentee } = built;
  const { rowPrice, colPrice } = solved;
  // A mentor's cheapest place to enter: min over its free places of (penalty + price).
  const mentorCount = firstPlace.length - 1;
  const enter = new Float64Array(mentorCount).fill(Infinity);
  let cheapest = Infinity;
  let scale = Math.abs(coverage);
  for (let r = 0; r < mentorCount; r++) {
    for (let place = firstPlace[r]!; place < firstPlace[r + 1]!; place++) {
      const w = penaltyAt(r, place) + colPrice[place]!;
      if (w < enter[r]!) enter[r] = w;
      scale = Math.max(scale, Math.abs(colPrice[place]!));
    }
    cheapest = Math.min(cheapest, enter[r]!);
  }
  for (const price of rowPrice) scale = Math.max(scale, Math.abs(price));
  const tol = 1e-9 * scale;
  // Mentors by how cheaply a pair enters them: a mentee need only try a prefix.
  const byEntry = Int32Array.from({ length: mentorCount }, (_, r) => r)
    .filter((r) => enter[r] !== Infinity)
    .sort((x, y) => enter[x]! - enter[y]!);
  const entry = Float64Array.from(byEntry, (r) => enter[r]!);
  let known: Map<number, Set<number>> | null = null;
  const added: C[] = [];
  for (let e = 0; e < mentees; e++) {
    const best = more.best[e]!;
    if (best === -Infinity || lockedMentee[e] === 1 || cheapest === Infinity) continue;
    const row = rowOf[e]!;
    // A mentee without a row (no free place among its candidates) could use any free place.
    const slack = row < 0 ? -Infinity : rowPrice[row]! - coverage;
    if (best <= slack + cheapest + tol) continue;
    known ??= mentorsByMentee(candidates);
    // Left-out scores are at most `best`, so only mentors entered below best − slack can gain.
    const tried = row < 0 ? byEntry : byEntry.subarray(0, countBelow(entry, best - slack - tol));
    const floor = row < 0 ? () => -Infinity : (r: number) => slack + enter[r]! + tol;
    const found = more.find(e, tried, floor, known.get(e) ?? new Set());
    // By how much each beats its price (without a row: its score over the entry price).
    const gain = (c: C) => c.score - (row < 0 ? enter[c.mentor]! : floor(c.mentor));
    if (found.length > perMentee) found.sort((x, y) => gain(y) - gain(x) || x.mentor - y.mentor);
    added.push(...found.slice(0, perMentee));
  }
  return added;
}

/** How many entries of the ascending `values` are below `limit`. */
function countBelow(values: Float64Array, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The candidates plus the left-out ones the locked pairs are (a lock scores as its pair). */
export function withLockedPairs<C extends SlotCandidate>(
  problem: SlotProblem,
  candidates: readonly C[],
  more: MoreCandidates<C>,
): readonly C[] {
  if ((problem.locked ?? []).length === 0) return candidates;
  const known = mentorsByMentee(candidates);
  const fetched = (problem.locked ?? []).flatMap(({ mentee, mentor }) =>
    known.get(mentee)?.has(mentor) === true
      ? []
      : more.find(mentee, [mentor], () => -Infinity, known.get(mentee) ?? new Set()),
  );
  return fetched.length === 0 ? candidates : [...candidates, ...fetched];
}

export function mentorsByMentee(candidates: readonly SlotCandidate[]): Map<number, Set<number>> {
  const byMentee = new Map<number, Set<number>>();
  for (const { mentee, mentor } of candidates) {
    const set = byMentee.get(mentee) ?? new Set<number>();
    set.add(mentor);
    byMentee.set(mentee, set);
  }
  return byMentee;
}

/** The rectangular assignment a one-slot problem becomes, and what pricing needs of it. */
export interface SingleSlotAssignment {
  /** Maximise; null when no mentee has a candidate left. */
  assignment: SparseProblem | null;
  /** Reads the solver's answer back as pairs. */
  decode: (rowToCol: readonly number[]) => SlotPair[];
  mentees: number;
  /** The row of each mentee, -1 when it has none (locked, or no free place to go to). */
  rowOf: Int32Array;
  lockedMentee: Uint8Array;
  /** Mentor r's free places are the columns firstPlace[r] .. firstPlace[r + 1] - 1. */
  firstPlace: Int32Array;
  /** The load penalty of mentor r's column `place`. */
  penaltyAt: (r: number, place: number) => number;
  /** The value every real place adds before the score, so coverage comes first. */
  coverage: number;
}

/**
 * The rectangular assignment a one-slot problem becomes (maximise), and how to read its
 * answer back as pairs. `assignment` is null when no mentee has a candidate left.
 */
export function singleSlotAssignment(problem: SlotProblem): SingleSlotAssignment {
  const { mentees, mentors, candidates } = problem;
  const pairs: SlotPair[] = [];
  const used = new Int32Array(mentors.length);
  const lockedMentee = new Uint8Array(mentees.length);
  for (const lock of problem.locked ?? []) {
    if (lockedMentee[lock.mentee] === 1) continue;
    lockedMentee[lock.mentee] = 1;
    used[lock.mentor]!++;
    pairs.push({
      mentee: lock.mentee,
      mentor: lock.mentor,
      role: lock.role,
      score: 0,
      locked: true,
    });
  }
  // A locked pair scores like the candidate it is (0 when the rules would not allow it).
  if (pairs.length > 0) {
    const lockedAt = new Map(
      pairs.map((pair, index) => [pair.mentee * mentors.length + pair.mentor, index]),
    );
    for (const candidate of candidates) {
      const index = lockedAt.get(candidate.mentee * mentors.length + candidate.mentor);
      if (index !== undefined) pairs[index] = { ...pairs[index]!, score: candidate.score };
    }
  }

  // Columns: the places each mentor still has (its k-th place costs its k-th load penalty).
  const firstPlace = new Int32Array(mentors.length + 1);
  mentors.forEach((mentor, r) => {
    firstPlace[r + 1] = firstPlace[r]! + Math.max(0, mentor.capacity - used[r]!);
  });
  const places = firstPlace[mentors.length]!;
  const byMentee: number[][] = mentees.map(() => []);
  for (const [index, candidate] of candidates.entries()) {
    if (
      lockedMentee[candidate.mentee] === 0 &&
      firstPlace[candidate.mentor + 1]! > firstPlace[candidate.mentor]!
    )
      byMentee[candidate.mentee]!.push(index);
  }
  const rows = byMentee.flatMap((list, mentee) => (list.length > 0 ? [mentee] : []));
  const rowOf = new Int32Array(mentees.length).fill(-1);
  rows.forEach((mentee, i) => (rowOf[mentee] = i));
  const penaltyAt = (r: number, place: number) =>
    loadPenaltyAt(mentors[r]!.loadPenalty, used[r]! + (place - firstPlace[r]!));
  const shape = { mentees: mentees.length, rowOf, lockedMentee, firstPlace, penaltyAt };
  if (rows.length === 0)
    return { assignment: null, decode: () => sortPairs(pairs), coverage: 0, ...shape };

  // Coverage first: every real place is worth more than all score differences together.
  let spread = 1;
  for (const candidate of candidates) spread = Math.max(spread, Math.abs(candidate.score));
  let maxPenalty = 0;
  mentors.forEach((mentor, r) => {
    for (let k = used[r]!; k < mentor.capacity; k++)
      maxPenalty = Math.max(maxPenalty, Math.abs(loadPenaltyAt(mentor.loadPenalty, k)));
  });
  // One more mentor place beats any change of score and penalty across all rows.
  const coverage = (2 * rows.length + 2) * (spread + maxPenalty) + 1;

  const rowStart = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    let cells = 1;
    for (const index of byMentee[rows[i]!]!) {
      const mentor = candidates[index]!.mentor;
      cells += firstPlace[mentor + 1]! - firstPlace[mentor]!;
    }
    rowStart[i + 1] = rowStart[i]! + cells;
  }
  const col = new Int32Array(rowStart[rows.length]!);
  const value = new Float64Array(col.length);
  const placeMentor = new Int32Array(places);
  const cellCandidate = new Int32Array(col.length);
  mentors.forEach((_, r) => placeMentor.fill(r, firstPlace[r]!, firstPlace[r + 1]!));
  for (let i = 0; i < rows.length; i++) {
    let at = rowStart[i]!;
    for (const index of byMentee[rows[i]!]!) {
      const { mentor, score } = candidates[index]!;
      for (let place = firstPlace[mentor]!; place < firstPlace[mentor + 1]!; place++) {
        const k = used[mentor]! + (place - firstPlace[mentor]!);
        col[at] = place;
        cellCandidate[at] = index;
        value[at++] = coverage + score - loadPenaltyAt(mentors[mentor]!.loadPenalty, k);
      }
    }
    col[at] = places + i; // this mentee's own "no mentor" place, worth 0
    value[at] = 0;
  }
  const decode = (rowToCol: readonly number[]): SlotPair[] => {
    const chosen = [...pairs];
    rowToCol.forEach((place, i) => {
      if (place < 0 || place >= places) return;
      const mentee = rows[i]!;
      const mentor = placeMentor[place]!;
      let cell = rowStart[i]!;
      while (col[cell] !== place) cell++;
      chosen.push({
        mentee,
        mentor,
        role: null,
        score: candidates[cellCandidate[cell]!]!.score,
        locked: false,
      });
    });
    return sortPairs(chosen);
  };
  return {
    assignment: { rows: rows.length, cols: places + rows.length, edges: { rowStart, col, value } },
    decode,
    coverage,
    ...shape,
  };
}

function sortPairs(pairs: SlotPair[]): SlotPair[] {
  return pairs.sort((a, b) => a.mentee - b.mentee || a.mentor - b.mentor);
}
