/**
 * Reads a .docx back without the `docx` package: unzips `word/document.xml` (zip directory from
 * cli/io/zip-directory.ts, inflate from node:zlib) and lists its paragraphs with their style.
 */
import { inflateRawSync } from "node:zlib";
import { readZipDirectory } from "../../cli/io/zip-directory.js";

export function zipEntry(bytes: Uint8Array, name: string): Buffer {
  const entries = readZipDirectory(bytes);
  if (entries === null) throw new Error("not a zip archive");
  const entry = entries.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no ${name} in the archive`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== 0x04034b50) throw new Error("bad local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = Buffer.from(bytes.subarray(start, start + entry.compressedSize));
  return entry.method === 8 ? inflateRawSync(data) : data;
}

export interface DocxParagraph {
  /** The paragraph style id ("Heading1"), or "" for none. */
  style: string;
  text: string;
  /** Inside a table cell. */
  inTable: boolean;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

export interface DocxContent {
  xml: string;
  paragraphs: DocxParagraph[];
  /** Check-box content controls, in order: true when ticked. */
  checkBoxes: boolean[];
  pageBreaks: number;
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const xml = zipEntry(bytes, "word/document.xml").toString("utf8");
  const paragraphs: DocxParagraph[] = [];
  const tableRanges: [number, number][] = [];
  for (const table of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g))
    tableRanges.push([table.index, table.index + table[0].length]);
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const body = match[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? "";
    let text = "";
    for (const piece of body.matchAll(
      /<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:sym [^>]*w:char="([0-9A-F]+)"/gi,
    )) {
      if (piece[0].startsWith("<w:tab")) text += "\t";
      else if (piece[2] !== undefined) text += String.fromCodePoint(parseInt(piece[2], 16));
      else text += decode(piece[1] ?? "");
    }
    const inTable = tableRanges.some(([from, to]) => match.index > from && match.index < to);
    paragraphs.push({ style, text, inTable });
  }
  const checkBoxes = [...xml.matchAll(/<w14:checked w14:val="([01])"\/>/g)].map(
    (m) => m[1] === "1",
  );
  const pageBreaks = [...xml.matchAll(/<w:br w:type="page"\/>/g)].length;
  return { xml, paragraphs, checkBoxes, pageBreaks };
}
