/**
 * google.script.run, typed against the server's entry points in main.ts: a function renamed
 * or re-typed there breaks this build, not the user's sidebar.
 */
import type * as Server from "../main.js";

/** The entry points the sidebar may call. */
export type SidebarApi = Pick<
  typeof Server,
  | "getSidebarState"
  | "saveColumnMapping"
  | "chooseNextPreset"
  | "runFromSidebar"
  | "getProgress"
  | "selectIssueCell"
  | "cancelRunningJob"
>;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function callServer<K extends keyof SidebarApi>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
      .withFailureHandler(reject);
    const method = runner[name];
    if (typeof method !== "function") {
      reject(new Error(`The script has no function ${name}; push the script again.`));
      return;
    }
    (method as (...values: unknown[]) => void).apply(runner, args);
  });
}
