/**
 * Lexicographic cost vectors ("tuples") of a fixed length K.
 *
 * Costs are compared component by component: the first component decides, later ones only
 * break ties. This lets an objective such as "first cover as many mentees as possible, then
 * fill as many further slots as possible, then maximise the score" be optimised exactly, with
 * no big-M constant that would swamp the score in double precision.
 *
 * Convention used by the flow solvers: every component except the last holds integers (they
 * are added and subtracted exactly); the last component may be fractional and is compared with
 * a small tolerance where rounding matters.
 */

/** A cost vector; its length is the network's cost dimension K. */
export type LexCost = readonly number[];

/** -1, 0 or 1 as `a` is lexicographically smaller than, equal to or greater than `b`. */
export function compareLex(a: LexCost, b: LexCost, tolerance = 0): -1 | 0 | 1 {
  if (a.length !== b.length) throw new RangeError("compareLex: vectors of different lengths");
  const last = a.length - 1;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (k === last) {
      if (x < y - tolerance) return -1;
      if (x > y + tolerance) return 1;
      return 0;
    }
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Componentwise sum. */
export function addLex(a: LexCost, b: LexCost): number[] {
  if (a.length !== b.length) throw new RangeError("addLex: vectors of different lengths");
  return a.map((x, k) => x + b[k]!);
}

/** Componentwise `factor * a`. */
export function scaleLex(a: LexCost, factor: number): number[] {
  return a.map((x) => x * factor);
}

/** The zero vector of length `k`. */
export function zeroLex(k: number): number[] {
  return new Array<number>(k).fill(0);
}
