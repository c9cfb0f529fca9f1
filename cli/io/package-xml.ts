/**
 * Small, exact edits to OOXML parts as text. The package patcher changes a few elements in a
 * few parts and must leave every other byte of them alone, which a parse-and-serialise round
 * trip would not; the parts it edits are machine-written, one element per tag, no DTDs.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const lower = code.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    return String.fromCodePoint(
      lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10),
    );
  });
}

/** The (unescaped) value of an attribute in one start tag; a prefix such as `r:` is part of the name. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(["'])(.*?)\\1`, "s").exec(
    tag,
  );
  return match === null ? undefined : unescapeXml(match[2]!);
}

/** Every start (or empty) tag of an element, e.g. all `<sheet …/>` in workbook.xml. */
export function tags(xml: string, element: string): string[] {
  return xml.match(new RegExp(`<${element}(?=[\\s/>])[^>]*>`, "g")) ?? [];
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(relsXml: string | undefined): Relationship[] {
  if (relsXml === undefined) return [];
  return tags(relsXml, "Relationship").map((tag) => ({
    id: attribute(tag, "Id") ?? "",
    type: attribute(tag, "Type") ?? "",
    target: attribute(tag, "Target") ?? "",
    external: attribute(tag, "TargetMode") === "External",
  }));
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, from the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** The part a package's root relationships name as its main document (xl/workbook.xml). */
export function mainPart(rootRels: string | undefined): string | undefined {
  const main = relationships(rootRels).find((rel) => rel.type.endsWith("/officeDocument"));
  return main === undefined ? undefined : resolveTarget("", main.target);
}

/** Inserts `addition` just before the closing tag of `element`, or returns null when absent. */
export function appendInside(xml: string, element: string, addition: string): string | null {
  const close = xml.lastIndexOf(`</${element}>`);
  if (close < 0) return null;
  return xml.slice(0, close) + addition + xml.slice(close);
}
