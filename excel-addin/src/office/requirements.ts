/// <reference types="office-js" />
/**
 * The Office.js requirement sets the add-in uses, declared in manifest.xml and checked at
 * start so an old Excel gets one plain sentence instead of a failure halfway through a job.
 * ExcelApi 1.13 covers merged areas (1.13), page layout (1.9), data validation (1.8), freeze
 * panes and hyperlinks (1.7); SharedRuntime 1.1 lets the ribbon and the pane share one page.
 */
export const requiredSets = [
  { name: "ExcelApi", version: "1.13" },
  { name: "SharedRuntime", version: "1.1" },
] as const;

export interface RequirementsProbe {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** null when everything is there, else what to tell the user. */
export function missingRequirements(probe: RequirementsProbe): string | null {
  const missing = requiredSets.filter((set) => !probe.isSetSupported(set.name, set.version));
  if (missing.length === 0) return null;
  return `This version of Excel is too old for Mentor Match (it needs ${missing
    .map((set) => `${set.name} ${set.version}`)
    .join(" and ")}). Use Excel on the web, or Excel for Microsoft 365 on Windows or Mac, updated.`;
}
