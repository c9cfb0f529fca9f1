/**
 * Exact rectangular assignment (scipy's `linear_sum_assignment` contract), pure TypeScript.
 *
 * How a problem is solved (all exact; the choice only affects speed):
 * - rows > cols: solved transposed, so the kernels always see rows ≤ cols;
 * - mostly forbidden dense input (≤ 20 % allowed) or the sparse entry point: shortest augmenting
 *   paths (Dijkstra with potentials, binary heap) over the allowed cells only;
 * - other dense input with ≥ 64 rows (and sparse input with ≥ 40 cells per row): the cheapest
 *   cells of every row and column are solved first as a sparse problem, and the result is proven
 *   optimal for the whole problem with the dual (reduced-cost) certificate, adding violating
 *   cells and re-solving, or falling back to the full problem (see candidates.ts);
 * - small dense input: Jonker–Volgenant (column reduction, reduction transfer, augmenting row
 *   reduction, then shortest augmenting paths) on the whole matrix.
 */
export {
  solveAssignment,
  solveAssignmentDetailed,
  solveSparseAssignment,
  solveSparseAssignmentDetailed,
  solveSparseAssignmentWithPrices,
  type AssignmentStrategy,
  type PricedAssignment,
  type DetailedAssignmentOptions,
  type DetailedAssignmentResult,
} from "./solve-assignment.js";
export { InfeasibleAssignmentError, InvalidMatrixError } from "./errors.js";
export type { CandidateOptions, CandidateStats } from "./candidates.js";
export type {
  AssignmentOptions,
  AssignmentResult,
  DenseMatrix,
  MatrixInput,
  SparseProblem,
} from "./types.js";
