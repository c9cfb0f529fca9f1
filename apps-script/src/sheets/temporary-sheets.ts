/**
 * A new sheet is built under a temporary name and renamed only when complete, so a run killed
 * half-way never leaves a half-built tab under a real name; the next run deletes the leftovers.
 */
const prefix = "~mentor-match building~ ";

export function temporarySheetName(finalName: string): string {
  let hash = 0;
  for (const ch of finalName) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `${prefix}${hash.toString(36)}`;
}

export function isTemporarySheet(name: string): boolean {
  return name.startsWith(prefix);
}

export function removeTemporarySheets(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  for (const sheet of spreadsheet.getSheets())
    if (isTemporarySheet(sheet.getName())) spreadsheet.deleteSheet(sheet);
}
