/**
 * The time-based trigger that continues a long job in a fresh execution. At most one exists;
 * it is deleted when it fires and when the job ends.
 */
export const continuationHandler = "continueMentorMatchJob";
const delayMs = 60_000;

export function scheduleContinuation(): void {
  clearContinuation();
  ScriptApp.newTrigger(continuationHandler).timeBased().after(delayMs).create();
}

export function clearContinuation(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === continuationHandler) ScriptApp.deleteTrigger(trigger);
  }
}
