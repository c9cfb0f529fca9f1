/** Hyperlinked cells, written as rich text one contiguous run of a column at a time. */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { parseTarget, type TabUrl } from "../../../hosts/sheets-api/patch-requests.js";

export interface CellUrl {
  row: number;
  column: number;
  text: string;
  url: string;
}

export function linkRuns(sheet: Sheet, links: readonly CellUrl[]): void {
  const sorted = [...links].sort((a, b) => a.column - b.column || a.row - b.row);
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (
      end < sorted.length &&
      sorted[end]!.column === sorted[start]!.column &&
      sorted[end]!.row === sorted[end - 1]!.row + 1
    )
      end++;
    const run = sorted.slice(start, end);
    const first = run[0]!;
    sheet
      .getRange(first.row + 1, first.column + 1, run.length, 1)
      .setRichTextValues(
        run.map((link) => [
          SpreadsheetApp.newRichTextValue().setText(link.text).setLinkUrl(link.url).build(),
        ]),
      );
    start = end;
  }
}
