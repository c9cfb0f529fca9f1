/** Hyperlinked cells, written as rich text one contiguous run of a column at a time. */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The URL of a tab in another file (`CellLink.file`), or undefined when it is unknown. */
export type TabUrl = (file: string, sheet: string) => string | undefined;

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

/** `'Plan – Lee'!A1`, `Roster!C14` or a bare sheet name → the sheet and its A1 range. */
export function parseTarget(target: string): { sheet: string; a1: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)$/.exec(
    target,
  );
  if (match === null) return { sheet: target.replace(/^'|'$/g, "").replace(/''/g, "'"), a1: "A1" };
  return { sheet: match[1]?.replace(/''/g, "'") ?? match[2]!, a1: match[3]! };
}
