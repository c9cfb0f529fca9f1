/** Ribbon: Match mentors — writes Pairs, Issues and Program; the pane shows the summary. */
import type { Pane } from "../taskpane/pane.js";
import { ribbonCommand } from "./ribbon-command.js";

export const matchMentors = (pane: Pane) => ribbonCommand(pane, "match");
