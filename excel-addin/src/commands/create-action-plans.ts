/** Ribbon: Action plans — creates or refreshes one tab per pair, never overwriting answers. */
import type { Pane } from "../taskpane/pane.js";
import { ribbonCommand } from "./ribbon-command.js";

export const createActionPlans = (pane: Pane) => ribbonCommand(pane, "plans");
