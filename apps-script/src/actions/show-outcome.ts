/** A run's outcome shown to the person who clicked the menu. */
import type { RunOutcome } from "../jobs/run-job.js";

export function showOutcome(result: RunOutcome): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(result.title, result.message, ui.ButtonSet.OK);
}
