/**
 * The Forms sheet: one row per faculty member whose conference forms were generated, with the
 * chair, the file and when. Rows are only ever added: a re-run reads the sheet, leaves every row
 * (and every column the user added) as it is, and appends rows for faculty not yet listed.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot.js";
import type { PatchOp } from "../workbook/patch.js";
import { cellText, foldKey } from "../roster/text.js";

export const formsLogSheetName = "Forms";
export const formsLogHeader = [
  "Chair",
  "Chair e-mail",
  "Faculty",
  "Faculty e-mail",
  "File",
  "Generated at",
] as const;

/**
 * What the per-chair documents are: Word files (.docx, the CLI and the Excel add-in) or Google
 * Docs (the Google hosts). The log names each as its user sees it: the file's name with its
 * extension, or the Doc's title under a "Google Doc" heading.
 */
export type FormsDocumentKind = "word" | "google-doc";

/** The heading of the log's file column, by kind; a log with either heading is read. */
export function fileColumnHeader(kind: FormsDocumentKind): string {
  return kind === "google-doc" ? "Google Doc" : "File";
}

const fileHeadings = new Set(["file", "google doc"]);

/** The chair written in the log for faculty with no chair. */
export const unassignedChairName = "Unassigned chair";

export interface FormsLogEntry {
  chair: string;
  chairEmail: string;
  faculty: string;
  facultyEmail: string;
  file: string;
  generatedAt: string;
}

const entryKeys = [
  "chair",
  "chairEmail",
  "faculty",
  "facultyEmail",
  "file",
  "generatedAt",
] as const satisfies readonly (keyof FormsLogEntry)[];

/** A Forms sheet from an earlier run, as read. */
export interface FormsLog {
  sheet: string;
  entries: FormsLogEntry[];
  /** 0-based column of each of our columns in the sheet, or -1 when the user removed it. */
  columns: Record<keyof FormsLogEntry, number>;
  /** 0-based index of the first row after the last non-blank one. */
  nextRow: number;
}

/** Reads a Forms sheet; null when it has no header row with at least Chair and Faculty. */
export function readFormsLog(sheet: SheetSnapshot): FormsLog | null {
  const wanted = formsLogHeader.map(foldKey);
  const headerIndex = sheet.rows.slice(0, 5).findIndex((row) => {
    const texts = row.map((value) => foldKey(cellText(value)));
    return texts.includes(wanted[0]!) && texts.includes(wanted[2]!);
  });
  if (headerIndex < 0) return null;
  const header = sheet.rows[headerIndex]!.map((value) => foldKey(cellText(value)));
  const columns = Object.fromEntries(
    entryKeys.map((key, i) => [
      key,
      key === "file"
        ? header.findIndex((text) => fileHeadings.has(text))
        : header.indexOf(wanted[i]!),
    ]),
  ) as Record<keyof FormsLogEntry, number>;

  const entries: FormsLogEntry[] = [];
  let nextRow = headerIndex + 1;
  sheet.rows.forEach((row, r) => {
    if (r <= headerIndex) return;
    if (row.some((value) => cellText(value) !== "")) nextRow = r + 1;
    const entry = Object.fromEntries(
      entryKeys.map((key) => [key, columns[key] < 0 ? "" : cellText(row[columns[key]] ?? null)]),
    ) as unknown as FormsLogEntry;
    if (entry.faculty !== "" || entry.facultyEmail !== "") entries.push(entry);
  });
  return { sheet: sheet.name, entries, columns, nextRow };
}

/**
 * The same person written twice: by e-mail when both have one, else by name (case, accents
 * and punctuation ignored).
 */
export function samePerson(
  a: { name: string; email: string },
  b: { name: string; email: string },
): boolean {
  if (a.email !== "" && b.email !== "") return a.email.toLowerCase() === b.email.toLowerCase();
  return foldKey(a.name) === foldKey(b.name);
}

/**
 * The log's rows for a faculty member under a chair (as `isLogged` matches them), found through
 * an index by faculty e-mail and name, so an institution's log of thousands is not scanned per
 * person.
 */
export function loggedRows(
  entries: readonly FormsLogEntry[],
): (entry: FormsLogEntry) => FormsLogEntry[] {
  const byKey = new Map<string, FormsLogEntry[]>();
  const add = (key: string, row: FormsLogEntry) => {
    const list = byKey.get(key) ?? [];
    list.push(row);
    byKey.set(key, list);
  };
  for (const row of entries) {
    if (row.facultyEmail !== "") add(`@${row.facultyEmail.toLowerCase()}`, row);
    add(`#${foldKey(row.faculty)}`, row);
  }
  return (entry) => {
    const near = new Set([
      ...(entry.facultyEmail === ""
        ? []
        : (byKey.get(`@${entry.facultyEmail.toLowerCase()}`) ?? [])),
      ...(byKey.get(`#${foldKey(entry.faculty)}`) ?? []),
    ]);
    return [...near].filter((row) => isLogged([row], entry));
  };
}

/** Whether the log already has a row for this faculty member under this chair. */
export function isLogged(entries: readonly FormsLogEntry[], entry: FormsLogEntry): boolean {
  return entries.some(
    (row) =>
      samePerson(
        { name: row.chair, email: row.chairEmail },
        { name: entry.chair, email: entry.chairEmail },
      ) &&
      samePerson(
        { name: row.faculty, email: row.facultyEmail },
        { name: entry.faculty, email: entry.facultyEmail },
      ),
  );
}

const logFormat = {
  headerRows: 1,
  freezeRows: 1,
  columnWidths: [26, 32, 26, 32, 44, 20],
} as const;

/**
 * What to write: the whole sheet when there is no log yet; otherwise only the new rows, below
 * the last row, in our columns wherever the user moved them (nothing when nothing is new).
 */
export function formsLogOps(
  log: FormsLog | null,
  sheetName: string,
  added: readonly FormsLogEntry[],
  kind: FormsDocumentKind = "word",
): PatchOp[] {
  if (log === null)
    return [
      {
        op: "setSheet",
        sheet: sheetName,
        rows: [
          formsLogHeader.map((heading) => (heading === "File" ? fileColumnHeader(kind) : heading)),
          ...added.map((entry) => entryKeys.map((key) => entry[key])),
        ],
        format: logFormat,
      },
    ];
  const present = entryKeys.filter((key) => log.columns[key] >= 0);
  if (added.length === 0 || present.length === 0) return [];
  const first = Math.min(...present.map((key) => log.columns[key]));
  const last = Math.max(...present.map((key) => log.columns[key]));
  const values = added.map((entry) => {
    const row: CellValue[] = Array.from({ length: last - first + 1 }, () => null);
    for (const key of present) row[log.columns[key] - first] = entry[key];
    return row;
  });
  return [{ op: "writeCells", sheet: log.sheet, row: log.nextRow, column: first, values }];
}
