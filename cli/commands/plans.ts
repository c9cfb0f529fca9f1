/** `mentor-match plans <workbook>`: create or refresh the action-plan tabs of a matched workbook. */
import { matchedWorkbookCommand } from "../matched-workbook-command.js";

export const plansCommand = matchedWorkbookCommand({
  name: "plans",
  summary: "create or refresh the action-plan tabs of a matched workbook",
  description: `Creates an action-plan tab for each pair of a matched workbook, and refreshes the tabs it
already has: the facts and calendar dates are updated, answers typed in the tabs are never
changed, and the tabs of pairs that no longer exist are marked ended (never deleted). Locked
and Rejected marks in the Pairs sheet are honoured.`,
  plans: true,
  forms: false,
});
