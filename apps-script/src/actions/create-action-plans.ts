/** Menu “Create action-plan tabs”: the match, then one tab per pair. */
import { runAction } from "../jobs/run-job.js";
import { showOutcome } from "./show-outcome.js";

export function createActionPlansFromMenu(): void {
  showOutcome(runAction("plans"));
}
