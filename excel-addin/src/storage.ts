/// <reference types="office-js" />
/**
 * What the add-in remembers in the workbook itself, through a small port: the coordinator's
 * corrections to the column mapping. Office keeps them in the document's settings, so they
 * travel with the file and every coordinator who opens it gets them. Validated on the way in
 * with the core's schema: a damaged or outdated value is ignored, never trusted.
 */
import { mappingOverrideSchema, type MappingOverride } from "../../shared/index.js";

export interface SettingsPort {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  save(): Promise<void>;
}

const mappingKey = "mentorMatch.mapping";

export interface MappingStore {
  load(): MappingOverride | undefined;
  save(mapping: MappingOverride | undefined): Promise<void>;
}

export function mappingStore(port: SettingsPort): MappingStore {
  return {
    load() {
      const stored = port.get(mappingKey);
      if (typeof stored !== "string") return undefined;
      try {
        const parsed = mappingOverrideSchema.safeParse(JSON.parse(stored));
        return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async save(mapping) {
      if (mapping === undefined || Object.keys(mapping).length === 0) port.remove(mappingKey);
      else port.set(mappingKey, JSON.stringify(mapping));
      await port.save();
    },
  };
}

/** The port over `Office.context.document.settings` (saved with the workbook). */
export function documentSettingsPort(settings: Office.Settings): SettingsPort {
  return {
    get: (key) => settings.get(key) as unknown,
    set: (key, value) => settings.set(key, value),
    remove: (key) => settings.remove(key),
    save: () =>
      new Promise((resolve, reject) =>
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new Error(result.error.message)),
        ),
      ),
  };
}
