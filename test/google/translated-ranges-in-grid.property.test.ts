/**
 * Property (issue 18): whatever the patch — new or replaced sheets of any size, drop-down lists
 * far below the data, merges, row heights, column widths past the data, frozen panes, blocks
 * of cells written anywhere — every request the translator makes lies inside the grid as it
 * stands at that point of the batch, in batches of any size. The check is the fake's, which
 * refuses as Google does (test/google/fake-refuses-what-google-refuses.test.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BookState } from "../../hosts/sheets-api/patch-requests.js";
import type { CellValue, PatchOp, SheetFormat } from "../../shared/index.js";
import { planBatches } from "../../cli/google/sheets-client.js";
import type { FakeSheet, FakeSpreadsheet } from "./fake-google-server.js";
import { applySheetBatch } from "./fake-sheets-requests.js";

const titles = ["Roster", "Pairs", "Issues", "Plan – Lee", "Plan – O'Neil"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 500 }),
  fc.boolean(),
);

const grid = (maxRows: number, maxColumns: number) =>
  fc.array(fc.array(cell, { maxLength: maxColumns }), { maxLength: maxRows });

const format: fc.Arbitrary<SheetFormat> = fc.record(
  {
    headerRows: fc.integer({ min: 0, max: 2 }),
    freezeRows: fc.integer({ min: 0, max: 3 }),
    freezeColumns: fc.integer({ min: 0, max: 3 }),
    columnWidths: fc.array(fc.integer({ min: 4, max: 60 }), { maxLength: 30 }),
    wrapColumns: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
    listValidations: fc.array(
      fc
        .record({
          column: fc.integer({ min: 0, max: 20 }),
          fromRow: fc.integer({ min: 0, max: 50 }),
          length: fc.integer({ min: 0, max: 400 }),
          values: fc.array(fc.string({ minLength: 1, maxLength: 8 }), {
            minLength: 1,
            maxLength: 4,
          }),
        })
        .map(({ column, fromRow, length, values }) => ({
          column,
          fromRow,
          toRow: fromRow + length,
          values,
        })),
      { maxLength: 2 },
    ),
    rowStyles: fc.array(
      fc.record({
        row: fc.integer({ min: 0, max: 300 }),
        style: fc.constantFrom("title", "section", "muted", "warning", "error", "header" as const),
      }),
      { maxLength: 4 },
    ),
    answerCells: fc.array(
      fc.record({ row: fc.integer({ min: 0, max: 260 }), column: fc.integer({ min: 0, max: 15 }) }),
      { maxLength: 4 },
    ),
    labelCells: fc.array(
      fc.record({ row: fc.integer({ min: 0, max: 260 }), column: fc.integer({ min: 0, max: 15 }) }),
      { maxLength: 4 },
    ),
    // Merges as the core makes them: one per row, never across the frozen rows (below them).
    merges: fc.uniqueArray(fc.integer({ min: 4, max: 250 }), { maxLength: 4 }).chain((rows) =>
      fc.tuple(
        ...rows.map((row) =>
          fc
            .record({
              left: fc.integer({ min: 3, max: 8 }),
              span: fc.integer({ min: 1, max: 8 }),
            })
            .map(({ left, span }) => ({ top: row, bottom: row, left, right: left + span })),
        ),
      ),
    ),
    rowHeights: fc.array(
      fc.record({
        row: fc.integer({ min: 0, max: 320 }),
        height: fc.integer({ min: 15, max: 90 }),
      }),
      { maxLength: 3 },
    ),
    links: fc.array(
      fc.record({
        row: fc.integer({ min: 0, max: 240 }),
        column: fc.integer({ min: 0, max: 14 }),
        target: fc.constantFrom("Roster!C14", "'Plan – Lee'!A1", "Pairs!A1"),
      }),
      { maxLength: 3 },
    ),
    numberFormats: fc.array(
      fc.record({ column: fc.integer({ min: 0, max: 18 }), format: fc.constant("0.0") }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

const op: fc.Arbitrary<PatchOp> = fc.oneof(
  fc.record({
    op: fc.constant("setSheet" as const),
    sheet: fc.constantFrom(...titles),
    rows: grid(40, 14),
    format,
    position: fc.constantFrom("end" as const, "start" as const),
  }),
  fc.record({
    op: fc.constant("writeCells" as const),
    sheet: fc.constantFrom(...titles),
    row: fc.integer({ min: 0, max: 1200 }),
    column: fc.integer({ min: 0, max: 30 }),
    values: grid(5, 5),
  }),
);

/** The spreadsheet as it is before the run: some sheets, of sizes Google and users give them. */
const existing = fc.uniqueArray(
  fc.record({
    title: fc.constantFrom(...titles),
    rowCount: fc.integer({ min: 1, max: 1200 }),
    columnCount: fc.integer({ min: 1, max: 30 }),
  }),
  { minLength: 1, maxLength: 4, selector: (s) => s.title },
);

describe("translated Sheets requests stay inside the grid", () => {
  it("for random patches on random spreadsheets, in batches of any size", () => {
    fc.assert(
      fc.property(
        existing,
        fc.array(op, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(16_000, 64_000, 2_000_000),
        (sheets, ops, maxBatchBytes) => {
          const fake: FakeSpreadsheet = {
            id: "p",
            title: "Property",
            sheets: sheets.map((s, i): FakeSheet => ({
              sheetId: i === 0 ? 0 : 100 + i,
              title: s.title,
              rowCount: s.rowCount,
              columnCount: s.columnCount,
              cells: new Map(),
              merges: [],
              validations: 0,
            })),
          };
          const book: BookState = {
            sheets: fake.sheets.map((s) => ({
              sheetId: s.sheetId,
              title: s.title,
              rowCount: s.rowCount,
              columnCount: s.columnCount,
              blankDefault: false,
            })),
          };
          const batches = planBatches(book, ops, { maxBatchBytes });
          // Applied one after another, as the client sends them; any refusal throws.
          for (const requests of batches) applySheetBatch(fake, { requests });
          // The translator's idea of the grid is the spreadsheet's.
          for (const sheet of book.sheets) {
            const real = fake.sheets.find((s) => s.sheetId === sheet.sheetId)!;
            expect([real.rowCount, real.columnCount]).toEqual([sheet.rowCount, sheet.columnCount]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
