/** The Mentor Match core: host-free, pure functions from a workbook snapshot to results. */
export * from "./roster/index.js";
export * from "./workbook/snapshot.js";
export * from "./workbook/cell-ref.js";
export * from "./issue.js";
export * from "./workbook/patch.js";
export * from "./workbook/op-extent.js";
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
export { matchSheetsPatch, type MatchedWorkbook } from "./job/match-mentors.js";
export {
  createActionPlans,
  planSubjects,
  type CreateActionPlansInput,
  type CreateActionPlansResult,
  type PlanWorkbook,
  type PlanTabReport,
} from "./job/create-action-plans.js";
export {
  sanitizeTabName,
  uniqueTabName,
  pairTabName,
  isLegalTabName,
  maxTabNameLength,
  tabNameKeys,
  graphemes,
} from "./plan/tab-names.js";
export { programMonths, meetings, trainingMonths, programEnd } from "./plan/calendar.js";
export { planIdOf, newPlanLayout, type PlanSubject } from "./plan/action-plan-tab.js";
export type { PlanLink } from "./plan/pairs-sheet.js";
export * from "./forms/index.js";
export {
  mergeConferenceForms,
  formatTimestamp,
  type MergeConferenceFormsInput,
  type MergeConferenceFormsResult,
  type ConferenceFormsDocument,
} from "./job/merge-conference-forms.js";
export {
  prepareWorkbook,
  type PrepareWorkbookInput,
  type PrepareWorkbookResult,
} from "./job/prepare-workbook.js";
