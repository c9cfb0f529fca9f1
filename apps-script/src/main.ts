/**
 * The script's entry points, and the only place that names them. The build turns every export
 * into a top-level function declaration of the pushed script (menus, triggers and
 * google.script.run can only call those); each hands over to one action.
 */
import { addMentoringMenu } from "./actions/menu.js";
import { matchMentorsFromMenu } from "./actions/match-mentors.js";
import { createActionPlansFromMenu } from "./actions/create-action-plans.js";
import { mergeConferenceFormsFromMenu } from "./actions/merge-conference-forms.js";
import { openSidebar } from "./actions/open-sidebar.js";
import { showHelp } from "./actions/help.js";
import { continueJobFromTrigger } from "./actions/continue-job.js";
import { sidebarState, type SidebarState } from "./actions/sidebar-state.js";
import { selectCell } from "./actions/select-cell.js";
import { choosePreset, saveMapping } from "./preferences.js";
import {
  cancelJob,
  currentProgress,
  runAction,
  type Progress,
  type RunOutcome,
} from "./jobs/run-job.js";
import type { JobAction } from "./jobs/job-state.js";

export function onOpen(): void {
  addMentoringMenu();
}

export function onInstall(): void {
  addMentoringMenu();
}

export function menuMatchMentors(): void {
  matchMentorsFromMenu();
}

export function menuCreateActionPlans(): void {
  createActionPlansFromMenu();
}

export function menuMergeConferenceForms(): void {
  mergeConferenceFormsFromMenu();
}

export function menuOpenSidebar(): void {
  openSidebar();
}

export function menuHelp(): void {
  showHelp();
}

/** The continuation trigger (its name is `continuationHandler` in jobs/continuation.ts). */
export function continueMentorMatchJob(): void {
  continueJobFromTrigger();
}

// Called by the sidebar through google.script.run (typed in sidebar/server.ts).

export function getSidebarState(): SidebarState {
  return sidebarState();
}

export function saveColumnMapping(mapping: unknown): SidebarState {
  saveMapping(mapping);
  return sidebarState();
}

export function chooseNextPreset(preset: string | null): SidebarState {
  choosePreset(preset);
  return sidebarState();
}

export function runFromSidebar(action: JobAction): RunOutcome {
  return runAction(action);
}

export function getProgress(): Progress | null {
  return currentProgress();
}

export function selectIssueCell(reference: string): boolean {
  return selectCell(reference);
}

export function cancelRunningJob(): boolean {
  return cancelJob();
}
