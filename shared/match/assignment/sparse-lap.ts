import { InfeasibleAssignmentError } from "./errors.js";
import type { LapSolution } from "./types.js";
import { assignColumnMinima } from "./column-reduction.js";

/**
 * A sparse minimisation problem in CSR form with `rows ≤ cols`: row `i`'s allowed cells are
 * `col[e]`, `cost[e]` for `e` in `rowStart[i] .. rowStart[i + 1] - 1`. Costs are finite, and a
 * row lists each column at most once.
 */
export interface CsrCosts {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly cost: Float64Array;
}

/**
 * Exact sparse minimum-cost assignment matching every row: the same shortest-augmenting-path
 * method as the dense kernel (and as scipy's `linear_sum_assignment`), with Dijkstra run over the
 * listed edges only, using reduced costs `cost - u - v` and an indexed binary heap.
 *
 * Initialisation mirrors Jonker–Volgenant: column reduction + reduction transfer when square,
 * row reduction when rectangular, then two rounds of augmenting row reduction. As in the dense
 * kernel, unmatched columns keep price 0 and every price only drops, so the dual stays feasible
 * for the rectangular LP (`v ≤ 0`, `v = 0` on unmatched columns).
 */
export function sparseLap(p: CsrCosts, warm?: WarmStart): LapSolution {
  const n = p.rows;
  const m = p.cols;
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(m).fill(-1);
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const free = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (p.rowStart[i + 1]! <= p.rowStart[i]!) throw new InfeasibleAssignmentError();
  }
  let numFree: number;
  if (warm !== undefined) numFree = initWarm(p, warm, x, y, u, v, free);
  else if (n === m) numFree = initSquare(p, x, y, u, v, free);
  else numFree = initRectangular(p, x, y, u, free);
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    numFree = augmentingRowReduction(p, x, y, u, v, free, numFree);
  }
  if (numFree > 0) augmentAll(p, x, y, u, v, free, numFree);
  // Make matched cells exactly tight (removes drift from the incremental updates).
  for (let i = 0; i < n; i++) {
    const j = x[i]!;
    const end = p.rowStart[i + 1]!;
    for (let e = p.rowStart[i]!; e < end; e++) {
      if (p.col[e] === j) {
        u[i] = p.cost[e]! - v[j]!;
        break;
      }
    }
  }
  return { col4row: x, row4col: y, u, v };
}

/**
 * A previous optimal solution of a square problem whose edge set has since grown. `dirtyRows`
 * lists the rows that gained an edge breaking the old dual; every other row's edges still satisfy
 * it.
 */
export interface WarmStart {
  readonly col4row: Int32Array;
  readonly v: Float64Array;
  readonly dirtyRows: readonly number[];
}

/**
 * Square problems only. Keeps the old prices and matching, unmatching just the dirty rows: the
 * prices stay dual feasible for every row (a free row's potential is recomputed when it is
 * matched), and every still-matched row is still at its minimum. Unmatched columns may have any
 * price because every column ends up matched when `n = m`.
 */
function initWarm(
  p: CsrCosts,
  warm: WarmStart,
  x: Int32Array,
  y: Int32Array,
  u: Float64Array,
  v: Float64Array,
  free: Int32Array,
): number {
  const { rows: n, rowStart, col, cost } = p;
  if (n !== p.cols) throw new RangeError("warm starts are for square problems only");
  x.set(warm.col4row);
  v.set(warm.v);
  let numFree = 0;
  for (const i of warm.dirtyRows) {
    if (x[i]! >= 0) {
      x[i] = -1;
      free[numFree++] = i;
    }
  }
  for (let i = 0; i < n; i++) {
    const j = x[i]!;
    if (j < 0) continue;
    y[j] = i;
    const end = rowStart[i + 1]!;
    for (let e = rowStart[i]!; e < end; e++) {
      if (col[e] === j) {
        u[i] = cost[e]! - v[j]!;
        break;
      }
    }
  }
  return numFree;
}

function initSquare(
  p: CsrCosts,
  x: Int32Array,
  y: Int32Array,
  u: Float64Array,
  v: Float64Array,
  free: Int32Array,
): number {
  const { rows: n, rowStart, col, cost } = p;
  const colMinRow = new Int32Array(n).fill(-1);
  v.fill(Infinity);
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1]!;
    for (let e = rowStart[i]!; e < end; e++) {
      const j = col[e]!;
      const h = cost[e]!;
      if (h < v[j]!) {
        v[j] = h;
        colMinRow[j] = i;
      }
    }
  }
  const matches = assignColumnMinima(colMinRow, v, x, y);
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const k = matches[i]!;
    if (k === 0) {
      free[numFree++] = i;
      continue;
    }
    const j1 = x[i]!;
    const end = rowStart[i + 1]!;
    let own = 0;
    let min = Infinity;
    for (let e = rowStart[i]!; e < end; e++) {
      const j = col[e]!;
      const h = cost[e]! - v[j]!;
      if (j === j1) own = h;
      else if (h < min) min = h;
    }
    if (k === 1 && min < Infinity) {
      v[j1] = v[j1]! - min;
      u[i] = min;
    } else {
      u[i] = own;
    }
  }
  return numFree;
}

function initRectangular(
  p: CsrCosts,
  x: Int32Array,
  y: Int32Array,
  u: Float64Array,
  free: Int32Array,
): number {
  const { rows: n, rowStart, col, cost } = p;
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1]!;
    let min = Infinity;
    let best = -1;
    for (let e = rowStart[i]!; e < end; e++) {
      const j = col[e]!;
      const h = cost[e]!;
      if (h < min || (h === min && y[best]! >= 0 && y[j]! < 0)) {
        min = h;
        best = j;
      }
    }
    u[i] = min;
    if (y[best]! < 0) {
      x[i] = best;
      y[best] = i;
    } else {
      free[numFree++] = i;
    }
  }
  return numFree;
}

/** See the dense kernel: the same round, over each row's edges. */
function augmentingRowReduction(
  p: CsrCosts,
  x: Int32Array,
  y: Int32Array,
  u: Float64Array,
  v: Float64Array,
  free: Int32Array,
  prevNumFree: number,
): number {
  const { rows: n, rowStart, col, cost } = p;
  let numFree = 0;
  let k = 0;
  let budget = 4 * n + 64;
  while (k < prevNumFree) {
    const i = free[k++]!;
    const end = rowStart[i + 1]!;
    let umin = Infinity;
    let usubmin = Infinity;
    let j1 = -1;
    let j2 = -1;
    for (let e = rowStart[i]!; e < end; e++) {
      const j = col[e]!;
      const h = cost[e]! - v[j]!;
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
    let i0 = y[j1]!;
    const strict = umin < usubmin;
    if (usubmin === Infinity) {
      if (i0 >= 0) {
        free[numFree++] = i;
        continue;
      }
      u[i] = umin;
    } else if (strict) {
      v[j1] = v[j1]! - (usubmin - umin);
      u[i] = usubmin;
    } else {
      u[i] = umin;
      if (i0 >= 0) {
        j1 = j2;
        i0 = y[j2]!;
      }
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
 * Dijkstra from each free row over reduced costs. Unmatched columns never enter the heap: the
 * cheapest one reached so far is remembered, and the search stops as soon as no column in the
 * heap is closer. Per-search state is reset lazily with a stamp, so each search costs only what
 * it touches.
 */
function augmentAll(
  p: CsrCosts,
  x: Int32Array,
  y: Int32Array,
  u: Float64Array,
  v: Float64Array,
  free: Int32Array,
  numFree: number,
): void {
  const { cols: m, rowStart, col, cost } = p;
  const dist = new Float64Array(m);
  const pred = new Int32Array(m);
  const seen = new Int32Array(m); // stamp: dist/pred valid for this search
  const done = new Int32Array(m); // stamp: distance final for this search
  const heap = new Int32Array(m);
  const pos = new Int32Array(m);
  const finished = new Int32Array(m);

  for (let f = 0; f < numFree; f++) {
    const stamp = f + 1;
    const freeRow = free[f]!;
    let heapSize = 0;
    let numFinished = 0;
    let sink = -1;
    let sinkDist = Infinity;

    let i = freeRow;
    let base = 0;
    let ui = 0;
    for (;;) {
      // Relax the edges of row i, reached at distance `base`: r = base + cost - u[i] - v[j].
      const off = base - ui;
      const end = rowStart[i + 1]!;
      for (let e = rowStart[i]!; e < end; e++) {
        const j = col[e]!;
        const r = cost[e]! - v[j]! + off;
        if (seen[j] === stamp) {
          // Finished columns are never closer again, up to rounding; the stamp settles that.
          if (r >= dist[j]! || done[j] === stamp) continue;
        } else {
          seen[j] = stamp;
        }
        dist[j] = r;
        pred[j] = i;
        if (y[j]! < 0) {
          if (r < sinkDist) {
            sinkDist = r;
            sink = j;
          }
          continue;
        }
        // Insert or decrease key, then sift up.
        let h = pos[j]!;
        if (h < 0 || h >= heapSize || heap[h] !== j) h = heapSize++;
        while (h > 0) {
          const parent = (h - 1) >> 1;
          const pj = heap[parent]!;
          if (dist[pj]! <= r) break;
          heap[h] = pj;
          pos[pj] = h;
          h = parent;
        }
        heap[h] = j;
        pos[j] = h;
      }
      if (heapSize === 0) break;
      const top = heap[0]!;
      const topDist = dist[top]!;
      if (topDist >= sinkDist) break;
      // Pop the minimum.
      const lastCol = heap[--heapSize]!;
      if (heapSize > 0) {
        const lastDist = dist[lastCol]!;
        let h = 0;
        for (;;) {
          let child = 2 * h + 1;
          if (child >= heapSize) break;
          let cj = heap[child]!;
          let cd = dist[cj]!;
          const right = child + 1;
          if (right < heapSize) {
            const rj = heap[right]!;
            const rd = dist[rj]!;
            if (rd < cd) {
              child = right;
              cj = rj;
              cd = rd;
            }
          }
          if (cd >= lastDist) break;
          heap[h] = cj;
          pos[cj] = h;
          h = child;
        }
        heap[h] = lastCol;
        pos[lastCol] = h;
      }
      pos[top] = -1;
      done[top] = stamp;
      finished[numFinished++] = top;
      i = y[top]!;
      base = topDist;
      ui = u[i]!;
    }
    if (sink < 0) throw new InfeasibleAssignmentError();
    // Dual update: finished columns (and the rows matched to them) move by their slack.
    const minVal = sinkDist;
    for (let k = 0; k < numFinished; k++) {
      const j = finished[k]!;
      const delta = minVal - dist[j]!;
      v[j] = v[j]! - delta;
      const r = y[j]!;
      u[r] = u[r]! + delta;
    }
    u[freeRow] = minVal;
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
    // Clear heap positions of columns still queued (stamps make the rest stale automatically).
    for (let h = 0; h < heapSize; h++) pos[heap[h]!] = -1;
  }
}
