/**
 * A thin walk over an XML part with saxes (a small, well-kept SAX parser; ExcelJS already
 * depends on it). Namespaces are not resolved: writers differ in prefixes (`<x:c>` from the
 * Open XML SDK, `<c>` from Excel), so elements are matched by local name, which is unambiguous
 * inside the SpreadsheetML parts read here. Malformed XML throws.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** The local name, without prefix. */
  readonly name: string;
  /** Attributes by their name as written (prefix included), e.g. "r", "r:id". */
  readonly attributes: ReadonlyMap<string, string>;
}

export interface XmlVisitor {
  open?(element: XmlElement): void;
  text?(text: string): void;
  close?(name: string): void;
}

export function walkXml(xml: string, visitor: XmlVisitor): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    const attributes = new Map<string, string>();
    for (const [key, value] of Object.entries(tag.attributes)) attributes.set(key, value);
    visitor.open?.({ name: localName(tag.name), attributes });
    if (tag.isSelfClosing) visitor.close?.(localName(tag.name));
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) visitor.close?.(localName(tag.name));
  });
  if (visitor.text) {
    const text = visitor.text.bind(visitor);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  parser.write(xml).close();
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The relationship id attribute (`r:id`, whatever its prefix). */
export function relationshipId(element: XmlElement): string | undefined {
  for (const [key, value] of element.attributes) {
    if (key.endsWith(":id")) return value;
  }
  return undefined;
}
