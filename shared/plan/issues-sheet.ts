/** The Issues sheet: every issue of the run, errors first, with a link to its cell. */
import type { Issue } from "../issue.js";
import type { CellValue } from "../workbook/snapshot.js";
import type { PatchOp } from "../workbook/patch.js";

export const issuesSheetName = "Issues";
export const issuesHeader = ["Severity", "Cell", "Issue", "Code"] as const;

export function issuesSheet(issues: readonly Issue[], sheetName = issuesSheetName): PatchOp {
  const ordered = [
    ...issues.filter((i) => i.severity === "error"),
    ...issues.filter((i) => i.severity === "warning"),
  ];
  const rows: CellValue[][] = [
    [...issuesHeader],
    ...ordered.map((i) => [
      i.severity === "error" ? "Error" : "Warning",
      i.cell,
      i.message,
      i.code,
    ]),
  ];
  if (ordered.length === 0) rows.push(["", "", "No issues: every row of the roster was read.", ""]);
  return {
    op: "setSheet",
    sheet: sheetName,
    rows,
    format: {
      headerRows: 1,
      freezeRows: 1,
      columnWidths: [10, 22, 90, 28],
      wrapColumns: [2],
      rowStyles: ordered.map((i, index) => ({ row: index + 1, style: i.severity })),
      // A cell that names a single cell links to it; whole-sheet or file issues have no link.
      links: ordered.flatMap((i, index) =>
        /!\$?[A-Z]+\$?\d+$/.test(i.cell) ? [{ row: index + 1, column: 1, target: i.cell }] : [],
      ),
    },
  };
}
