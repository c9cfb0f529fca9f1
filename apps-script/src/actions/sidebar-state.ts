/**
 * What the sidebar shows: the detected mapping (with the saved correction), the issues with
 * their cells, the settings and preset, and a running job's progress. Read-only: it runs the
 * core's matching on a snapshot and writes nothing.
 */
import {
  matchMentors,
  presetNames,
  presets,
  type Issue,
  type MappingOverride,
  type SheetMapping,
} from "../../../shared/index.js";
import { personFields, doNotPairFields } from "../../../shared/roster/fields.js";
import { readSnapshot } from "../sheets/read-snapshot.js";
import { savedMapping, pendingPreset } from "../preferences.js";
import { currentProgress, type Progress } from "../jobs/run-job.js";

export interface SidebarState {
  sheets: SheetMapping[];
  fields: string[];
  savedMapping: MappingOverride | null;
  issues: Issue[];
  /** Setting name and value as the Program sheet holds them (after the last match). */
  settings: { name: string; value: string }[];
  preset: {
    current: string | null;
    pending: string | null;
    choices: { name: string; description: string }[];
  };
  progress: Progress | null;
  /** Why the roster could not be read, when it could not. */
  error: string | null;
}

export function sidebarState(): SidebarState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const today = Utilities.formatDate(
    new Date(),
    spreadsheet.getSpreadsheetTimeZone(),
    "yyyy-MM-dd",
  );
  const mapping = savedMapping();
  const matched = matchMentors({
    snapshot: readSnapshot(spreadsheet),
    today,
    ...(mapping === undefined ? {} : { mapping }),
  });
  const base = {
    fields: [...personFields, ...doNotPairFields],
    savedMapping: mapping ?? null,
    progress: currentProgress(),
  };
  const preset = (current: string | null) => ({
    current,
    pending: pendingPreset(),
    choices: presetNames.map((name) => ({ name, description: presets[name].description })),
  });
  if (!matched.ok)
    return {
      ...base,
      sheets: [],
      issues: matched.issues,
      settings: [],
      preset: preset(null),
      error: matched.error.message,
    };
  const settings = Object.entries(matched.settings)
    .filter(([, value]) => typeof value !== "object")
    .map(([name, value]) => ({ name, value: String(value) }));
  return {
    ...base,
    sheets: matched.roster.mapping.sheets,
    issues: matched.issues,
    settings,
    preset: preset(matched.settings.preset),
    error: null,
  };
}
