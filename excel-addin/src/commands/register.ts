/// <reference types="office-js" />
/**
 * The one place ribbon commands are wired: each manifest <FunctionName> to its handler.
 * test/excel-addin/manifest.test.ts checks the two lists match both ways.
 */
import type { Pane } from "../taskpane/pane.js";
import { conferenceForms } from "./conference-forms.js";
import { createActionPlans } from "./create-action-plans.js";
import { matchMentors } from "./match-mentors.js";

export const ribbonCommands = { matchMentors, createActionPlans, conferenceForms } as const;

export function registerCommands(pane: Pane): void {
  Office.actions.associate("matchMentors", ribbonCommands.matchMentors(pane));
  Office.actions.associate("createActionPlans", ribbonCommands.createActionPlans(pane));
  Office.actions.associate("conferenceForms", ribbonCommands.conferenceForms(pane));
}
