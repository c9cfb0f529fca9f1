/** Menu “Match mentors”: Pairs, Issues and Program sheets. */
import { runAction } from "../jobs/run-job.js";
import { showOutcome } from "./show-outcome.js";

export function matchMentorsFromMenu(): void {
  showOutcome(runAction("match"));
}
