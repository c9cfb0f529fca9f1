import { InfeasibleAssignmentError } from "./errors.js";
import type { LapSolution } from "./types.js";
import { assignColumnMinima } from "./column-reduction.js";

/**
 * Dense minimum-cost assignment for an `n × m` cost matrix with `n ≤ m`, stored row-major in `c`.
 * Forbidden cells hold `+Infinity`; every other cell must be finite. Every row is matched.
 *
 * Jonker–Volgenant (1987): an initialisation that leaves most rows matched while keeping the
 * dual potentials feasible, then one shortest augmenting path per remaining free row. The
 * shortest-path phase is exact, so the initialisation only changes the running time, never
 * the optimum. Implicit row potentials: for a matched row `u[i] = c[i][x[i]] - v[x[i]]`, the row
 * minimum of `c[i][·] - v[·]`.
 *
 * - Square (`n = m`): column reduction, reduction transfer, two rounds of augmenting row
 *   reduction (JV's own initialisation).
 * - Rectangular (`n < m`): columns may stay unmatched, so their prices must stay at the common
 *   maximum (0). Row reduction with `v = 0` and augmenting row reduction (which only lowers the
 *   price of columns it then matches) keep that invariant; the augmentation never reprices an
 *   unmatched column either. This is the LP dual `u` free, `v ≤ 0`, `v = 0` on unmatched columns.
 */
export function denseLap(n: number, m: number, c: Float64Array): LapSolution {
  const x = new Int32Array(n).fill(-1); // column of each row
  const y = new Int32Array(m).fill(-1); // row of each column
  const v = new Float64Array(m);
  const free = new Int32Array(n);
  let numFree: number;
  if (n === 0) return finish(n, m, c, x, y, v);

  if (n === m) numFree = initSquare(n, c, x, y, v, free);
  else numFree = initRectangular(n, m, c, x, y, free);

  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    numFree = augmentingRowReduction(n, m, c, x, y, v, free, numFree);
  }

  if (numFree > 0) augmentAll(m, c, x, y, v, free, numFree);
  return finish(n, m, c, x, y, v);
}

function finish(
  n: number,
  m: number,
  c: Float64Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
): LapSolution {
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = x[i]!;
    u[i] = c[i * m + j]! - v[j]!;
  }
  return { col4row: x, row4col: y, u, v };
}

/** JV column reduction and reduction transfer. Returns the number of free rows in `free`. */
function initSquare(
  n: number,
  c: Float64Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
  free: Int32Array,
): number {
  // Column minima, computed in one row-major pass (cache friendly) instead of column by column.
  const colMinRow = new Int32Array(n).fill(-1);
  v.fill(Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const h = c[base + j]!;
      if (h < v[j]!) {
        v[j] = h;
        colMinRow[j] = i;
      }
    }
  }
  const matches = assignColumnMinima(colMinRow, v, x, y);
  // Reduction transfer: a row matched once hands its slack to its column's price.
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const k = matches[i]!;
    if (k === 0) {
      free[numFree++] = i;
    } else if (k === 1) {
      const j1 = x[i]!;
      const base = i * n;
      let min = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === j1) continue;
        const h = c[base + j]! - v[j]!;
        if (h < min) min = h;
      }
      if (min < Infinity) v[j1] = v[j1]! - min;
    }
  }
  return numFree;
}

/** Row reduction with all prices 0: each row takes its cheapest column if that column is free. */
function initRectangular(
  n: number,
  m: number,
  c: Float64Array,
  x: Int32Array,
  y: Int32Array,
  free: Int32Array,
): number {
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const base = i * m;
    let min = Infinity;
    let best = -1;
    for (let j = 0; j < m; j++) {
      const h = c[base + j]!;
      if (h < min || (h === min && best >= 0 && y[best]! >= 0 && y[j]! < 0)) {
        min = h;
        best = j;
      }
    }
    if (best < 0) throw new InfeasibleAssignmentError();
    if (y[best]! < 0) {
      x[i] = best;
      y[best] = i;
    } else {
      free[numFree++] = i;
    }
  }
  return numFree;
}

/**
 * One round of JV's augmenting row reduction. A free row takes its cheapest column; when the
 * second cheapest is strictly dearer the column's price drops by the gap, so the row stays at its
 * minimum; a displaced row is retried at once (strict gap) or in the next round (tie). Prices only
 * ever drop, on columns that end up matched, so the dual stays feasible. The immediate retries are
 * capped so that tiny floating-point gaps cannot make the round crawl; rows left over go to the
 * exact shortest-path phase.
 */
function augmentingRowReduction(
  n: number,
  m: number,
  c: Float64Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
  free: Int32Array,
  prevNumFree: number,
): number {
  let numFree = 0;
  let k = 0;
  let budget = 4 * n + 64;
  while (k < prevNumFree) {
    const i = free[k++]!;
    const base = i * m;
    let umin = Infinity;
    let usubmin = Infinity;
    let j1 = -1;
    let j2 = -1;
    for (let j = 0; j < m; j++) {
      const h = c[base + j]! - v[j]!;
      if (h < usubmin) {
        if (h >= umin) {
          usubmin = h;
          j2 = j;
        } else {
          usubmin = umin;
          umin = h;
          j2 = j1;
          j1 = j;
        }
      }
    }
    if (j1 < 0) throw new InfeasibleAssignmentError();
    let i0 = y[j1]!;
    const strict = umin < usubmin;
    if (usubmin === Infinity) {
      // Only one allowed column: take it if free, otherwise leave the row to the augmentation.
      if (i0 >= 0) {
        free[numFree++] = i;
        continue;
      }
    } else if (strict) {
      v[j1] = v[j1]! - (usubmin - umin);
    } else if (i0 >= 0) {
      j1 = j2;
      i0 = y[j2]!;
    }
    x[i] = j1;
    y[j1] = i;
    if (i0 >= 0) {
      x[i0] = -1;
      if (strict && usubmin !== Infinity && budget-- > 0) free[--k] = i0;
      else free[numFree++] = i0;
    }
  }
  return numFree;
}

/**
 * Shortest augmenting path for each free row: dense Dijkstra over reduced costs, relaxing and
 * picking the next column in one fused pass over the columns not yet finished (the loop of
 * scipy's `rectangular_lsap.cpp`). Ties prefer an unmatched column, which ends the search early.
 * Row potentials stay implicit (`u = c[i][x[i]] - v[x[i]]`), so only finished columns are
 * repriced.
 */
function augmentAll(
  m: number,
  c: Float64Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
  free: Int32Array,
  numFree: number,
): void {
  const dist = new Float64Array(m);
  const pred = new Int32Array(m);
  const remaining = new Int32Array(m);
  const finished = new Int32Array(m);
  for (let f = 0; f < numFree; f++) {
    const freeRow = free[f]!;
    dist.fill(Infinity);
    for (let j = 0; j < m; j++) remaining[j] = j;
    let numRemaining = m;
    let numFinished = 0;
    let minVal = 0;
    let i = freeRow;
    let sink: number;
    for (;;) {
      const base = i * m;
      // r = minVal + c[i][j] - u[i] - v[j], with u[freeRow] taken as 0.
      const off = i === freeRow ? minVal : minVal - (c[base + x[i]!]! - v[x[i]!]!);
      let lowest = Infinity;
      let index = -1;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it]!;
        const r = c[base + j]! - v[j]! + off;
        let dj = dist[j]!;
        if (r < dj) {
          pred[j] = i;
          dist[j] = r;
          dj = r;
        }
        if (dj < lowest || (dj === lowest && y[j]! < 0)) {
          lowest = dj;
          index = it;
        }
      }
      if (lowest === Infinity) throw new InfeasibleAssignmentError();
      minVal = lowest;
      const j = remaining[index]!;
      if (y[j]! < 0) {
        sink = j;
        break;
      }
      finished[numFinished++] = j;
      remaining[index] = remaining[--numRemaining]!;
      i = y[j]!;
    }
    // Reprice the finished columns (the rows matched to them follow implicitly).
    for (let k = 0; k < numFinished; k++) {
      const j = finished[k]!;
      v[j] = v[j]! + dist[j]! - minVal;
    }
    // Flip the augmenting path.
    let j = sink;
    for (;;) {
      const r = pred[j]!;
      y[j] = r;
      const next = x[r]!;
      x[r] = j;
      if (r === freeRow) break;
      j = next;
    }
  }
}
