/**
 * An .xlsx / .xlsm workbook (already known to be a zip holding a workbook part) to sheet
 * snapshots, read straight from the package's XML with fflate and saxes.
 *
 * Why not ExcelJS: it models the whole workbook (themes, tables, drawings) before giving a
 * value, so one part it does not understand — a Table saved by another writer, an inline
 * string without a cell reference — made a healthy roster "damaged". Here only the parts that
 * hold values are required (workbook, its relationships, the worksheets, shared strings);
 * styles, tables and hyperlinks only refine what is read, and a failure in one of them is
 * ignored rather than fatal.
 *
 * Every worksheet is read, hidden ones included; chart and dialog sheets have no cells and are
 * skipped.
 */
import type { CellValue, MergedRange, ReadNote } from "../../shared/workbook/snapshot.js";
import { XlsxPackage, type Relationship } from "./xlsx/package.js";
import {
  parseDateStyles,
  parseSharedStrings,
  parseTable,
  parseWorkbook,
  type TableInfo,
} from "./xlsx/parts.js";
import { parseRef, parseWorksheet, type ParsedWorksheet } from "./xlsx/worksheet.js";
import { trimRows } from "./trim.js";

export interface RawSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  readonly merges: MergedRange[];
  readonly notes?: readonly ReadNote[];
}

const RELATIONSHIP_TYPE = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
  table: "/table",
  hyperlink: "/hyperlink",
} as const;

/** Throws when a required part is missing or malformed; the caller calls the file damaged. */
export async function readXlsx(bytes: Uint8Array): Promise<RawSheet[]> {
  const pkg = XlsxPackage.open(bytes);
  const workbookPart =
    firstOfType(pkg.relationships(""), RELATIONSHIP_TYPE.officeDocument)?.target ??
    "xl/workbook.xml";
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === undefined) throw new Error(`the package has no ${workbookPart}`);
  const workbook = parseWorkbook(workbookXml);
  const workbookRels = pkg.relationships(workbookPart);

  const sheetParts = workbook.sheets.flatMap((sheet) => {
    const rel = workbookRels.get(sheet.relationshipId);
    return rel !== undefined && rel.type.endsWith(RELATIONSHIP_TYPE.worksheet) && !rel.external
      ? [{ name: sheet.name, part: rel.target }]
      : [];
  });
  const sharedStringsPart = firstOfType(workbookRels, RELATIONSHIP_TYPE.sharedStrings)?.target;
  const stylesPart = firstOfType(workbookRels, RELATIONSHIP_TYPE.styles)?.target;
  pkg.load([
    ...sheetParts.map((sheet) => sheet.part),
    ...(sharedStringsPart === undefined ? [] : [sharedStringsPart]),
    ...(stylesPart === undefined ? [] : [stylesPart]),
  ]);

  const sharedStringsXml =
    sharedStringsPart === undefined ? undefined : pkg.text(sharedStringsPart);
  const context = {
    sharedStrings: sharedStringsXml === undefined ? [] : parseSharedStrings(sharedStringsXml),
    // Without styles, dates read as their serial numbers: worse, but not a lost roster.
    dateStyles: optional(() => parseDateStyles(pkg.text(stylesPart ?? "") ?? "<styleSheet/>"), []),
    date1904: workbook.date1904,
  };

  return sheetParts.map(({ name, part }) => {
    const xml = pkg.text(part);
    if (xml === undefined) throw new Error(`the package has no ${part} for sheet ${name}`);
    const parsed = parseWorksheet(xml, context);
    const rels = optional(() => pkg.relationships(part), new Map<string, Relationship>());
    applyMerges(parsed);
    applyMailtoLinks(parsed, rels);
    const tables = parsed.tableRelationshipIds.flatMap((id) => {
      const target = rels.get(id)?.target;
      if (target === undefined) return [];
      return optional(
        () => [parseTable(pkg.text(target) ?? "", parseRef)].flatMap((t) => t ?? []),
        [],
      );
    });
    const notes = [...parsed.notes, ...blankTotalsRows(parsed.rows, tables)];
    return {
      name,
      rows: trimRows(parsed.rows),
      merges: parsed.merges,
      ...(notes.length > 0 ? { notes: sortNotes(notes) } : {}),
    };
  });
}

/** Cells covered by a merge keep no value of their own: only the top-left cell speaks. */
function applyMerges(sheet: ParsedWorksheet): void {
  for (const merge of sheet.merges) {
    for (let r = merge.top; r <= merge.bottom && r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      for (let c = merge.left; c <= merge.right && c < row.length; c++) {
        if (r !== merge.top || c !== merge.left) row[c] = null;
      }
    }
  }
}

/**
 * A `mailto:` link whose cell shows nothing, or shows the link itself, stands for the address:
 * coordinators paste links from their mail program.
 */
function applyMailtoLinks(sheet: ParsedWorksheet, rels: ReadonlyMap<string, Relationship>): void {
  for (const link of sheet.hyperlinks) {
    const target = rels.get(link.relationshipId);
    if (target === undefined || !/^mailto:/i.test(target.target)) continue;
    const bounds = parseRef(link.ref);
    if (bounds === null) continue;
    const address = mailtoAddress(target.target);
    if (address === null) continue;
    let row = sheet.rows[bounds.top];
    if (row === undefined) sheet.rows[bounds.top] = row = [];
    const shown = row[bounds.left];
    if (
      shown === null ||
      shown === undefined ||
      (typeof shown === "string" &&
        (shown.trim() === "" || shown.trim().toLowerCase() === target.target.toLowerCase()))
    ) {
      while (row.length < bounds.left) row.push(null);
      row[bounds.left] = address;
    }
  }
}

function mailtoAddress(link: string): string | null {
  const address = link.replace(/^mailto:/i, "").split("?")[0]!;
  let decoded = address;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    // A stray "%" that is not an escape: keep the address as written.
  }
  const trimmed = decoded.trim();
  return trimmed === "" ? null : trimmed;
}

/** A Table's totals row (SUBTOTAL of a column, "Total") is never a person: its cells go. */
function blankTotalsRows(rows: CellValue[][], tables: readonly TableInfo[]): ReadNote[] {
  const notes: ReadNote[] = [];
  for (const table of tables) {
    for (let r = table.bottom - table.totalsRowCount + 1; r <= table.bottom; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      let had = false;
      for (let c = table.left; c <= table.right && c < row.length; c++) {
        if (row[c] !== null) had = true;
        row[c] = null;
      }
      if (had)
        notes.push({ code: "table-totals-row", row: r, column: table.left, detail: table.name });
    }
  }
  return notes;
}

function sortNotes(notes: ReadNote[]): ReadNote[] {
  return notes.sort((a, b) => a.row - b.row || (a.column ?? -1) - (b.column ?? -1));
}

function firstOfType(
  rels: ReadonlyMap<string, Relationship>,
  typeSuffix: string,
): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(typeSuffix)) return rel;
  return undefined;
}

/** Optional parts refine the reading; their failure must not make the workbook unreadable. */
function optional<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** "B3:D5" (or a lone "B3") to a 0-based inclusive range; null for anything else. */
export function parseRange(range: string): MergedRange | null {
  return parseRef(range);
}
