/** Menu “Merge conference forms”: the match, then a Google Doc per chair and the Forms log. */
import { runAction } from "../jobs/run-job.js";
import { showOutcome } from "./show-outcome.js";

export function mergeConferenceFormsFromMenu(): void {
  showOutcome(runAction("forms"));
}
