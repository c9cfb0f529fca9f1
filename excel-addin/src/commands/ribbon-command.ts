/// <reference types="office-js" />
/**
 * What every ribbon button does around its step: run it in the shared runtime (so the pane
 * shows the outcome), open the pane, and always tell Office the command finished.
 */
import type { Step } from "../jobs.js";
import type { Pane } from "../taskpane/pane.js";
import { plainError } from "../taskpane/view.js";

export type RibbonCommand = (event: Office.AddinCommands.Event) => Promise<void>;

export function ribbonCommand(pane: Pane, step: Step): RibbonCommand {
  return async (event) => {
    try {
      const shown = Office.addin.showAsTaskpane().catch(() => undefined);
      await pane.run(step).catch((error: unknown) => pane.fail(plainError(error)));
      await shown;
    } finally {
      event.completed();
    }
  };
}
