/**
 * Which sheet the product may write for Pairs, Issues and Program. A sheet is ours when its
 * header row is ours; a user's own sheet that happens to have the name is never touched, and
 * ours goes beside it under another name.
 */
import type { WorkbookSnapshot, SheetSnapshot } from "../workbook/snapshot.js";
import { cellText, foldKey } from "../roster/text.js";

export function hasHeader(sheet: SheetSnapshot, header: readonly string[]): boolean {
  const wanted = header.map(foldKey);
  return sheet.rows
    .slice(0, 5)
    .some((row) => wanted.every((text, column) => foldKey(cellText(row[column] ?? null)) === text));
}

export interface OwnedSheet {
  /** The name to write. */
  name: string;
  /** What the sheet holds now, when it is ours from an earlier run. */
  existing: SheetSnapshot | undefined;
}

export function ownedSheet(
  snapshot: WorkbookSnapshot,
  wanted: string,
  header: readonly string[],
): OwnedSheet {
  const mine = snapshot.sheets.find(
    (sheet) => foldKey(sheet.name).startsWith(foldKey(wanted)) && hasHeader(sheet, header),
  );
  if (mine !== undefined) return { name: mine.name, existing: mine };
  const taken = new Set(snapshot.sheets.map((sheet) => foldKey(sheet.name)));
  for (const name of [
    wanted,
    `${wanted} (Mentor Match)`,
    ...Array.from({ length: 8 }, (_, i) => `${wanted} (Mentor Match ${i + 2})`),
  ]) {
    if (!taken.has(foldKey(name))) return { name, existing: undefined };
  }
  return { name: `${wanted} ${snapshot.sheets.length + 1}`, existing: undefined };
}
