/** Recognises the Forms log sheet (written by the conference-forms step) by its header. */
import type { SheetSnapshot } from "../workbook/snapshot.js";
import { hasHeader } from "./owned-sheets.js";

export const formsLogHeader = ["Chair", "Chair e-mail", "Faculty"] as const;

export function isFormsLog(sheet: SheetSnapshot): boolean {
  return hasHeader(sheet, formsLogHeader);
}
