export { addLex, compareLex, scaleLex, zeroLex, type LexCost } from "./lex.js";
export {
  FlowNetwork,
  MAX_ARC_CAPACITY,
  minCostFlow,
  minCostTransshipment,
  type FlowOptions,
  type FlowResult,
  type MinCostFlowOptions,
  type TransshipmentResult,
} from "./min-cost-flow.js";
export { solveSlots } from "./mentoring-flow.js";
export { checkSlotSolution, type SlotViolation, type SlotViolationCode } from "./check-slots.js";
export {
  InvalidSlotProblemError,
  loadPenaltyAt,
  openSlotRoles,
  totalLoadPenalty,
  type LockedPair,
  type SlotCandidate,
  type SlotMentee,
  type SlotMentor,
  type SlotPair,
  type SlotProblem,
  type SlotSolution,
} from "./slot-problem.js";
