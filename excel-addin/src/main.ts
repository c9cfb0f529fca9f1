/// <reference types="office-js" />
/**
 * The add-in's entry point, loaded by taskpane.html — the shared runtime of the task pane and
 * the ribbon commands. Checks the Excel version, builds the host ports once, mounts the pane
 * and registers the commands.
 */
import "./strict-csp.js";
import { registerCommands } from "./commands/register.js";
import { officeHost } from "./host.js";
import { missingRequirements } from "./office/requirements.js";
import { mountPane } from "./taskpane/pane.js";

void Office.onReady(() => {
  const root = document.getElementById("app")!;
  const pane = mountPane(root, officeHost());
  const missing = missingRequirements(Office.context.requirements);
  if (missing === null) return registerCommands(pane);
  pane.fail(missing);
  // Registered even on an old Excel, so a ribbon click says why instead of spinning.
  registerCommands({
    run: async (step) => {
      pane.fail(missing);
      return { ok: false, step, message: missing, issues: [] };
    },
    fail: pane.fail,
  });
});
