/**
 * The user's choices saved with the spreadsheet: the corrected column mapping (reused by every
 * run) and a preset chosen in the sidebar (used by the next run, which writes it to the
 * Program sheet, then forgotten so later edits of the Program sheet are kept).
 */
import {
  mappingOverrideSchema,
  presetNames,
  type MappingOverride,
  type PresetName,
} from "../../shared/index.js";
import { keys, properties, readJson, writeJson } from "./jobs/store.js";

export function savedMapping(): MappingOverride | undefined {
  const parsed = mappingOverrideSchema.safeParse(readJson(keys.mapping));
  return parsed.success ? parsed.data : undefined;
}

/** Saves a mapping correction; throws a plain message when it is not one. */
export function saveMapping(mapping: unknown): void {
  const parsed = mappingOverrideSchema.safeParse(mapping);
  if (!parsed.success) throw new Error("That column mapping is not valid; nothing was saved.");
  if (Object.keys(parsed.data).length === 0) properties().deleteProperty(keys.mapping);
  else writeJson(keys.mapping, parsed.data);
}

export function pendingPreset(): PresetName | null {
  const value = properties().getProperty(keys.preset);
  return presetNames.find((name) => name === value) ?? null;
}

export function choosePreset(preset: string | null): void {
  const name = presetNames.find((candidate) => candidate === preset);
  if (name === undefined) properties().deleteProperty(keys.preset);
  else properties().setProperty(keys.preset, name);
}
