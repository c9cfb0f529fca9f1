/// <reference types="office-js" />
/**
 * Reads the workbook as the core's snapshot: every sheet's used range (values, and number
 * formats to tell dates from numbers) and its merged blocks. Our own sheets (Pairs, Issues,
 * Program, Forms, the plan tabs) are sheets like any other, so what the generated tabs hold
 * comes along. Three requests whatever the size — sheet names; used-range sizes and merges;
 * the cells — plus one more per ~100,000 cells, so no response passes Excel on the web's 5 MB.
 */
import type {
  CellValue,
  MergedRange,
  SheetSnapshot,
  WorkbookSnapshot,
} from "../../../shared/index.js";
import { fromExcel } from "./cell-values.js";

/** Cells per request: values plus number formats stay well under 5 MB. */
export const defaultCellBudget = 100_000;

export async function readSnapshot(
  context: Excel.RequestContext,
  options: { cellBudget?: number } = {},
): Promise<WorkbookSnapshot> {
  const cellBudget = options.cellBudget ?? defaultCellBudget;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const sheets = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
    const merged = sheet.getRange().getMergedAreasOrNullObject();
    merged.load(
      "isNullObject,areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount",
    );
    return { sheet, name: sheet.name, used, merged };
  });
  await context.sync();

  let cells = 0;
  const flush = async () => {
    if (cells > 0) await context.sync();
    cells = 0;
  };
  const rows: CellValue[][][] = sheets.map(() => []);
  const pending: LoadedBlock[] = [];
  for (const [index, { sheet, used }] of sheets.entries()) {
    if (used.isNullObject) continue;
    const width = used.columnCount;
    const chunkRows = Math.max(1, Math.floor(cellBudget / Math.max(1, width)));
    for (let r = 0; r < used.rowCount; r += chunkRows) {
      const count = Math.min(chunkRows, used.rowCount - r);
      if (cells > 0 && cells + count * width > cellBudget) {
        await flush();
        collect(pending.splice(0), rows);
      }
      const range = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, count, width);
      range.load("values,numberFormat");
      pending.push({ sheet: index, range, row: used.rowIndex + r, column: used.columnIndex });
      cells += count * width;
    }
  }
  await flush();
  collect(pending, rows);

  return {
    sheets: sheets.map(({ name, merged }, index): SheetSnapshot => {
      const merges: MergedRange[] = merged.isNullObject
        ? []
        : merged.areas.items.map((area) => ({
            top: area.rowIndex,
            left: area.columnIndex,
            bottom: area.rowIndex + area.rowCount - 1,
            right: area.columnIndex + area.columnCount - 1,
          }));
      return { name, rows: rows[index]!, ...(merges.length > 0 ? { merges } : {}) };
    }),
  };
}

interface LoadedBlock {
  sheet: number;
  range: Excel.Range;
  row: number;
  column: number;
}

function collect(loaded: readonly LoadedBlock[], rows: CellValue[][][]): void {
  for (const { sheet, range, row, column } of loaded) {
    const target = rows[sheet]!;
    const values = range.values;
    const formats = range.numberFormat;
    values.forEach((line, r) => {
      while (target.length < row + r) target.push([]);
      const cells: CellValue[] = Array.from({ length: column }, () => null);
      line.forEach((value: unknown, c) => cells.push(fromExcel(value, formats[r]?.[c])));
      target[row + r] = cells;
    });
  }
}
