/**
 * The forms markup: a small line-based text format that templates produce and that parses into
 * the document model. One line is one block (see docs/forms.md):
 *
 *     # Heading 1          ## Heading 2          ### Heading 3
 *     [ ] item  /  [x] item                      a check-box list item
 *     | a | b |            table rows; the first is the header, an optional `|---|---20|` row
 *                          after it gives relative column widths
 *     Label ____ Other ___ a fill-in line (a blank is three or more underscores)
 *     @signature Faculty Member | Date           signature lines (consecutive ones group)
 *     @note text           small print           ---page---   a page break
 *     anything else        a paragraph; **bold**, *italic*; blank lines are ignored
 *
 * A backslash before any ASCII punctuation character makes it plain text; merged data goes
 * through {@link escapeMarkup} so names like `O'Brien *Jr* | [x]` print as written.
 */
import type {
  Block,
  FillInField,
  Run,
  SignatureLine,
  TableBlock,
  TableCell,
} from "./document-model.js";

/** A line the parser cannot read: an unknown `@` directive, a table row with too many cells … */
export class MarkupError extends Error {
  constructor(
    /** 1-based line of the markup text. */
    readonly line: number,
    readonly lineText: string,
    readonly reason: string,
  ) {
    super(
      `line ${line}: ${reason}: ${lineText.length > 80 ? lineText.slice(0, 77) + "…" : lineText}`,
    );
    this.name = "MarkupError";
  }
}

const escapable = /[\\*_|[\]#@\-^~>`{}!]/g;

/**
 * Makes text print as written: markup characters get a backslash, line breaks and tabs become
 * spaces (a merged value never starts a new block).
 */
export function escapeMarkup(text: string): string {
  return text.replace(/\r\n|[\r\n\t\v\f\u2028\u2029]/g, " ").replace(escapable, (c) => `\\${c}`);
}

/** The inverse of {@link escapeMarkup} for a value that went through it (line breaks aside). */
export function unescapeMarkup(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

type Token =
  | { kind: "text"; text: string }
  | { kind: "bold" }
  | { kind: "italic" }
  | { kind: "blank"; length: number };

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let plain = "";
  const flush = (): void => {
    if (plain !== "") tokens.push({ kind: "text", text: plain });
    plain = "";
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "\\" && next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
      plain += next;
      i += 2;
    } else if (c === "*") {
      flush();
      if (next === "*") {
        tokens.push({ kind: "bold" });
        i += 2;
      } else {
        tokens.push({ kind: "italic" });
        i += 1;
      }
    } else if (c === "_" && text.startsWith("___", i)) {
      let end = i;
      while (text[end] === "_") end++;
      flush();
      tokens.push({ kind: "blank", length: end - i });
      i = end;
    } else {
      plain += c;
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** Runs of a piece of inline text; `blanks` keeps blanks as separators for fill-in lines. */
function inline(text: string): (Run | { blank: number })[] {
  const tokens = tokenise(text);
  // An emphasis marker without a partner prints as itself.
  const lonely = new Set<number>();
  for (const kind of ["bold", "italic"] as const) {
    const at = tokens.flatMap((token, i) => (token.kind === kind ? [i] : []));
    if (at.length % 2 === 1) lonely.add(at[at.length - 1]!);
  }
  const out: (Run | { blank: number })[] = [];
  let bold = false;
  let italic = false;
  const push = (piece: string): void => {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      "text" in last &&
      (last.bold ?? false) === bold &&
      (last.italic ?? false) === italic
    ) {
      last.text += piece;
      return;
    }
    out.push({ text: piece, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
  };
  tokens.forEach((token, i) => {
    if (token.kind === "text") push(token.text);
    else if (token.kind === "blank") out.push({ blank: token.length });
    else if (lonely.has(i)) push(token.kind === "bold" ? "**" : "*");
    else if (token.kind === "bold") bold = !bold;
    else italic = !italic;
  });
  return out;
}

/** Inline text as runs; blanks print as underscores. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  for (const piece of inline(text)) {
    const run = "blank" in piece ? { text: "_".repeat(piece.blank) } : piece;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.bold === run.bold && last.italic === run.italic)
      last.text += run.text;
    else runs.push({ ...run });
  }
  return trimRuns(runs);
}

function fillInFields(text: string): FillInField[] | null {
  const pieces = inline(text);
  if (!pieces.some((piece) => "blank" in piece)) return null;
  const fields: FillInField[] = [];
  let label: Run[] = [];
  for (const piece of pieces) {
    if ("blank" in piece) {
      fields.push({ label: trimRuns(label), blank: piece.blank });
      label = [];
    } else label.push(piece);
  }
  const rest = trimRuns(label);
  if (rest.length > 0) fields.push({ label: rest, blank: 0 });
  return fields;
}

/** Spaces at both ends go; renderers put one space between a label and its blank. */
function trimRuns(runs: Run[]): Run[] {
  const copy = runs.map((run) => ({ ...run })).filter((run) => run.text !== "");
  while (copy.length > 0 && copy[0]!.text.trim() === "") copy.shift();
  while (copy.length > 0 && copy[copy.length - 1]!.text.trim() === "") copy.pop();
  if (copy[0] !== undefined) copy[0].text = copy[0].text.trimStart();
  const last = copy[copy.length - 1];
  if (last !== undefined) last.text = last.text.trimEnd();
  return copy;
}

/** Splits at unescaped `|`. */
function splitCells(text: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      current += c + text[i + 1]!;
      i++;
    } else if (c === "|") {
      cells.push(current);
      current = "";
    } else current += c;
  }
  cells.push(current);
  return cells;
}

function tableCells(line: string): string[] {
  const cells = splitCells(line.slice(1));
  if (cells.length > 1 && cells[cells.length - 1]!.trim() === "") cells.pop();
  return cells.map((cell) => cell.trim());
}

const separatorCell = /^-{3,}\s*(\d+(?:\.\d+)?)?$/;

/** Parses markup text into blocks. Throws {@link MarkupError} for a line it cannot read. */
export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let table: { block: TableBlock; line: number } | null = null;
  let signatures: SignatureLine[] | null = null;

  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    const fail = (reason: string): never => {
      throw new MarkupError(lineNumber, line, reason);
    };
    if (!line.startsWith("|")) table = null;
    if (!line.startsWith("@signature")) signatures = null;
    if (line === "") continue;

    if (line === "---page---") {
      blocks.push({ kind: "pageBreak" });
      continue;
    }
    const heading = /^(#{1,6})(?:\s+(.*))?$/.exec(line);
    if (heading !== null) {
      const level = heading[1]!.length;
      if (level > 3) fail("headings go down to ### (level 3)");
      blocks.push({
        kind: "heading",
        level: level as 1 | 2 | 3,
        runs: parseInline(heading[2] ?? ""),
      });
      continue;
    }
    const box = /^\[([ xX])\](?:\s+(.*))?$/.exec(line);
    if (box !== null) {
      blocks.push({
        kind: "checkbox",
        checked: box[1] !== " ",
        runs: parseInline(box[2] ?? ""),
      });
      continue;
    }
    if (line.startsWith("|")) {
      const cells = tableCells(line);
      if (table === null) {
        const block: TableBlock = {
          kind: "table",
          header: cells.map((cell) => ({ runs: parseInline(cell) })),
          rows: [],
        };
        blocks.push(block);
        table = { block, line: lineNumber };
        continue;
      }
      const current: TableBlock = table.block;
      const width = current.header.length;
      if (cells.length > width)
        fail(`a row with ${cells.length} cells in a table of ${width} columns`);
      const isSeparator = cells.every((cell) => separatorCell.test(cell));
      if (isSeparator && table.line === lineNumber - 1 && current.rows.length === 0) {
        const widths = cells.map((cell) => separatorCell.exec(cell)![1]);
        const given = widths.filter((w) => w !== undefined);
        if (given.length > 0) {
          if (given.length !== width || cells.length !== width)
            fail("give a width for every column, or for none");
          current.columnWidths = given.map(Number).map((w) => (w > 0 ? w : fail("a width of 0")));
        }
        continue;
      }
      const row: TableCell[] = cells.map((cell) => ({ runs: parseInline(cell) }));
      while (row.length < width) row.push({ runs: [] });
      current.rows.push(row);
      continue;
    }
    if (line.startsWith("@")) {
      const directive = /^@(\w+)(?:\s+(.*))?$/.exec(line);
      const name = directive?.[1] ?? "";
      const rest = directive?.[2] ?? "";
      if (name === "note") {
        blocks.push({ kind: "note", runs: parseInline(rest) });
        continue;
      }
      if (name === "signature") {
        const [label = "", date, ...more] = splitCells(rest).map((part) =>
          plain(parseInline(part)),
        );
        if (more.length > 0) fail("a signature line takes a label and at most a date label");
        const entry: SignatureLine = { label, dateLabel: date === undefined ? null : date };
        if (signatures === null) {
          signatures = [entry];
          blocks.push({ kind: "signatures", lines: signatures });
        } else signatures.push(entry);
        continue;
      }
      fail(`unknown directive @${name} (known: @signature, @note; write \\@ for a plain @)`);
    }
    const fields = fillInFields(line);
    if (fields !== null) blocks.push({ kind: "fillIn", fields });
    else blocks.push({ kind: "paragraph", runs: parseInline(line) });
  }
  return blocks;
}

function plain(runs: Run[]): string {
  return runs.map((run) => run.text).join("");
}
