import {
  solveDenseByCandidates,
  solveSparseByCandidates,
  type CandidateOptions,
  type CandidateStats,
} from "./candidates.js";
import { denseLap } from "./dense-lap.js";
import { denseCosts, denseToCsr, estimateDensity, type DenseView } from "./dense-view.js";
import { InvalidMatrixError } from "./errors.js";
import { sparseLap, type CsrCosts } from "./sparse-lap.js";
import type {
  AssignmentOptions,
  AssignmentResult,
  DenseMatrix,
  LapSolution,
  MatrixInput,
  SparseProblem,
} from "./types.js";

/**
 * Dense inputs with at most this share of allowed cells are solved on their allowed cells only
 * (shortest augmenting paths over a sparse graph beat scanning whole rows).
 */
const SPARSE_DENSITY = 0.2;
/** Problems with at least this many rows on the smaller side try candidates first. */
const CANDIDATE_MIN_ROWS = 64;
/** Sparse problems try candidates when rows average more allowed cells than this. */
const CANDIDATE_MIN_DEGREE = 40;

/** Solves a sparse problem directly, or via candidates when rows have many allowed cells. */
function solveCsr(
  csr: CsrCosts,
  candidates?: CandidateOptions,
): { solution: LapSolution; stats?: CandidateStats } {
  if (
    candidates !== undefined ||
    (csr.rows >= CANDIDATE_MIN_ROWS && csr.col.length >= CANDIDATE_MIN_DEGREE * csr.rows)
  ) {
    return solveSparseByCandidates(csr, candidates);
  }
  return { solution: sparseLap(csr) };
}

/** Which kernel `solveAssignment` used; reported by `solveAssignmentDetailed`. */
export type AssignmentStrategy = "trivial" | "dense" | "sparse" | "candidates";

export interface DetailedAssignmentResult extends AssignmentResult {
  /**
   * `dense`: Jonker–Volgenant on the whole matrix; `sparse`: shortest augmenting paths on the
   * allowed cells; `candidates`: the dense matrix's cheapest cells first, checked by the dual
   * certificate.
   */
  readonly strategy: AssignmentStrategy;
  /** Present when candidate cells were tried first (dense or sparse). */
  readonly candidates?: CandidateStats;
}

export interface DetailedAssignmentOptions extends AssignmentOptions {
  /** Force a kernel instead of choosing by shape and density (tests). */
  readonly strategy?: "dense" | "sparse" | "candidates";
  /** Candidate sizes and rounds, when candidates are tried (tests). */
  readonly candidates?: CandidateOptions;
}

/**
 * Optimal assignment with the contract of scipy's `linear_sum_assignment`.
 *
 * - `matrix`: `number[][]` or `{ rows, cols, data: Float64Array }` (row-major). Infinite and NaN
 *   entries are forbidden cells.
 * - When `rows ≤ cols` every row is assigned; otherwise every column is.
 * - Returns `rowToCol` (-1 for an unassigned row) and the sum of the chosen entries.
 * - Throws `InfeasibleAssignmentError` when the forbidden cells rule out a complete assignment,
 *   `InvalidMatrixError` for ragged rows, non-numbers or inconsistent sizes.
 * - Never mutates its input.
 */
export function solveAssignment(
  matrix: MatrixInput,
  options: AssignmentOptions = {},
): AssignmentResult {
  const { rowToCol, total } = solveAssignmentDetailed(matrix, options);
  return { rowToCol, total };
}

/**
 * Sparse form of `solveAssignment`: only the listed cells are allowed (CSR, see `SparseProblem`).
 * Non-finite values are forbidden too; if a cell is listed twice the better value counts.
 */
export function solveSparseAssignment(
  problem: SparseProblem,
  options: AssignmentOptions = {},
): AssignmentResult {
  const { rowToCol, total } = solveSparseAssignmentDetailed(problem, options);
  return { rowToCol, total };
}

/** `solveSparseAssignment`, also reporting whether candidate cells were tried first. */
export function solveSparseAssignmentDetailed(
  problem: SparseProblem,
  options: AssignmentOptions = {},
): DetailedAssignmentResult {
  const maximize = options.maximize === true;
  const { rows, cols } = problem;
  validateSparse(problem);
  if (rows === 0 || cols === 0) return { ...trivial(rows), strategy: "trivial" };
  const transpose = rows > cols;
  const { solution, stats } = solveCsr(sparseCosts(problem, maximize, transpose));
  const result = fromSolution(solution, rows, cols, transpose, (i, j) => {
    const { rowStart, col, value } = problem.edges;
    // The chosen cell's value; if it is listed twice, the better one (as the solver used).
    let best = NaN;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const x = value[e]!;
      if (col[e] !== j || !Number.isFinite(x)) continue;
      if (Number.isNaN(best) || (maximize ? x > best : x < best)) best = x;
    }
    return best;
  });
  const strategy = "sparse";
  return stats === undefined ? { ...result, strategy } : { ...result, strategy, candidates: stats };
}

/** A maximising assignment with the prices that prove it optimal. */
export interface PricedAssignment extends AssignmentResult {
  /**
   * Row and column prices: `value(i, j) ≤ rowPrice[i] + colPrice[j]` on every allowed cell,
   * with equality on chosen cells; when rows < cols, `colPrice ≥ 0` and 0 on unchosen columns. A cell outside
   * the problem that also satisfies the inequality could not improve the total (LP duality).
   */
  readonly rowPrice: Float64Array;
  readonly colPrice: Float64Array;
}

/**
 * `solveSparseAssignment` maximising, for `rows ≤ cols`, also returning the dual prices, so
 * a caller that left cells out can check them afterwards instead of listing them all.
 */
export function solveSparseAssignmentWithPrices(problem: SparseProblem): PricedAssignment {
  const { rows, cols } = problem;
  validateSparse(problem);
  if (rows > cols) throw new InvalidMatrixError("Prices are only given when rows ≤ cols.");
  if (rows === 0)
    return {
      ...trivial(rows),
      rowPrice: new Float64Array(0),
      colPrice: new Float64Array(cols),
    };
  const { solution } = solveCsr(sparseCosts(problem, true, false));
  const result = fromSolution(solution, rows, cols, false, (i, j) => {
    const { rowStart, col, value } = problem.edges;
    let best = NaN;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++)
      if (col[e] === j && Number.isFinite(value[e]!) && !(value[e]! <= best)) best = value[e]!;
    return best;
  });
  return {
    ...result,
    rowPrice: solution.u.map((u) => -u),
    colPrice: solution.v.map((v) => -v),
  };
}

/** `solveAssignment`, also reporting which kernel ran; `strategy` forces one (for tests). */
export function solveAssignmentDetailed(
  matrix: MatrixInput,
  options: DetailedAssignmentOptions = {},
): DetailedAssignmentResult {
  const maximize = options.maximize === true;
  const { rows, cols, data } = toDense(matrix);
  if (rows === 0 || cols === 0) return { ...trivial(rows), strategy: "trivial" };
  const transpose = rows > cols;
  const view: DenseView = { rows, cols, data, sign: maximize ? -1 : 1, transpose };
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;

  let strategy = options.strategy;
  if (strategy === undefined) {
    if (estimateDensity(data) <= SPARSE_DENSITY) strategy = "sparse";
    else if (n >= CANDIDATE_MIN_ROWS) strategy = "candidates";
    else strategy = "dense";
  }

  let solution: LapSolution;
  let stats: CandidateStats | undefined;
  if (strategy === "sparse") {
    ({ solution, stats } = solveCsr(denseToCsr(view), options.candidates));
  } else if (strategy === "dense") {
    solution = denseLap(n, m, denseCosts(view));
  } else {
    ({ solution, stats } = solveDenseByCandidates(view, options.candidates));
  }
  const result = fromSolution(solution, rows, cols, transpose, (i, j) => data[i * cols + j]!);
  return stats === undefined ? { ...result, strategy } : { ...result, strategy, candidates: stats };
}

function trivial(rows: number): AssignmentResult {
  return { rowToCol: new Array<number>(rows).fill(-1), total: 0 };
}

/** Maps a kernel solution (possibly of the transposed problem) back to the caller's rows. */
function fromSolution(
  s: LapSolution,
  rows: number,
  cols: number,
  transpose: boolean,
  value: (i: number, j: number) => number,
): AssignmentResult {
  const rowToCol = new Array<number>(rows).fill(-1);
  if (transpose) {
    for (let j = 0; j < cols; j++) rowToCol[s.col4row[j]!] = j;
  } else {
    for (let i = 0; i < rows; i++) rowToCol[i] = s.col4row[i]!;
  }
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j >= 0) total += value(i, j);
  }
  return { rowToCol, total };
}

function isNonNegativeInteger(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0;
}

/** Validates the input and returns it as row-major data (copying `number[][]` only). */
function toDense(matrix: MatrixInput): DenseMatrix {
  if (Array.isArray(matrix)) {
    const rows = matrix.length;
    const first: unknown = matrix[0];
    const cols = rows === 0 ? 0 : Array.isArray(first) ? first.length : -1;
    const data = new Float64Array(rows * Math.max(cols, 0));
    for (let i = 0; i < rows; i++) {
      const row: unknown = matrix[i];
      if (!Array.isArray(row)) {
        throw new InvalidMatrixError(`Row ${i} of the matrix is not an array.`);
      }
      if (row.length !== cols) {
        throw new InvalidMatrixError(
          `The matrix is ragged: row ${i} has ${row.length} entries but row 0 has ${cols}.`,
        );
      }
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const x: unknown = row[j];
        if (typeof x !== "number") {
          throw new InvalidMatrixError(`Entry (${i}, ${j}) of the matrix is not a number.`);
        }
        data[base + j] = x;
      }
    }
    return { rows, cols, data };
  }
  const m = matrix as Partial<DenseMatrix> | null;
  if (typeof m !== "object" || m === null) {
    throw new InvalidMatrixError("The matrix must be an array of rows or { rows, cols, data }.");
  }
  const { rows, cols, data } = m;
  if (!isNonNegativeInteger(rows) || !isNonNegativeInteger(cols)) {
    throw new InvalidMatrixError("The matrix's rows and cols must be non-negative integers.");
  }
  if (!(data instanceof Float64Array)) {
    throw new InvalidMatrixError("The matrix's data must be a Float64Array.");
  }
  if (data.length !== rows * cols) {
    throw new InvalidMatrixError(
      `The matrix's data has ${data.length} entries, expected rows × cols = ${rows * cols}.`,
    );
  }
  return { rows, cols, data };
}

function validateSparse(p: SparseProblem): void {
  const { rows, cols } = p;
  if (!isNonNegativeInteger(rows) || !isNonNegativeInteger(cols)) {
    throw new InvalidMatrixError("The problem's rows and cols must be non-negative integers.");
  }
  const edges = (p as { edges?: Partial<SparseProblem["edges"]> }).edges;
  const rowStart = edges?.rowStart;
  const col = edges?.col;
  const value = edges?.value;
  if (
    !(rowStart instanceof Int32Array) ||
    !(col instanceof Int32Array) ||
    !(value instanceof Float64Array)
  ) {
    throw new InvalidMatrixError(
      "edges must be { rowStart: Int32Array, col: Int32Array, value: Float64Array }.",
    );
  }
  if (rowStart.length !== rows + 1 || rowStart[0] !== 0) {
    throw new InvalidMatrixError("edges.rowStart must have rows + 1 entries and start at 0.");
  }
  if (col.length !== value.length || rowStart[rows] !== col.length) {
    throw new InvalidMatrixError(
      "edges.col and edges.value must both have rowStart[rows] entries.",
    );
  }
  for (let i = 0; i < rows; i++) {
    if (rowStart[i + 1]! < rowStart[i]!) {
      throw new InvalidMatrixError(`edges.rowStart decreases at row ${i}.`);
    }
  }
  for (let e = 0; e < col.length; e++) {
    const j = col[e]!;
    if (j < 0 || j >= cols) {
      throw new InvalidMatrixError(`Edge ${e} has column ${j}, outside 0..${cols - 1}.`);
    }
  }
}

/**
 * Minimisation CSR (n ≤ m orientation) of a validated sparse problem: non-finite values dropped,
 * a cell listed twice kept once with its better value.
 */
function sparseCosts(p: SparseProblem, maximize: boolean, transpose: boolean): CsrCosts {
  const { rows, cols } = p;
  const { rowStart, col, value } = p.edges;
  const sign = maximize ? -1 : 1;
  // Deduplicated copy in the caller's orientation.
  const slot = new Int32Array(cols).fill(-1);
  const start = new Int32Array(rows + 1);
  const dcol = new Int32Array(col.length);
  const dcost = new Float64Array(col.length);
  let e = 0;
  for (let i = 0; i < rows; i++) {
    const rowFirst = e;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const x = value[k]!;
      if (!(x - x === 0)) continue;
      const j = col[k]!;
      const cst = sign * x;
      const s = slot[j]!;
      if (s >= rowFirst) {
        if (cst < dcost[s]!) dcost[s] = cst;
        continue;
      }
      slot[j] = e;
      dcol[e] = j;
      dcost[e++] = cst;
    }
    start[i + 1] = e;
  }
  if (!transpose) {
    return { rows, cols, rowStart: start, col: dcol.slice(0, e), cost: dcost.slice(0, e) };
  }
  const tStart = new Int32Array(cols + 1);
  for (let k = 0; k < e; k++) tStart[dcol[k]! + 1]!++;
  for (let j = 0; j < cols; j++) tStart[j + 1]! += tStart[j]!;
  const fill = tStart.slice(0, cols);
  const tCol = new Int32Array(e);
  const tCost = new Float64Array(e);
  for (let i = 0; i < rows; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = fill[dcol[k]!]!++;
      tCol[t] = i;
      tCost[t] = dcost[k]!;
    }
  }
  return { rows: cols, cols: rows, rowStart: tStart, col: tCol, cost: tCost };
}
