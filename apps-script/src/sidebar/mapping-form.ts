/**
 * The mapping form's values → the correction to save: only where the user differs from the
 * detection, laid over the correction saved before. Pure, so it is tested without a page.
 */
export type Override = Record<
  string,
  { headerRow?: number; kind?: string; columns?: Record<string, string | null> }
>;

/** One control of the form: the sheet it belongs to, what it sets, and its value. */
export interface MappingInput {
  sheet: string;
  role: string | undefined;
  column: string | undefined;
  value: string;
}

export interface DetectedSheet {
  sheet: string;
  kind: string;
  headerRow: number | null;
  columns: readonly { column: string; field: string | null }[];
}

export function mappingFromInputs(
  sheets: readonly DetectedSheet[],
  inputs: readonly MappingInput[],
  saved: Override | null,
): Override {
  // A Map, not an object: a sheet may be called "__proto__" or "constructor".
  type Correction = Override[string];
  const edits = new Map<string, Correction>();
  const entry = (sheet: string): Correction => {
    const found = edits.get(sheet) ?? {};
    edits.set(sheet, found);
    return found;
  };
  for (const sheet of sheets) {
    for (const input of inputs) {
      if (input.sheet !== sheet.sheet) continue;
      if (input.role === "kind" && input.value !== sheet.kind)
        entry(sheet.sheet).kind = input.value;
      if (
        input.role === "headerRow" &&
        input.value !== "" &&
        Number(input.value) !== sheet.headerRow
      )
        entry(sheet.sheet).headerRow = Number(input.value);
      if (input.role === "field") {
        const column = sheet.columns.find((c) => c.column === input.column);
        const chosen = input.value === "" ? null : input.value;
        if (column !== undefined && chosen !== column.field) {
          const correction = entry(sheet.sheet);
          correction.columns = withEntry(correction.columns, column.column, chosen);
        }
      }
    }
  }
  const merged = new Map<string, Correction>(Object.entries(saved ?? {}));
  for (const [sheet, edit] of edits) {
    const before = merged.get(sheet) ?? {};
    const columns = Object.entries({ ...before.columns, ...edit.columns });
    merged.set(sheet, {
      ...before,
      ...edit,
      ...(columns.length > 0 ? { columns: Object.fromEntries(columns) } : {}),
    });
  }
  // fromEntries defines own properties, so "__proto__" is a key, never the prototype.
  return Object.fromEntries(merged);
}

function withEntry<T>(
  record: Record<string, T> | undefined,
  key: string,
  value: T,
): Record<string, T> {
  return Object.fromEntries([...Object.entries(record ?? {}), [key, value]]);
}
