/**
 * Seeded benchmark inputs for the assignment solver. Every generator is deterministic in its seed,
 * so our solver, scipy and munkres all see exactly the same matrices.
 */
import type { DenseMatrix, SparseProblem } from "../shared/match/assignment/index.js";

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** Uniform scores in [0, 1). */
export function uniformDense(rows: number, cols: number, seed: number): DenseMatrix {
  const rand = mulberry32(seed);
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = rand();
  return { rows, cols, data };
}

interface Person {
  division: number;
  rank: number;
  /** Interest topics as a bit mask. */
  interests: number;
  fields: number[];
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function interestMask(rand: () => number, topics: number, count: number): number {
  let mask = 0;
  while (popcount(mask) < count) mask |= 1 << Math.floor(rand() * topics);
  return mask;
}

/**
 * Pair score: interest overlap (Jaccard), a preferred rank gap of about two steps, and a little
 * seeded noise so that ties are realistic but not everywhere.
 */
function score(mentee: Person, mentor: Person, noise: number): number {
  const inter = popcount(mentee.interests & mentor.interests);
  const union = popcount(mentee.interests | mentor.interests);
  const overlap = union === 0 ? 0 : inter / union;
  const gap = mentor.rank - mentee.rank;
  const gapScore = gap <= 0 ? -2 : -Math.abs(gap - 2) * 0.75;
  return 10 * overlap + gapScore + noise;
}

/** The small diminishing penalty charged for a mentor's k-th extra mentee (copy k ≥ 0). */
export const copyPenalty = (k: number): number => 0.05 * k;

/**
 * A department-sized roster: `mentees` rows × (mentor copies by capacity 1–4) columns, scores from
 * interest overlap and rank gap, same-division pairs forbidden (-Infinity).
 */
export function realisticDense(mentees: number, mentors: number, seed: number): DenseMatrix {
  const rand = mulberry32(seed);
  const divisions = 12;
  const topics = 24;
  const menteeList: Person[] = [];
  for (let i = 0; i < mentees; i++) {
    menteeList.push({
      division: Math.floor(rand() * divisions),
      rank: randInt(rand, 0, 2),
      interests: interestMask(rand, topics, randInt(rand, 2, 5)),
      fields: [],
    });
  }
  const copiesOf: number[] = [];
  const mentorList: Person[] = [];
  for (let j = 0; j < mentors; j++) {
    mentorList.push({
      division: Math.floor(rand() * divisions),
      rank: randInt(rand, 2, 5),
      interests: interestMask(rand, topics, randInt(rand, 2, 6)),
      fields: [],
    });
    const capacity = randInt(rand, 1, 4);
    for (let k = 0; k < capacity; k++) copiesOf.push(j);
  }
  const cols = copiesOf.length;
  const data = new Float64Array(mentees * cols);
  for (let i = 0; i < mentees; i++) {
    const mentee = menteeList[i]!;
    let col = 0;
    for (let j = 0; j < mentors; j++) {
      const mentor = mentorList[j]!;
      const forbidden = mentor.division === mentee.division;
      const s = forbidden ? -Infinity : score(mentee, mentor, 0.5 * rand());
      for (let k = 0; copiesOf[col] === j; k++, col++) {
        data[i * cols + col] = forbidden ? -Infinity : s - copyPenalty(k);
      }
    }
  }
  return { rows: mentees, cols, data };
}

/**
 * Institution-wide roster: `mentees` × `mentors`, each mentor taking `capacity` mentees, so the
 * columns are `mentors × capacity` mentor copies. Hard rules leave each mentee about 50–150
 * eligible mentors: a mentor is eligible when they work in one of the mentee's 2–3 fields (of 100)
 * and are not in the mentee's division.
 */
export function institutionSparse(
  mentees: number,
  mentors: number,
  capacity: number,
  seed: number,
): SparseProblem {
  const rand = mulberry32(seed);
  const fields = 100;
  const divisions = 40;
  const topics = 30;
  const byField: number[][] = Array.from({ length: fields }, () => []);
  const mentorList: Person[] = [];
  for (let j = 0; j < mentors; j++) {
    const field = Math.floor(rand() * fields);
    byField[field]!.push(j);
    mentorList.push({
      division: Math.floor(rand() * divisions),
      rank: randInt(rand, 2, 5),
      interests: interestMask(rand, topics, randInt(rand, 2, 6)),
      fields: [field],
    });
  }
  const cols = mentors * capacity;
  const rowStart = new Int32Array(mentees + 1);
  const colList: number[] = [];
  const valueList: number[] = [];
  for (let i = 0; i < mentees; i++) {
    const mentee: Person = {
      division: Math.floor(rand() * divisions),
      rank: randInt(rand, 0, 2),
      interests: interestMask(rand, topics, randInt(rand, 2, 5)),
      fields: [],
    };
    const fieldCount = randInt(rand, 2, 3);
    while (mentee.fields.length < fieldCount) {
      const f = Math.floor(rand() * fields);
      if (!mentee.fields.includes(f)) mentee.fields.push(f);
    }
    for (const f of mentee.fields) {
      for (const j of byField[f]!) {
        const mentor = mentorList[j]!;
        if (mentor.division === mentee.division) continue;
        const s = score(mentee, mentor, 0.5 * rand());
        for (let k = 0; k < capacity; k++) {
          colList.push(j * capacity + k);
          valueList.push(s - copyPenalty(k));
        }
      }
    }
    rowStart[i + 1] = colList.length;
  }
  return {
    rows: mentees,
    cols,
    edges: { rowStart, col: Int32Array.from(colList), value: Float64Array.from(valueList) },
  };
}

/** The dense form of a sparse problem: unlisted cells are -Infinity (forbidden when maximising). */
export function sparseToDense(p: SparseProblem): DenseMatrix {
  const data = new Float64Array(p.rows * p.cols).fill(-Infinity);
  const { rowStart, col, value } = p.edges;
  for (let i = 0; i < p.rows; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) data[i * p.cols + col[e]!] = value[e]!;
  }
  return { rows: p.rows, cols: p.cols, data };
}
