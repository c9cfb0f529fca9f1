import { expect } from "vitest";
import type { AssignmentResult, SparseProblem } from "../../../shared/match/assignment/index.js";

/** mulberry32: small seeded PRNG in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Optimal total by exhaustive search over assignments of the smaller side, or `null` when no
 * complete assignment avoids the forbidden (non-finite) cells.
 */
export function bruteForce(
  matrix: readonly (readonly number[])[],
  maximize: boolean,
): number | null {
  const rows = matrix.length;
  const cols = rows === 0 ? 0 : matrix[0]!.length;
  if (rows === 0 || cols === 0) return 0;
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const at = (i: number, j: number): number => (transpose ? matrix[j]![i]! : matrix[i]![j]!);
  const used = new Array<boolean>(m).fill(false);
  let best: number | null = null;
  const visit = (i: number, sum: number): void => {
    if (i === n) {
      if (best === null || (maximize ? sum > best : sum < best)) best = sum;
      return;
    }
    for (let j = 0; j < m; j++) {
      const x = at(i, j);
      if (used[j] || !Number.isFinite(x)) continue;
      used[j] = true;
      visit(i + 1, sum + x);
      used[j] = false;
    }
  };
  visit(0, 0);
  return best;
}

/**
 * Checks that `result` is a valid assignment of `matrix`: columns in range and distinct, no
 * forbidden cell used, the smaller side fully assigned, and `total` the sum of the chosen cells.
 */
export function expectValidAssignment(
  matrix: readonly (readonly number[])[],
  result: AssignmentResult,
): void {
  const rows = matrix.length;
  const cols = rows === 0 ? 0 : matrix[0]!.length;
  expect(result.rowToCol).toHaveLength(rows);
  const seen = new Set<number>();
  let assigned = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = result.rowToCol[i]!;
    expect(Number.isInteger(j)).toBe(true);
    if (j === -1) continue;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(cols);
    expect(seen.has(j)).toBe(false);
    seen.add(j);
    const x = matrix[i]![j]!;
    expect(Number.isFinite(x)).toBe(true);
    total += x;
    assigned++;
  }
  expect(assigned).toBe(Math.min(rows, cols));
  expect(result.total).toBeCloseTo(total, 9);
}

/** Whether two totals agree to a relative 1e-9 (with an absolute floor for totals near 0). */
export function expectSameTotal(actual: number, expected: number): void {
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected) / scale).toBeLessThan(1e-9);
}

/** The CSR form of a dense matrix, listing only its finite cells. */
export function toSparse(matrix: readonly (readonly number[])[]): SparseProblem {
  const rows = matrix.length;
  const cols = rows === 0 ? 0 : matrix[0]!.length;
  const rowStart = new Int32Array(rows + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = matrix[i]![j]!;
      if (Number.isFinite(x)) {
        col.push(j);
        value.push(x);
      }
    }
    rowStart[i + 1] = col.length;
  }
  return {
    rows,
    cols,
    edges: { rowStart, col: Int32Array.from(col), value: Float64Array.from(value) },
  };
}

/** A random matrix; `forbidden` is the chance of a cell being forbidden. */
export function randomMatrix(
  rand: () => number,
  rows: number,
  cols: number,
  options: { forbidden: number; integers?: number; maximize: boolean },
): number[][] {
  const blocked = options.maximize ? -Infinity : Infinity;
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => {
      if (rand() < options.forbidden) return rand() < 0.2 ? NaN : blocked;
      return options.integers === undefined
        ? (rand() - 0.5) * 200
        : Math.floor(rand() * options.integers) - Math.floor(options.integers / 3);
    }),
  );
}

/**
 * Independent reference: the textbook O(n²m) Hungarian algorithm (potentials, one row at a time)
 * on a finite `n × m` cost matrix with n ≤ m. Returns the minimum total.
 */
export function referenceMinTotal(cost: readonly (readonly number[])[]): number {
  const n = cost.length;
  const m = n === 0 ? 0 : cost[0]!.length;
  if (n > m) throw new RangeError("reference expects rows ≤ cols");
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0); // p[j]: row (1-based) matched to column j
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= m; j++) if (p[j] !== 0) total += cost[p[j]! - 1]![j - 1]!;
  return total;
}

/** A random sparse problem: each row lists `degree` distinct random columns (fewer if cols is small). */
export function randomSparse(
  rand: () => number,
  rows: number,
  cols: number,
  degree: number,
  integers?: number,
): SparseProblem {
  const rowStart = new Int32Array(rows + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < rows; i++) {
    const picked = new Set<number>();
    const want = Math.min(degree, cols);
    while (picked.size < want) picked.add(Math.floor(rand() * cols));
    for (const j of picked) {
      col.push(j);
      value.push(integers === undefined ? rand() * 100 : Math.floor(rand() * integers));
    }
    rowStart[i + 1] = col.length;
  }
  return {
    rows,
    cols,
    edges: { rowStart, col: Int32Array.from(col), value: Float64Array.from(value) },
  };
}

/** The dense `number[][]` form of a sparse problem; unlisted cells are `blocked`. */
export function sparseToRows(p: SparseProblem, blocked: number): number[][] {
  const out = Array.from({ length: p.rows }, () => new Array<number>(p.cols).fill(blocked));
  const { rowStart, col, value } = p.edges;
  for (let i = 0; i < p.rows; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) out[i]![col[e]!] = value[e]!;
  }
  return out;
}
