/** Ribbon: Conference forms — builds the chairs' documents; the pane offers the downloads. */
import type { Pane } from "../taskpane/pane.js";
import { ribbonCommand } from "./ribbon-command.js";

export const conferenceForms = (pane: Pane) => ribbonCommand(pane, "forms");
