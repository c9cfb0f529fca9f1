/**
 * Brings the styles of sheets generated elsewhere (ExcelJS's scratch workbook) into the user's
 * styles.xml by appending what is missing: existing fonts, fills, borders, number formats and
 * cell formats keep their indexes, so every cell of the user's own sheets looks as before.
 * An entry equal to one already there is reused, so a second run adds nothing.
 */
import { attribute } from "./package-xml.js";

export interface MergedStyles {
  xml: string;
  /** The scratch workbook's cell format index → the merged one. */
  cellFormat: (scratchIndex: number) => number;
}

export class StylesMergeError extends Error {}

interface Section {
  /** The section's element, e.g. `fonts`. */
  name: string;
  /** Its children's element, e.g. `font`. */
  child: string;
}
const numFmts: Section = { name: "numFmts", child: "numFmt" };
const fonts: Section = { name: "fonts", child: "font" };
const fills: Section = { name: "fills", child: "fill" };
const borders: Section = { name: "borders", child: "border" };
const cellXfs: Section = { name: "cellXfs", child: "xf" };

/** The children of a section, each as its exact text; null when the section is absent. */
function children(xml: string, section: Section): string[] | null {
  const match = new RegExp(
    `<${section.name}(?=[\\s>/])[^>]*?(?:/>|>([\\s\\S]*?)</${section.name}>)`,
  ).exec(xml);
  if (match === null) return null;
  const body = match[1] ?? "";
  return (
    body.match(
      new RegExp(`<${section.child}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${section.child}>)`, "g"),
    ) ?? []
  );
}

function replaceSection(xml: string, section: Section, items: readonly string[]): string {
  const pattern = new RegExp(
    `<${section.name}(?=[\\s>/])([^>]*?)(?:/>|>[\\s\\S]*?</${section.name}>)`,
  );
  return xml.replace(pattern, (_, attributes: string) => {
    const rest = attributes.replace(/\s+count\s*=\s*"[^"]*"/, "").replace(/\s*\/$/, "");
    return `<${section.name} count="${items.length}"${rest}>${items.join("")}</${section.name}>`;
  });
}

function setAttributes(tag: string, values: Record<string, string>): string {
  let out = tag;
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*")[^"]*(")`);
    out = pattern.test(out)
      ? out.replace(pattern, `$1${value}$2`)
      : out.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
  }
  return out;
}

/** Index of `item` in `list`, appending it when absent. */
function indexOrAppend(list: string[], item: string): number {
  const found = list.indexOf(item);
  if (found >= 0) return found;
  list.push(item);
  return list.length - 1;
}

export function mergeStyles(userXml: string, scratchXml: string): MergedStyles {
  const userLists = {
    fonts: children(userXml, fonts),
    fills: children(userXml, fills),
    borders: children(userXml, borders),
    cellXfs: children(userXml, cellXfs),
  };
  if (
    userLists.fonts === null ||
    userLists.fills === null ||
    userLists.borders === null ||
    userLists.cellXfs === null
  )
    throw new StylesMergeError(
      "the workbook's styles part has no fonts, fills, borders or cellXfs",
    );
  const userFonts = userLists.fonts;
  const userFills = userLists.fills;
  const userBorders = userLists.borders;
  const userXfs = userLists.cellXfs;
  const userNumFmts = children(userXml, numFmts) ?? [];
  const lengthsBefore = [userFonts.length, userFills.length, userBorders.length, userXfs.length];

  const fontMap = (children(scratchXml, fonts) ?? []).map((font) => indexOrAppend(userFonts, font));
  const fillMap = (children(scratchXml, fills) ?? []).map((fill) => indexOrAppend(userFills, fill));
  const borderMap = (children(scratchXml, borders) ?? []).map((border) =>
    indexOrAppend(userBorders, border),
  );

  // Custom number formats are numbered from 164; built-in ids mean the same everywhere.
  const numFmtMap = new Map<number, number>();
  let nextNumFmt = Math.max(163, ...userNumFmts.map((f) => Number(attribute(f, "numFmtId") ?? 0)));
  const numFmtsBefore = userNumFmts.length;
  for (const format of children(scratchXml, numFmts) ?? []) {
    const id = Number(attribute(format, "numFmtId") ?? NaN);
    const code = attribute(format, "formatCode");
    if (!Number.isInteger(id) || code === undefined) continue;
    const same = userNumFmts.find((f) => attribute(f, "formatCode") === code);
    if (same !== undefined) {
      numFmtMap.set(id, Number(attribute(same, "numFmtId")));
      continue;
    }
    nextNumFmt += 1;
    numFmtMap.set(id, nextNumFmt);
    userNumFmts.push(setAttributes(format, { numFmtId: String(nextNumFmt) }));
  }

  const xfMap = (children(scratchXml, cellXfs) ?? []).map((xf) => {
    const start = /^<xf[^>]*>/.exec(xf)![0];
    const id = (name: string): number => Number(attribute(start, name) ?? 0);
    const remapped = setAttributes(start, {
      numFmtId: String(numFmtMap.get(id("numFmtId")) ?? id("numFmtId")),
      fontId: String(fontMap[id("fontId")] ?? 0),
      fillId: String(fillMap[id("fillId")] ?? 0),
      borderId: String(borderMap[id("borderId")] ?? 0),
      xfId: "0",
    });
    return indexOrAppend(userXfs, remapped + xf.slice(start.length));
  });

  let xml = userXml;
  // A section is rewritten only when it grew, so a re-run leaves styles.xml as it was.
  const lists: [Section, string[]][] = [
    [fonts, userFonts],
    [fills, userFills],
    [borders, userBorders],
    [cellXfs, userXfs],
  ];
  lists.forEach(([section, items], i) => {
    if (items.length > lengthsBefore[i]!) xml = replaceSection(xml, section, items);
  });
  if (userNumFmts.length > numFmtsBefore) {
    if (children(xml, numFmts) !== null) xml = replaceSection(xml, numFmts, userNumFmts);
    else
      xml = xml.replace(
        /<fonts(?=[\s>])/,
        `<numFmts count="${userNumFmts.length}">${userNumFmts.join("")}</numFmts><fonts`,
      );
  }
  return { xml, cellFormat: (index) => xfMap[index] ?? 0 };
}
