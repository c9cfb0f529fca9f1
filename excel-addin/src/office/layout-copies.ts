/**
 * Plan tabs share one layout; only a few facts rows differ from pair to pair. Writing each
 * tab's formats cell by cell cost about 65 KB of request a tab, so new sheets whose layout
 * (format and size) is identical are written once in full — the template — and the others
 * are copies of it (`worksheet.copy()` keeps formats, merges, heights, freeze and page setup)
 * with only the rows that differ written over them. Which sheets look alike is the core's
 * decision, read from the patch; this only notices it.
 */
import type { CellValue, PatchOp } from "../../../shared/index.js";

type SetSheet = Extract<PatchOp, { op: "setSheet" }>;

export interface CopyOf {
  /** The sheet written in full that this one copies. */
  template: string;
  /** Runs of rows that differ from the template, padded with "" where the template had text. */
  blocks: { row: number; rows: CellValue[][] }[];
}

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  const x = a === undefined || a === "" ? null : a;
  const y = b === undefined || b === "" ? null : b;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  return x === y;
};

/** Length of a row without its trailing blanks. */
const usedLength = (row: readonly CellValue[] | undefined): number => {
  let length = row?.length ?? 0;
  while (length > 0 && same(row![length - 1], null)) length--;
  return length;
};

/**
 * For each new sheet (by index in `ops`) that can be a copy: which template and what to
 * write over it. `isNew` says a sheet does not exist yet; sheets placed at the start and
 * sheets without a format are written as before.
 */
export function planCopies(
  ops: readonly PatchOp[],
  isNew: (sheet: string) => boolean,
): Map<number, CopyOf> {
  const templates = new Map<string, SetSheet>();
  const copies = new Map<number, CopyOf>();
  ops.forEach((op, index) => {
    if (op.op !== "setSheet" || op.format === undefined || op.position === "start") return;
    if (op.rows.length === 0 || !isNew(op.sheet)) return;
    const key = `${op.rows.length}|${JSON.stringify(op.format)}`;
    const template = templates.get(key);
    if (template === undefined) {
      templates.set(key, op);
      return;
    }
    copies.set(index, {
      template: template.sheet,
      blocks: differingBlocks(template.rows, op.rows),
    });
  });
  return copies;
}

function differingBlocks(
  template: readonly (readonly CellValue[])[],
  rows: readonly (readonly CellValue[])[],
): { row: number; rows: CellValue[][] }[] {
  const blocks: { row: number; rows: CellValue[][] }[] = [];
  let run: { row: number; rows: CellValue[][]; width: number } | null = null;
  for (let r = 0; r < rows.length; r++) {
    const width = Math.max(usedLength(template[r]), usedLength(rows[r]));
    const differs = Array.from({ length: width }).some(
      (_, c) => !same(template[r]?.[c], rows[r]?.[c]),
    );
    if (!differs) {
      if (run !== null) blocks.push(pad(run));
      run = null;
      continue;
    }
    const line = rows[r]!.slice(0, width);
    // A block keeps one width, so it never runs into a merged area beside a shorter row.
    if (run !== null && run.width === width) run.rows.push(line);
    else {
      if (run !== null) blocks.push(pad(run));
      run = { row: r, rows: [line], width };
    }
  }
  if (run !== null) blocks.push(pad(run));
  return blocks;
}

/** Every row of a block as wide as the block, "" where the template's text must go. */
function pad(run: { row: number; rows: CellValue[][]; width: number }): {
  row: number;
  rows: CellValue[][];
} {
  return {
    row: run.row,
    rows: run.rows.map((line) =>
      Array.from({ length: run.width }, (_, c) => {
        const value = line[c] ?? null;
        return value === null ? "" : value;
      }),
    ),
  };
}
