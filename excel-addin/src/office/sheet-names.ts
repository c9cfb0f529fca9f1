/**
 * Excel's sheet-name rules, checked on a whole patch before anything is written: at most 31
 * characters, none of \ / ? * [ ] :, no apostrophe at either end, not "History". The core
 * already names tabs this way (shared/plan/tab-names.ts); this is the adapter's guard, so a
 * bad name stops the job with a plain message instead of half a workbook.
 */
import { isLegalTabName, type Patch } from "../../../shared/index.js";

export class IllegalSheetNameError extends Error {
  constructor(readonly sheetName: string) {
    super(
      `Excel does not allow a sheet called "${sheetName}" (at most 31 characters, none of \\ / ? * [ ] :, no apostrophe at either end, not "History"). Nothing was written.`,
    );
    this.name = "IllegalSheetNameError";
  }
}

export function checkSheetNames(patch: Patch): void {
  for (const op of patch.ops) {
    if (!isLegalTabName(op.sheet)) throw new IllegalSheetNameError(op.sheet);
  }
}
