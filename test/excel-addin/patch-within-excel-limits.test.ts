/**
 * Excel's own limits (issue 18 asks each host to check its own): a sheet has 1,048,576 rows and
 * 16,384 columns that cannot grow, a list validation typed as a comma-separated source holds at
 * most 255 characters, a row is at most 409 points tall and a column 255 characters wide. The
 * patches the add-in applies — on the bundled examples and on a department of 1,000 mentees —
 * stay inside all of them.
 */
import { describe, expect, it } from "vitest";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import {
  defaultFormTemplates,
  opExtent,
  prepareWorkbook,
  type PatchOp,
  type WorkbookSnapshot,
} from "../../shared/index.js";
import { generatedDepartment } from "../helpers/generated-department.js";

const excel = { rows: 1_048_576, columns: 16_384, listSource: 255, rowHeight: 409, width: 255 };

function checkOp(op: PatchOp): void {
  const extent = opExtent(op);
  expect(extent.rows, op.sheet).toBeLessThanOrEqual(excel.rows);
  expect(extent.columns, op.sheet).toBeLessThanOrEqual(excel.columns);
  if (op.op !== "setSheet") return;
  for (const list of op.format?.listValidations ?? [])
    expect(list.values.join(",").length, op.sheet).toBeLessThanOrEqual(excel.listSource);
  for (const { height } of op.format?.rowHeights ?? [])
    expect(height, op.sheet).toBeLessThanOrEqual(excel.rowHeight);
  for (const width of op.format?.columnWidths ?? [])
    expect(width, op.sheet).toBeLessThanOrEqual(excel.width);
}

function prepare(snapshot: WorkbookSnapshot): PatchOp[] {
  const prepared = prepareWorkbook({
    snapshot,
    today: "2026-09-01",
    now: "2026-09-01T12:00:00Z",
    plans: { planWorkbookName: (n) => `plans-${n}.xlsx` },
    forms: { templates: defaultFormTemplates },
  });
  if (!prepared.ok) throw new Error(prepared.error.message);
  return [
    ...prepared.patch.ops,
    ...(prepared.plans?.planWorkbookPatches ?? []).flatMap(({ patch }) => patch.ops),
  ];
}

describe("the add-in's patches stay inside Excel's limits", () => {
  for (const file of [
    "templates/examples/medicine-roster.xlsx",
    "templates/examples/radiology-roster.xlsx",
    "templates/examples/two-mentor-program.csv",
  ])
    it(file, async () => {
      for (const op of prepare(await readWorkbookFiles([file]))) checkOp(op);
    });

  it("a department of 1,000 mentees", () => {
    const ops = prepare(generatedDepartment(1000, 400, { capacity: 3, division: "Surgery" }));
    expect(ops.length).toBeGreaterThan(1000);
    for (const op of ops) checkOp(op);
  }, 120_000);
});
