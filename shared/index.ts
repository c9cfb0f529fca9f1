/** The Mentor Match core: host-free, pure functions from a workbook snapshot to results. */
export * from "./roster/index.js";
export * from "./workbook/snapshot.js";
export * from "./workbook/cell-ref.js";
export * from "./issue.js";
export * from "./workbook/patch.js";
export * from "./rules/index.js";
export * from "./match/index.js";
export {
  matchMentors,
  type MatchMentorsInput,
  type MatchMentorsOutcome,
  type MatchReport,
} from "./job/match-mentors.js";
export { pairsSheet } from "./plan/pairs-sheet.js";
export { pairsColumns, pairsSheetName, pairStatuses } from "./plan/pairs-sheet-columns.js";
