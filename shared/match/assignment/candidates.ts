import { denseLap } from "./dense-lap.js";
import { denseCosts, type DenseView } from "./dense-view.js";
import { InfeasibleAssignmentError } from "./errors.js";
import { sparseLap, type CsrCosts, type WarmStart } from "./sparse-lap.js";
import type { LapSolution } from "./types.js";

/*
 * Candidate-edge solving with a dual certificate.
 *
 * Solve the sparse subproblem made of each row's and each column's cheapest cells, then check
 * the result against the whole problem.
 *
 * Why the result is exact: the sparse solver returns a complete assignment with potentials
 * `u`, `v` such that every candidate cell has reduced cost `c - u - v ≥ 0`, matched cells have
 * reduced cost 0 and, when `n < m`, `v ≤ 0` with `v = 0` on unmatched columns. If every other
 * allowed cell of the full problem also has reduced cost ≥ 0, `(u, v)` is feasible for the dual
 * of the full problem and satisfies complementary slackness with the assignment, so by LP
 * duality the assignment is optimal for the full problem, not just for the candidates. Cells that
 * violate the certificate join the candidates and the subproblem is solved again (square
 * problems resume from the previous prices, unmatching only the rows that gained a violating
 * cell). If the candidates admit no complete assignment, twice as many cheapest cells are taken.
 * After `maxRounds` solves the full problem is solved directly, so the answer never depends on
 * the candidates being good, only the running time does. The check allows a slack per cell of
 * 1e-11 × the largest |cost| or |potential| seen, i.e. floating-point noise: the total can then
 * differ from the optimum by at most n times that.
 */

export interface CandidateOptions {
  /** Cheapest cells kept per (internal) row. */
  readonly perRow: number;
  /** Cheapest cells kept per (internal) column, so that every column has some way in. */
  readonly perCol: number;
  /** Certificate failures tolerated (each adds the violating cells) before solving in full. */
  readonly maxRounds: number;
}

/** Default sizes, tuned on the benchmark (uniform, roster-like and sparse institution cases). */
export function defaultCandidateOptions(): CandidateOptions {
  return { perRow: 8, perCol: 3, maxRounds: 8 };
}

/** How a candidate solve went; for tests and the benchmark. */
export interface CandidateStats {
  /** Sparse solves run (1 when the first certificate held). */
  rounds: number;
  /** Candidate cells in the last sparse solve. */
  edges: number;
  /** Whether the full problem had to be solved directly. */
  fellBack: boolean;
  /** Rows holding certificate violations after each sparse solve. */
  dirtyRows: number[];
}

/** A full problem the candidate loop can draw cells from and check a solution against. */
interface CandidateSource {
  readonly n: number;
  readonly m: number;
  /** The initial candidates (every row's `perRow` and every column's `perCol` cheapest cells). */
  initial(perRow: number, perCol: number): CsrCosts;
  /**
   * Collects the cells whose reduced cost is below `-tol` and returns the rows holding them
   * (empty: the certificate holds), or `null` when the column prices break the rectangular dual
   * (impossible with `sparseLap`'s invariants; then no added cell would help).
   */
  check(s: LapSolution, tol: number): number[] | null;
  /** Candidate cells beyond which solving the full problem directly is cheaper. */
  readonly maxEdges: number;
  /** Whether `csr` (chosen with `perRow` cells per row) holds every allowed cell. */
  isComplete(csr: CsrCosts, perRow: number): boolean;
  /** The candidates plus the cells collected by the last `check`. */
  grow(current: CsrCosts): CsrCosts;
  /** Solves the full problem directly. */
  full(): LapSolution;
}

function runCandidates(
  source: CandidateSource,
  options: CandidateOptions = defaultCandidateOptions(),
): { solution: LapSolution; stats: CandidateStats } {
  const stats: CandidateStats = { rounds: 0, edges: 0, fellBack: false, dirtyRows: [] };
  const { n, m } = source;
  let perRow = options.perRow;
  let perCol = options.perCol;
  let current = source.initial(perRow, perCol);
  let warm: WarmStart | undefined;
  for (let round = 0; round <= options.maxRounds; round++) {
    stats.rounds = round + 1;
    stats.edges = current.col.length;
    let solution: LapSolution;
    try {
      solution = sparseLap(current, warm);
    } catch (error) {
      // Too few candidates to match everyone (a warm start, on more cells than a feasible
      // solve, never gets here): take more of each row's and column's cheapest cells.
      if (!(error instanceof InfeasibleAssignmentError) || warm !== undefined) throw error;
      // With every allowed cell already a candidate, the full problem is infeasible too.
      if (source.isComplete(current, perRow)) throw error;
      perRow = Math.min(2 * perRow, m);
      perCol = Math.min(2 * perCol, n);
      current = source.initial(perRow, perCol);
      if (current.col.length > source.maxEdges) break;
      continue;
    }
    const dirtyRows = source.check(solution, 1e-11 * magnitude(current, solution));
    if (dirtyRows === null) break;
    stats.dirtyRows.push(dirtyRows.length);
    if (dirtyRows.length === 0) return { solution, stats };
    if (round === options.maxRounds) break;
    current = source.grow(current);
    if (current.col.length > source.maxEdges) break;
    // Square problems resume from the current prices, which is far cheaper than starting over;
    // a rectangular one cannot (a column freed at a negative price would break its dual).
    warm = n === m ? { col4row: solution.col4row, v: solution.v, dirtyRows } : undefined;
  }
  stats.fellBack = true;
  return { solution: source.full(), stats };
}

/** Exact dense assignment via candidates (see the comment at the top of this file). */
export function solveDenseByCandidates(
  view: DenseView,
  options?: CandidateOptions,
): { solution: LapSolution; stats: CandidateStats } {
  return runCandidates(new DenseSource(view), options);
}

/** Exact sparse assignment via candidates drawn from a larger sparse problem. */
export function solveSparseByCandidates(
  csr: CsrCosts,
  options?: CandidateOptions,
): { solution: LapSolution; stats: CandidateStats } {
  return runCandidates(new CsrSource(csr), options);
}

/** A deterministic, well-spread starting offset in `0 .. size - 1` for row `i`. */
function rotation(i: number, size: number): number {
  return size === 0 ? 0 : (Math.imul(i + 1, 0x9e3779b1) >>> 0) % size;
}

/** Inserts (h, id) into the ascending list `val/ids[base .. base + k)`; returns the new k-th value. */
function insertSorted(
  val: Float64Array,
  ids: Int32Array,
  base: number,
  k: number,
  h: number,
  id: number,
): number {
  let t = base + k - 1;
  while (t > base && val[t - 1]! > h) {
    val[t] = val[t - 1]!;
    ids[t] = ids[t - 1]!;
    t--;
  }
  val[t] = h;
  ids[t] = id;
  return val[base + k - 1]!;
}

/** Largest |x| over the candidate costs and the potentials: the scale of rounding errors. */
function magnitude(csr: CsrCosts, s: LapSolution): number {
  let scale = 0;
  for (const array of [csr.cost, s.u, s.v]) {
    for (let k = 0; k < array.length; k++) {
      const a = Math.abs(array[k]!);
      if (a > scale) scale = a;
    }
  }
  return scale;
}

/** Whether the column prices satisfy the rectangular dual (`v ≤ 0`, `v = 0` when unmatched). */
function columnPricesOk(s: LapSolution, n: number, m: number, tol: number): boolean {
  if (n === m) return true;
  const { row4col, v } = s;
  for (let j = 0; j < m; j++) {
    if (v[j]! > tol || (row4col[j]! < 0 && v[j]! < -tol)) return false;
  }
  return true;
}

class DenseSource implements CandidateSource {
  readonly n: number;
  readonly m: number;
  readonly maxEdges: number;
  /** Violating cells from the last check, as flat internal (r, s) pairs. */
  private pairs: number[] = [];

  constructor(private readonly view: DenseView) {
    this.n = view.transpose ? view.cols : view.rows;
    this.m = view.transpose ? view.rows : view.cols;
    this.maxEdges = (this.n * this.m) / 8;
  }

  private cost(r: number, s: number): number {
    const { cols, data, sign, transpose } = this.view;
    return sign * (transpose ? data[s * cols + r]! : data[r * cols + s]!);
  }

  /**
   * One row-major pass over the caller's data keeping the cheapest cells of every original row
   * and column, then the internal CSR of their union.
   */
  initial(perRow: number, perCol: number): CsrCosts {
    const { rows, cols, data, sign, transpose } = this.view;
    const kr = Math.min(transpose ? perCol : perRow, cols); // kept per original row
    const kc = Math.min(transpose ? perRow : perCol, rows); // kept per original column
    const rowVal = new Float64Array(rows * kr).fill(Infinity);
    const rowIds = new Int32Array(rows * kr).fill(-1);
    const colVal = new Float64Array(cols * kc).fill(Infinity);
    const colIds = new Int32Array(cols * kc).fill(-1);
    const colThr = new Float64Array(cols).fill(kc > 0 ? Infinity : -Infinity);
    // Row and column minima, so that rows rank cells net of column offsets and columns net of
    // row offsets (a popular mentor, a generous scorer): otherwise every row would pick the same
    // few columns. NaN never passes a comparison; -∞ (forbidden) is filtered explicitly.
    const rowMin = new Float64Array(rows).fill(Infinity);
    const colMin = new Float64Array(cols).fill(Infinity);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let rmin = Infinity;
      for (let j = 0; j < cols; j++) {
        const h = sign * data[base + j]!;
        if (h < rmin && h !== -Infinity) rmin = h;
        if (h < colMin[j]! && h !== -Infinity) colMin[j] = h;
      }
      rowMin[i] = rmin;
    }
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      const rb = i * kr;
      const ri = rowMin[i]!;
      let thr = kr > 0 ? Infinity : -Infinity;
      // Each row starts its scan at a different column, so that among tied cells (the first
      // found is kept) rows spread over different columns instead of all taking the first ones.
      let j = rotation(i, cols);
      for (let t = 0; t < cols; t++, j++) {
        if (j === cols) j = 0;
        const h = sign * data[base + j]!;
        const byRow = h - colMin[j]!;
        if (byRow < thr && h !== -Infinity) thr = insertSorted(rowVal, rowIds, rb, kr, byRow, j);
        const byCol = h - ri;
        if (byCol < colThr[j]! && h !== -Infinity) {
          colThr[j] = insertSorted(colVal, colIds, j * kc, kc, byCol, i);
        }
      }
    }

    // Internal rows take their "direct" lists as they are and the other side's lists scattered.
    const { n, m } = this;
    const directIds = transpose ? colIds : rowIds;
    const kd = transpose ? kc : kr;
    const scatterIds = transpose ? rowIds : colIds;
    const ks = transpose ? kr : kc;

    const extraStart = new Int32Array(n + 1);
    for (let k = 0; k < scatterIds.length; k++) {
      const r = scatterIds[k]!;
      if (r >= 0) extraStart[r + 1]!++;
    }
    for (let r = 0; r < n; r++) extraStart[r + 1]! += extraStart[r]!;
    const extraCol = new Int32Array(extraStart[n]!);
    const fill = extraStart.slice(0, n);
    for (let k = 0; k < scatterIds.length; k++) {
      const r = scatterIds[k]!;
      if (r >= 0) extraCol[fill[r]!++] = (k / ks) | 0;
    }

    const mark = new Int32Array(m);
    const rowStart = new Int32Array(n + 1);
    const colBuf = new Int32Array(n * kd + extraCol.length);
    let e = 0;
    for (let r = 0; r < n; r++) {
      const stamp = r + 1;
      const db = r * kd;
      for (let t = 0; t < kd; t++) {
        const s = directIds[db + t]!;
        if (s >= 0 && mark[s] !== stamp) {
          mark[s] = stamp;
          colBuf[e++] = s;
        }
      }
      const end = extraStart[r + 1]!;
      for (let t = extraStart[r]!; t < end; t++) {
        const s = extraCol[t]!;
        if (mark[s] !== stamp) {
          mark[s] = stamp;
          colBuf[e++] = s;
        }
      }
      rowStart[r + 1] = e;
    }
    const col = colBuf.slice(0, e);
    const cost = new Float64Array(e);
    for (let r = 0; r < n; r++) {
      const end = rowStart[r + 1]!;
      for (let k = rowStart[r]!; k < end; k++) cost[k] = this.cost(r, col[k]!);
    }
    return { rows: n, cols: m, rowStart, col, cost };
  }

  check(s: LapSolution, tol: number): number[] | null {
    const { rows, cols, data, sign, transpose } = this.view;
    const { n, m } = this;
    if (!columnPricesOk(s, n, m, tol)) return null;
    const { col4row, v } = s;
    // Row potentials lowered by the slack: a cell violates when its cost < u + v.
    const u = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const j = col4row[r]!;
      u[r] = this.cost(r, j) - v[j]! - tol;
    }
    const pairs: number[] = [];
    const dirty = new Uint8Array(n);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      if (!transpose) {
        const ui = u[i]!;
        for (let j = 0; j < cols; j++) {
          const h = sign * data[base + j]!;
          // Forbidden (non-finite) cells are unconstrained.
          if (h < ui + v[j]! && h - h === 0) {
            pairs.push(i, j);
            dirty[i] = 1;
          }
        }
      } else {
        const vi = v[i]!;
        for (let j = 0; j < cols; j++) {
          const h = sign * data[base + j]!;
          if (h < u[j]! + vi && h - h === 0) {
            pairs.push(j, i);
            dirty[j] = 1;
          }
        }
      }
    }
    this.pairs = pairs;
    const dirtyRows: number[] = [];
    for (let r = 0; r < n; r++) if (dirty[r] === 1) dirtyRows.push(r);
    return dirtyRows;
  }

  isComplete(_csr: CsrCosts, perRow: number): boolean {
    return perRow >= this.m;
  }

  grow(csr: CsrCosts): CsrCosts {
    const { pairs } = this;
    const { n, m } = this;
    const rowStart = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) rowStart[r + 1] = csr.rowStart[r + 1]! - csr.rowStart[r]!;
    for (let k = 0; k < pairs.length; k += 2) rowStart[pairs[k]! + 1]!++;
    for (let r = 0; r < n; r++) rowStart[r + 1]! += rowStart[r]!;
    const fill = rowStart.slice(0, n);
    const col = new Int32Array(rowStart[n]!);
    const cost = new Float64Array(col.length);
    for (let r = 0; r < n; r++) {
      const end = csr.rowStart[r + 1]!;
      for (let t = csr.rowStart[r]!; t < end; t++) {
        const e = fill[r]!++;
        col[e] = csr.col[t]!;
        cost[e] = csr.cost[t]!;
      }
    }
    for (let k = 0; k < pairs.length; k += 2) {
      const r = pairs[k]!;
      const s = pairs[k + 1]!;
      const e = fill[r]!++;
      col[e] = s;
      cost[e] = this.cost(r, s);
    }
    return { rows: n, cols: m, rowStart, col, cost };
  }

  full(): LapSolution {
    return denseLap(this.n, this.m, denseCosts(this.view));
  }
}

class CsrSource implements CandidateSource {
  readonly n: number;
  readonly m: number;
  readonly maxEdges: number;
  /** Which edges of the full problem are candidates. */
  private readonly keep: Uint8Array;

  constructor(private readonly csr: CsrCosts) {
    this.n = csr.rows;
    this.m = csr.cols;
    this.keep = new Uint8Array(csr.col.length);
    this.maxEdges = csr.col.length / 2;
  }

  initial(perRow: number, perCol: number): CsrCosts {
    const { rowStart, col, cost } = this.csr;
    const { n, m, keep } = this;
    keep.fill(0);
    const rowVal = new Float64Array(perRow);
    const rowIds = new Int32Array(perRow);
    const colVal = new Float64Array(m * perCol).fill(Infinity);
    const colIds = new Int32Array(m * perCol).fill(-1);
    const colThr = new Float64Array(m).fill(perCol > 0 ? Infinity : -Infinity);
    // Ranked net of row and column offsets, as for dense sources.
    const rowMin = new Float64Array(n).fill(Infinity);
    const colMin = new Float64Array(m).fill(Infinity);
    for (let i = 0; i < n; i++) {
      const end = rowStart[i + 1]!;
      let rmin = Infinity;
      for (let e = rowStart[i]!; e < end; e++) {
        const h = cost[e]!;
        const j = col[e]!;
        if (h < rmin) rmin = h;
        if (h < colMin[j]!) colMin[j] = h;
      }
      rowMin[i] = rmin;
    }
    for (let i = 0; i < n; i++) {
      const start = rowStart[i]!;
      const end = rowStart[i + 1]!;
      const small = end - start <= perRow;
      if (small) {
        keep.fill(1, start, end);
      } else {
        rowVal.fill(Infinity);
        rowIds.fill(-1);
      }
      const ri = rowMin[i]!;
      let thr = small ? -Infinity : Infinity;
      let e = start + rotation(i, end - start);
      for (let t = start; t < end; t++, e++) {
        if (e === end) e = start;
        const h = cost[e]!;
        const j = col[e]!;
        const byRow = h - colMin[j]!;
        if (byRow < thr) thr = insertSorted(rowVal, rowIds, 0, perRow, byRow, e);
        const byCol = h - ri;
        if (byCol < colThr[j]!)
          colThr[j] = insertSorted(colVal, colIds, j * perCol, perCol, byCol, e);
      }
      if (!small) for (let t = 0; t < perRow; t++) keep[rowIds[t]!] = 1;
    }
    for (let k = 0; k < colIds.length; k++) {
      const e = colIds[k]!;
      if (e >= 0) keep[e] = 1;
    }
    return this.kept();
  }

  private kept(): CsrCosts {
    const { rowStart, col, cost } = this.csr;
    const { n, m, keep } = this;
    let count = 0;
    for (let e = 0; e < keep.length; e++) count += keep[e]!;
    const outStart = new Int32Array(n + 1);
    const outCol = new Int32Array(count);
    const outCost = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const end = rowStart[i + 1]!;
      for (let e = rowStart[i]!; e < end; e++) {
        if (keep[e] === 1) {
          outCol[k] = col[e]!;
          outCost[k++] = cost[e]!;
        }
      }
      outStart[i + 1] = k;
    }
    return { rows: n, cols: m, rowStart: outStart, col: outCol, cost: outCost };
  }

  check(s: LapSolution, tol: number): number[] | null {
    const { rowStart, col, cost } = this.csr;
    const { n, m, keep } = this;
    if (!columnPricesOk(s, n, m, tol)) return null;
    const { col4row, v } = s;
    const dirtyRows: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = rowStart[i]!;
      const end = rowStart[i + 1]!;
      const jm = col4row[i]!;
      let own = NaN;
      for (let e = start; e < end; e++) {
        if (col[e] === jm) {
          own = cost[e]!;
          break;
        }
      }
      const ui = own - v[jm]! - tol;
      let dirty = false;
      for (let e = start; e < end; e++) {
        if (cost[e]! < ui + v[col[e]!]! && keep[e] === 0) {
          keep[e] = 1;
          dirty = true;
        }
      }
      if (dirty) dirtyRows.push(i);
    }
    return dirtyRows;
  }

  isComplete(csr: CsrCosts): boolean {
    return csr.col.length === this.csr.col.length;
  }

  grow(): CsrCosts {
    return this.kept();
  }

  full(): LapSolution {
    return sparseLap(this.csr);
  }
}
