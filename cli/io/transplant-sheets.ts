/**
 * Moves the product's own sheets from a scratch package (written by ExcelJS from the core's
 * patch) into the user's package. Only these entries of the user's package change: the owned
 * sheets' parts and their relationships, workbook.xml (a `<sheet>` per added sheet),
 * its relationships, [Content_Types].xml, styles.xml (appended styles) and docProps/app.xml's
 * sheet titles. A replaced sheet keeps its part name, r:id, sheetId and place among the tabs;
 * added sheets go last, so no existing sheet moves and every `localSheetId` stays right.
 */
import { mergeStyles } from "./merge-styles.js";
import {
  appendInside,
  attribute,
  escapeXml,
  mainPart,
  relationships,
  relsPathOf,
  resolveTarget,
  tags,
  unescapeXml,
  type Relationship,
} from "./package-xml.js";
import type { XlsxPackage } from "./xlsx-package.js";

export class PackagePatchError extends Error {}

const contentTypesPart = "[Content_Types].xml";
const worksheetContentType =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const relsContentType = "application/vnd.openxmlformats-package.relationships+xml";
const relationshipNamespaces = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

interface SheetRef {
  name: string;
  sheetId: number;
  part: string;
}

interface WorkbookParts {
  part: string;
  xml: string;
  rels: Relationship[];
  sheets: SheetRef[];
  /** The prefix workbook.xml binds to the relationships namespace (`r` as Excel writes it). */
  relPrefix: string;
}

function workbookParts(pkg: XlsxPackage, label: string): WorkbookParts {
  const part = mainPart(pkg.text("_rels/.rels"));
  const xml = part === undefined ? undefined : pkg.text(part);
  if (part === undefined || xml === undefined)
    throw new PackagePatchError(`${label} has no workbook part`);
  const rels = relationships(pkg.text(relsPathOf(part)));
  const relPrefix =
    relationshipNamespaces
      .map((ns) => new RegExp(`xmlns:(\\w+)="${ns.replace(/[./]/g, "\\$&")}"`).exec(xml)?.[1])
      .find((prefix) => prefix !== undefined) ?? "r";
  const sheets = tags(xml, "sheet").flatMap((tag): SheetRef[] => {
    const rel = rels.find((r) => r.id === attribute(tag, `${relPrefix}:id`));
    const name = attribute(tag, "name");
    if (rel === undefined || name === undefined) return [];
    return [
      {
        name,
        sheetId: Number(attribute(tag, "sheetId") ?? 0),
        part: resolveTarget(part, rel.target),
      },
    ];
  });
  return { part, xml, rels, sheets, relPrefix };
}

/** `xl/worksheets/sheet4.xml` when sheet1–3 exist; keeps the stem and extension of `like`. */
function freePartName(pkg: XlsxPackage, like: string): string {
  const match = /^(.*?)(\d*)(\.[^./]+)$/.exec(like);
  const stem = match?.[1] ?? like;
  const extension = match?.[3] ?? "";
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${extension}`;
    if (!pkg.has(candidate)) return candidate;
  }
}

function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function relsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (rel) =>
      `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"${rel.external ? ' TargetMode="External"' : ""}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

/**
 * Styles remapped, strings inline (so the user's sharedStrings.xml stays untouched; an inline
 * `<is>` holds what a shared `<si>` does), and no second selected tab.
 */
function ownedSheetXml(
  xml: string,
  cellFormat: (index: number) => number,
  sharedStrings: readonly string[],
): string {
  const remap = (_: string, before: string, index: string) => `${before}${cellFormat(+index)}"`;
  return xml
    .replace(/(<c\b[^>]*?\ss=")(\d+)"/g, remap)
    .replace(/(<row\b[^>]*?\ss=")(\d+)"/g, remap)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, remap)
    .replace(/\stabSelected="(1|true)"/g, "")
    .replace(
      /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_, before: string, after: string, index: string) =>
        `<c${before} t="inlineStr"${after}><is>${sharedStrings[+index] ?? "<t></t>"}</is></c>`,
    )
    .replace(
      /<c\b([^>]*?)\st="str"([^>]*)><v>([^<]*)<\/v><\/c>/g,
      (_, before: string, after: string, text: string) =>
        `<c${before} t="inlineStr"${after}><is><t xml:space="preserve">${text}</t></is></c>`,
    );
}

/** The inner XML of each `<si>` of a shared strings part. */
function sharedStringItems(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((match) => match[1] ?? "<t></t>");
}

class ContentTypes {
  constructor(private xml: string) {}

  overrideOf(part: string): string | undefined {
    const tag = tags(this.xml, "Override").find((t) => attribute(t, "PartName") === `/${part}`);
    return tag === undefined ? undefined : attribute(tag, "ContentType");
  }

  defaultOf(extension: string): string | undefined {
    const tag = tags(this.xml, "Default").find(
      (t) => attribute(t, "Extension")?.toLowerCase() === extension.toLowerCase(),
    );
    return tag === undefined ? undefined : attribute(tag, "ContentType");
  }

  add(part: string, contentType: string): void {
    const extension = part.slice(part.lastIndexOf(".") + 1);
    if (this.overrideOf(part) !== undefined || this.defaultOf(extension) === contentType) return;
    this.insert(
      `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`,
    );
  }

  addDefault(extension: string, contentType: string): void {
    if (this.defaultOf(extension) !== undefined) return;
    this.insert(
      `<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(contentType)}"/>`,
    );
  }

  private insert(tag: string): void {
    const next = appendInside(this.xml, "Types", tag);
    if (next === null) throw new PackagePatchError("[Content_Types].xml has no <Types> element");
    this.xml = next;
  }

  toString(): string {
    return this.xml;
  }
}

export function transplantSheets(
  user: XlsxPackage,
  scratch: XlsxPackage,
  owned: readonly string[],
): void {
  const workbook = workbookParts(user, "the workbook");
  const source = workbookParts(scratch, "the generated sheets");
  const userTypesXml = user.text(contentTypesPart);
  if (userTypesXml === undefined) throw new PackagePatchError("the workbook has no content types");
  const types = new ContentTypes(userTypesXml);
  const scratchTypes = new ContentTypes(scratch.text(contentTypesPart) ?? "<Types></Types>");
  const workbookRels = [...workbook.rels];
  let workbookXml = workbook.xml;

  const cellFormat = mergeStylesInto(user, scratch, workbook, source, workbookRels, types);
  const stringsRel = source.rels.find((rel) => rel.type.endsWith("/sharedStrings"));
  const sharedStrings = sharedStringItems(
    stringsRel === undefined
      ? undefined
      : scratch.text(resolveTarget(source.part, stringsRel.target)),
  );

  /** Copies a part a generated sheet refers to (comments, drawings), with what it refers to. */
  const copied = new Map<string, string>();
  const copyPart = (from: string): string => {
    const done = copied.get(from);
    if (done !== undefined) return done;
    const name = freePartName(user, from);
    copied.set(from, name);
    user.set(name, scratch.bytes(from) ?? new Uint8Array());
    const extension = from.slice(from.lastIndexOf(".") + 1);
    const override = scratchTypes.overrideOf(from);
    if (override !== undefined) types.add(name, override);
    else {
      const byExtension = scratchTypes.defaultOf(extension);
      if (byExtension !== undefined) types.addDefault(extension, byExtension);
    }
    copyRelationships(from, name);
    return name;
  };
  const copyRelationships = (from: string, to: string): void => {
    user.delete(relsPathOf(to));
    const rels = relationships(scratch.text(relsPathOf(from)));
    if (rels.length === 0) return;
    const rewritten = rels.map((rel) =>
      rel.external
        ? rel
        : { ...rel, target: relativeTarget(to, copyPart(resolveTarget(from, rel.target))) },
    );
    user.set(relsPathOf(to), relsXml(rewritten));
    types.addDefault("rels", relsContentType);
  };

  const worksheetRelType =
    workbook.rels.find((rel) => rel.type.endsWith("/worksheet"))?.type ??
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  let nextSheetId = Math.max(0, ...workbook.sheets.map((sheet) => sheet.sheetId)) + 1;
  const added: string[] = [];
  for (const name of new Set(owned)) {
    const generated = source.sheets.find((sheet) => sheet.name === name);
    const xml = generated === undefined ? undefined : scratch.text(generated.part);
    if (generated === undefined || xml === undefined)
      throw new PackagePatchError(`the generated sheet ${name} is missing`);
    const existing =
      workbook.sheets.find((sheet) => sheet.name === name) ??
      workbook.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    let part = existing?.part;
    if (part === undefined) {
      part = freePartName(user, "xl/worksheets/sheet.xml");
      const id = freeRelationshipId(workbookRels);
      workbookRels.push({
        id,
        type: worksheetRelType,
        target: relativeTarget(workbook.part, part),
        external: false,
      });
      const sheetTag = `<sheet name="${escapeXml(name)}" sheetId="${nextSheetId++}" ${workbook.relPrefix}:id="${id}"/>`;
      const next = appendInside(workbookXml, "sheets", sheetTag);
      if (next === null) throw new PackagePatchError("workbook.xml has no <sheets> element");
      workbookXml = next;
      types.add(part, worksheetContentType);
      added.push(name);
    }
    user.set(part, ownedSheetXml(xml, cellFormat, sharedStrings));
    copyRelationships(generated.part, part);
  }

  if (added.length > 0) {
    user.set(workbook.part, workbookXml);
    user.set(relsPathOf(workbook.part), relsXml(workbookRels));
    addSheetTitles(
      user,
      workbook.sheets.map((sheet) => sheet.name),
      added,
    );
  }
  const typesXml = types.toString();
  if (typesXml !== userTypesXml) user.set(contentTypesPart, typesXml);
}

function freeRelationshipId(rels: readonly Relationship[]): string {
  const taken = new Set(rels.map((rel) => rel.id));
  for (let n = rels.length + 1; ; n++) if (!taken.has(`rId${n}`)) return `rId${n}`;
}

/** Appends the scratch styles the owned sheets use; returns their new cell format indexes. */
function mergeStylesInto(
  user: XlsxPackage,
  scratch: XlsxPackage,
  workbook: WorkbookParts,
  source: WorkbookParts,
  workbookRels: Relationship[],
  types: ContentTypes,
): (index: number) => number {
  const stylesOf = (parts: WorkbookParts, rels: readonly Relationship[]) => {
    const rel = rels.find((r) => r.type.endsWith("/styles"));
    return rel === undefined ? undefined : resolveTarget(parts.part, rel.target);
  };
  const scratchPart = stylesOf(source, source.rels);
  const scratchXml = scratchPart === undefined ? undefined : scratch.text(scratchPart);
  if (scratchPart === undefined || scratchXml === undefined) return () => 0;
  const userPart = stylesOf(workbook, workbook.rels);
  const userXml = userPart === undefined ? undefined : user.text(userPart);
  if (userPart === undefined || userXml === undefined) {
    // A workbook without styles (some generators omit them) takes the scratch ones whole.
    const part = freePartName(user, "xl/styles.xml");
    user.set(part, scratchXml);
    workbookRels.push({
      id: freeRelationshipId(workbookRels),
      type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
      target: relativeTarget(workbook.part, part),
      external: false,
    });
    user.set(relsPathOf(workbook.part), relsXml(workbookRels));
    types.add(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    return (index) => index;
  }
  const merged = mergeStyles(userXml, scratchXml);
  if (merged.xml !== userXml) user.set(userPart, merged.xml);
  return merged.cellFormat;
}

/**
 * docProps/app.xml lists the sheet names after a "Worksheets" heading (in Excel's language).
 * The group is found by its names, not its heading, and left alone when it does not match.
 */
function addSheetTitles(user: XlsxPackage, before: readonly string[], added: readonly string[]) {
  const part = "docProps/app.xml";
  const xml = user.text(part);
  if (xml === undefined) return;
  const titles =
    /(<TitlesOfParts>\s*<vt:vector\b[^>]*\ssize=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>)/.exec(
      xml,
    );
  const heading =
    /<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>(\d+)<\/vt:i4>/.exec(
      xml,
    );
  if (titles === null || heading === null) return;
  const count = Number(heading[1]);
  const items = titles[4]!.match(/<vt:lpstr>[^<]*<\/vt:lpstr>/g) ?? [];
  const names = items
    .slice(0, count)
    .map((item) => unescapeXml(item.replace(/<\/?vt:lpstr>/g, "")));
  if (count !== before.length || names.some((name, i) => name !== before[i])) return;
  const newItems = [
    ...items.slice(0, count),
    ...added.map((name) => `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`),
    ...items.slice(count),
  ];
  const headingCount = heading[0].replace(
    /<vt:i4>\d+<\/vt:i4>$/,
    `<vt:i4>${count + added.length}</vt:i4>`,
  );
  const next = xml
    .replace(heading[0], () => headingCount)
    .replace(
      titles[0],
      () => `${titles[1]}${newItems.length}${titles[3]}${newItems.join("")}${titles[5]}`,
    );
  user.set(part, next);
}
