export {
  solveAssignment,
  solveAssignmentDetailed,
  solveSparseAssignment,
  solveSparseAssignmentDetailed,
  type AssignmentStrategy,
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
