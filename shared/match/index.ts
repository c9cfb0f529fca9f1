export {
  matchRoster,
  slotRoles,
  type MatchResult,
  type MatchedPair,
  type UnmatchedMentee,
} from "./match-roster.js";
export { checkAssignment, type Violation } from "./check-assignment.js";
export { readOverrides, noOverrides, type Overrides, type OverridePair } from "./overrides.js";
export { pairId, teamId, stableHash } from "./pair-id.js";
export { scorePair, type Criterion, type CriterionScore } from "./scoring.js";
export {
  solveAssignment,
  solveSparseAssignment,
  InfeasibleAssignmentError,
  InvalidMatrixError,
} from "./assignment/index.js";
export { solveSlots } from "./flow/mentoring-flow.js";
export type { SlotProblem, SlotSolution } from "./flow/slot-problem.js";
