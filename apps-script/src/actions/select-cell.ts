/** The sidebar's issue links: select the cell an issue names (`Mentees!C14`, or a sheet). */
import { parseTarget } from "../sheets/links.js";

export function selectCell(reference: string): boolean {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet: name, a1 } = parseTarget(reference);
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet === null) return false;
  sheet.getRange(a1).activate();
  return true;
}
