/**
 * A sheet's `SheetFormat` with a constant number of calls per sheet whatever its size: range
 * lists for styled cells, one call per merge, validation, link run and column-width run.
 * The look (colours, sizes) is the Google hosts' (hosts/sheets-api); what is styled is the core's.
 */
import {
  columnLetter,
  type CellValue,
  type RowStyle,
  type SheetFormat,
} from "../../../shared/index.js";
import { linkRuns, parseTarget, type CellUrl, type TabUrl } from "./links.js";
// The colours and the pixels-per-character factor every Google host uses.
import {
  defaultPixelsPerCharacter as pixelsPerCharacter,
  sheetLook as look,
} from "../../../hosts/sheets-api/patch-requests.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function applySheetFormat(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  format: SheetFormat,
  grid: readonly CellValue[][],
  tabUrl?: TabUrl,
): void {
  const height = Math.max(1, grid.length);
  const width = Math.max(1, grid[0]?.length ?? 0);
  columnWidths(sheet, format.columnWidths ?? []);
  if ((format.wrapColumns ?? []).length > 0) {
    sheet
      .getRangeList(format.wrapColumns!.map((c) => columnRange(c, 0, height - 1)))
      .setWrap(true)
      .setVerticalAlignment("top");
  }
  if ((format.headerRows ?? 0) > 0) {
    sheet
      .getRange(1, 1, format.headerRows!, width)
      .setFontWeight("bold")
      .setBackground(look.headerFill)
      .setBorder(null, null, true, null, null, null);
  }
  rowStyles(sheet, format.rowStyles ?? [], grid, width);
  const answers = (format.answerCells ?? []).map(({ row, column }) => cellA1(row, column));
  if (answers.length > 0) {
    sheet
      .getRangeList(answers)
      .setBackground(look.answerFill)
      .setBorder(
        true,
        true,
        true,
        true,
        null,
        null,
        look.answerBorder,
        SpreadsheetApp.BorderStyle.SOLID,
      )
      .setWrap(true)
      .setVerticalAlignment("top");
  }
  const labels = (format.labelCells ?? []).map(({ row, column }) => cellA1(row, column));
  if (labels.length > 0) sheet.getRangeList(labels).setFontWeight("bold");
  for (const merge of format.merges ?? []) {
    sheet
      .getRange(
        merge.top + 1,
        merge.left + 1,
        merge.bottom - merge.top + 1,
        merge.right - merge.left + 1,
      )
      .merge();
  }
  for (const { row, height: points } of format.rowHeights ?? [])
    sheet.setRowHeight(row + 1, points);
  for (const validation of format.listValidations ?? []) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...validation.values], true)
      .setAllowInvalid(true)
      .build();
    sheet
      .getRange(
        validation.fromRow + 1,
        validation.column + 1,
        validation.toRow - validation.fromRow + 1,
        1,
      )
      .setDataValidation(rule);
  }
  links(spreadsheet, sheet, format, grid, tabUrl);
  if (format.freezeRows !== undefined) sheet.setFrozenRows(format.freezeRows);
  if (format.freezeColumns !== undefined) sheet.setFrozenColumns(format.freezeColumns);
  // `fitToWidth` is a print setting Apps Script cannot set; Sheets asks when printing.
}

function columnWidths(sheet: Sheet, widths: readonly number[]): void {
  let start = 0;
  while (start < widths.length) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, Math.round(widths[start]! * pixelsPerCharacter));
    start = end;
  }
}

function rowStyles(
  sheet: Sheet,
  styles: readonly { row: number; style: RowStyle }[],
  grid: readonly CellValue[][],
  width: number,
): void {
  const byStyle = new Map<RowStyle, string[]>();
  for (const { row, style } of styles) {
    const cells = style === "header" ? Math.max(1, grid[row]?.length ?? 0) : width;
    const list = byStyle.get(style) ?? [];
    list.push(`A${row + 1}:${columnLetter(cells - 1)}${row + 1}`);
    byStyle.set(style, list);
  }
  for (const [style, a1s] of byStyle) {
    const list = sheet.getRangeList(a1s);
    if (style === "title") list.setFontWeight("bold").setFontSize(14);
    else if (style === "section") list.setFontWeight("bold").setFontSize(12);
    else if (style === "muted") list.setFontColor(look.mutedFont);
    else if (style === "header")
      list
        .setFontWeight("bold")
        .setBackground(look.headerFill)
        .setBorder(null, null, true, null, null, null);
    else list.setBackground(style === "error" ? look.errorFill : look.warningFill);
  }
}

/**
 * Links to places in this spreadsheet, and to tabs of the additional plan spreadsheets when
 * `tabUrl` knows them (other links into other files are left as plain text).
 */
function links(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  format: SheetFormat,
  grid: readonly CellValue[][],
  tabUrl: TabUrl | undefined,
): void {
  const gids = new Map<string, number>();
  const gidOf = (name: string): number | undefined => {
    if (!gids.has(name)) {
      const target = name === sheet.getName() ? sheet : spreadsheet.getSheetByName(name);
      if (target !== null) gids.set(name, target.getSheetId());
    }
    return gids.get(name);
  };
  const urls: CellUrl[] = [];
  for (const link of format.links ?? []) {
    const { sheet: name, a1 } = parseTarget(link.target);
    const value = grid[link.row]?.[link.column];
    const text = typeof value === "string" && value !== "" ? value : link.target;
    if (link.file !== undefined) {
      const url = tabUrl?.(link.file, name);
      if (url !== undefined) urls.push({ row: link.row, column: link.column, text, url });
      continue;
    }
    const gid = gidOf(name);
    if (gid === undefined) continue;
    urls.push({ row: link.row, column: link.column, text, url: `#gid=${gid}&range=${a1}` });
  }
  linkRuns(sheet, urls);
}

function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function columnRange(column: number, fromRow: number, toRow: number): string {
  const letter = columnLetter(column);
  return `${letter}${fromRow + 1}:${letter}${toRow + 1}`;
}
