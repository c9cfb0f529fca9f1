/** The continuation trigger's handler: no one is watching, so nothing is shown. */
import { continueJob } from "../jobs/run-job.js";

export function continueJobFromTrigger(): void {
  continueJob();
}
