/**
 * The host's reading notes (formulas saved without a result, control bytes removed, a Table's
 * totals row, hidden rows) as issues at their cells, so that every row and cell the user sees
 * in the file is accounted for, even when the host could not give its value.
 */
import type { SheetSnapshot } from "../workbook/snapshot.js";
import { cellRef, quoteSheetName } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";

export function readNoteIssues(sheet: SheetSnapshot): Issue[] {
  const issues: Issue[] = [];
  const hiddenRows: number[] = [];
  for (const note of sheet.notes ?? []) {
    const at =
      note.column === null
        ? `${quoteSheetName(sheet.name)}!${note.row + 1}:${note.row + 1}`
        : cellRef(sheet.name, note.row, note.column);
    switch (note.code) {
      case "formula-without-value":
        issues.push(
          issue(
            "formula-without-value",
            "warning",
            at,
            `${at} holds a formula saved without its result (the file was written by a program and never calculated), so it was read as blank. Open the file in Excel or LibreOffice, save it, and run again.`,
          ),
        );
        break;
      case "control-characters":
        issues.push(
          issue(
            "control-characters",
            "warning",
            at,
            `${at} held invisible control characters (such as a NUL byte), which were removed; check that the text is what you meant.`,
          ),
        );
        break;
      case "table-totals-row":
        issues.push(
          issue(
            "table-totals-row",
            "warning",
            at,
            `Row ${note.row + 1} of ${sheet.name} is the totals row of ${note.detail === undefined ? "an Excel table" : `the table ${note.detail}`}; it was not read as a person.`,
          ),
        );
        break;
      case "hidden-row":
        hiddenRows.push(note.row);
        break;
    }
  }
  if (hiddenRows.length > 0) {
    const rows = rowRanges(hiddenRows);
    issues.push(
      issue(
        "hidden-rows",
        "warning",
        quoteSheetName(sheet.name),
        `${hiddenRows.length === 1 ? "Row" : "Rows"} ${rows} of ${sheet.name} ${hiddenRows.length === 1 ? "is" : "are"} hidden (by a filter or by hand); hidden rows are read like the others. Delete them from the roster if those people should not take part.`,
      ),
    );
  }
  return issues;
}

/** [4, 5, 6, 9] (0-based) to "5–7, 10". */
function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]! + 1}` : `${sorted[i]! + 1}–${sorted[j]! + 1}`);
    i = j + 1;
  }
  return parts.join(", ");
}
