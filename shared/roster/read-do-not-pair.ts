/** A "Do not pair" sheet: two people per row (names or e-mails), optional reason. */
import type { SheetSnapshot } from "../workbook/snapshot.js";
import { cellRef } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";
import type { DoNotPairField } from "./fields.js";
import type { DoNotPair } from "./schema.js";
import type { PeopleIndex } from "./people-index.js";
import { dataGrid } from "./sheet-grid.js";
import { cellText, quoteForMessage } from "./text.js";

export interface DoNotPairLayout {
  sheet: SheetSnapshot;
  /** 0-based header row, or -1 when the sheet has no header (columns A, B, C then). */
  headerRow: number;
  columns: ReadonlyMap<number, DoNotPairField>;
}

export function readDoNotPair(
  layout: DoNotPairLayout,
  index: PeopleIndex,
): { pairs: DoNotPair[]; issues: Issue[] } {
  const { sheet, headerRow } = layout;
  const cell = dataGrid(sheet, headerRow);
  const columnOf = (field: DoNotPairField): number | undefined =>
    [...layout.columns].find(([, mapped]) => mapped === field)?.[0];
  const columnA = columnOf("personA") ?? 0;
  const columnB = columnOf("personB") ?? 1;
  const columnReason = columnOf("reason") ?? (layout.columns.size === 0 ? 2 : undefined);
  const pairs: DoNotPair[] = [];
  const issues: Issue[] = [];
  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    const writtenA = cellText(cell(row, columnA));
    const writtenB = cellText(cell(row, columnB));
    const reason = columnReason === undefined ? "" : cellText(cell(row, columnReason));
    if (writtenA === "" && writtenB === "" && reason === "") continue;
    const source = cellRef(sheet.name, row, columnA);
    if (writtenA === "" || writtenB === "") {
      issues.push(
        issue(
          "do-not-pair-incomplete",
          "warning",
          source,
          `Row ${row + 1} of ${sheet.name} names only one person; a do-not-pair row needs two.`,
        ),
      );
      continue;
    }
    const a = index.find(writtenA);
    const b = index.find(writtenB);
    const unresolved = [
      [a, writtenA, columnA],
      [b, writtenB, columnB],
    ] as const;
    let usable = true;
    for (const [lookup, written, column] of unresolved) {
      if (lookup.kind === "found") continue;
      usable = false;
      issues.push(
        issue(
          lookup.kind === "many" ? "do-not-pair-ambiguous" : "do-not-pair-unknown-person",
          "warning",
          cellRef(sheet.name, row, column),
          lookup.kind === "many"
            ? `${quoteForMessage(written)} could be any of ${lookup.people.map((p) => p.name).join(", ")}; this do-not-pair row is not applied until it names one person (an e-mail is safest).`
            : `${quoteForMessage(written)} matches nobody on the roster; this do-not-pair row is not applied.`,
        ),
      );
    }
    if (usable && a.kind === "found" && b.kind === "found") {
      pairs.push({ a: a.person.id, b: b.person.id, reason: reason === "" ? null : reason, source });
    }
  }
  return { pairs, issues };
}
