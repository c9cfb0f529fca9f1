import type { CsrCosts } from "./sparse-lap.js";

/**
 * A caller's dense matrix seen as a minimisation problem with `n ≤ m`, without copying it: the
 * cost of internal cell (r, s) is `sign * data[i * cols + j]` with `(i, j) = transpose ? (s, r) :
 * (r, s)`; non-finite entries are forbidden.
 */
export interface DenseView {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
  readonly sign: 1 | -1;
  readonly transpose: boolean;
}

/** Row-major minimisation costs of the `n × m` internal problem; forbidden cells become +∞. */
export function denseCosts(view: DenseView): Float64Array {
  const { rows, cols, data, sign, transpose } = view;
  const c = new Float64Array(rows * cols);
  if (!transpose) {
    for (let k = 0; k < c.length; k++) {
      const x = data[k]!;
      c[k] = x - x === 0 ? sign * x : Infinity;
    }
    return c;
  }
  // c[j][i] = data[i][j], in tiles to stay cache friendly.
  const tile = 64;
  for (let i0 = 0; i0 < rows; i0 += tile) {
    const i1 = Math.min(i0 + tile, rows);
    for (let j0 = 0; j0 < cols; j0 += tile) {
      const j1 = Math.min(j0 + tile, cols);
      for (let i = i0; i < i1; i++) {
        const base = i * cols;
        for (let j = j0; j < j1; j++) {
          const x = data[base + j]!;
          c[j * rows + i] = x - x === 0 ? sign * x : Infinity;
        }
      }
    }
  }
  return c;
}

/** Share of allowed (finite) cells, estimated from a fixed, scattered sample of at most 2^16 cells. */
export function estimateDensity(data: Float64Array): number {
  const len = data.length;
  if (len === 0) return 0;
  if (len <= 1 << 16) {
    let finite = 0;
    for (let k = 0; k < len; k++) {
      const x = data[k]!;
      if (x - x === 0) finite++;
    }
    return finite / len;
  }
  const samples = 1 << 16;
  let finite = 0;
  for (let t = 0; t < samples; t++) {
    // Multiplicative hashing spreads the sample over rows and columns alike.
    const k = Math.floor(((t * 0.6180339887498949) % 1) * len);
    const x = data[k]!;
    if (x - x === 0) finite++;
  }
  return finite / samples;
}

/** CSR costs (internal `n ≤ m` orientation) of the finite cells of a dense view. */
export function denseToCsr(view: DenseView): CsrCosts {
  const { rows, cols, data, sign, transpose } = view;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const rowStart = new Int32Array(n + 1);
  if (!transpose) {
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let count = 0;
      for (let j = 0; j < cols; j++) {
        const x = data[base + j]!;
        if (x - x === 0) count++;
      }
      rowStart[i + 1] = rowStart[i]! + count;
    }
  } else {
    for (let k = 0; k < data.length; k++) {
      const x = data[k]!;
      if (x - x === 0) rowStart[(k % cols) + 1]!++;
    }
    for (let j = 0; j < n; j++) rowStart[j + 1]! += rowStart[j]!;
  }
  const finite = rowStart[n]!;
  const col = new Int32Array(finite);
  const cost = new Float64Array(finite);
  if (!transpose) {
    let e = 0;
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const x = data[base + j]!;
        if (x - x === 0) {
          col[e] = j;
          cost[e++] = sign * x;
        }
      }
    }
  } else {
    const fill = rowStart.slice(0, n);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const x = data[base + j]!;
        if (x - x === 0) {
          const e = fill[j]!++;
          col[e] = i;
          cost[e] = sign * x;
        }
      }
    }
  }
  return { rows: n, cols: m, rowStart, col, cost };
}
