/**
 * Sheet names for a workbook assembled from several files. Excel's rules apply because the
 * names end up in cell references and, through patches, in real workbooks: at most 31
 * characters, none of `[]:*?/\`, no leading or trailing apostrophe, unique ignoring case.
 */

export const MAX_SHEET_NAME_LENGTH = 31;

export interface NamedSheet {
  /** The file's base name without extension. */
  readonly stem: string;
  /** The sheet's own name; for CSV and text files, the stem. */
  readonly name: string;
  /** Whether the name came from the file name (CSV) rather than from a workbook tab. */
  readonly fromFileName: boolean;
}

/**
 * Names in the same order as `sheets`. A name that more than one file would give is prefixed
 * with the file's stem ("radiology Mentors", "surgery Mentors"); anything still taken gets a
 * counter ("roster (2)").
 */
export function assignSheetNames(sheets: readonly NamedSheet[]): string[] {
  const base = sheets.map((sheet) => cleanSheetName(sheet.name));
  const counts = new Map<string, number>();
  for (const name of base)
    counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);

  const taken = new Set<string>();
  return sheets.map((sheet, i) => {
    const name = base[i]!;
    const clashes = counts.get(name.toLowerCase())! > 1;
    const first =
      clashes && !sheet.fromFileName ? prefixed(cleanSheetName(sheet.stem), name) : name;
    let candidate = first;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = numbered(first, n);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, MAX_SHEET_NAME_LENGTH)
    .trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/** "stem name", shortening the stem first so the sheet's own name survives intact. */
function prefixed(stem: string, name: string): string {
  const room = MAX_SHEET_NAME_LENGTH - name.length - 1;
  if (room <= 0) return name;
  return `${stem.slice(0, room).trim()} ${name}`;
}

function numbered(name: string, n: number): string {
  const suffix = ` (${n})`;
  return `${name.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trim()}${suffix}`;
}
