/** The look of a coordinator's roster: a bold merged title, a shaded header, sized columns. */
import type ExcelJS from "exceljs";

export function titleRow(sheet: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: "center" };
}

export function headerRow(sheet: ExcelJS.Worksheet, row: number, names: readonly string[]): void {
  const header = sheet.getRow(row);
  header.values = [...names];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = { bottom: { style: "thin" } };
  });
}

/** Column widths in characters; `wrap` lists 1-based columns whose text wraps. */
export function widthColumns(
  sheet: ExcelJS.Worksheet,
  widths: readonly number[],
  wrap: readonly number[],
): void {
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    if (wrap.includes(i + 1)) column.alignment = { wrapText: true, vertical: "top" };
  });
}
