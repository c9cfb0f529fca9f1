/**
 * The parts of an .xlsx package a roster reader needs, found through the package's
 * relationships (not by fixed paths: writers name parts differently). Only the XML parts that
 * are read are inflated; media, printer settings and VBA projects stay compressed.
 */
import { strFromU8, unzipSync } from "fflate";
import { relsPathOf, resolveTarget } from "../package-xml.js";
import { walkXml } from "./xml.js";

export interface Relationship {
  readonly type: string;
  /** Absolute part name without the leading slash, or the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

export class XlsxPackage {
  private readonly byLowerName = new Map<string, string>();
  private readonly inflated: Map<string, Uint8Array>;

  private constructor(private readonly bytes: Uint8Array) {
    // First pass lists the entries without inflating any.
    unzipSync(bytes, {
      filter: (file) => {
        this.byLowerName.set(file.name.toLowerCase(), file.name);
        return false;
      },
    });
    this.inflated = new Map();
  }

  static open(bytes: Uint8Array): XlsxPackage {
    return new XlsxPackage(bytes);
  }

  /** Inflates the named XML parts in one pass over the archive. */
  load(names: Iterable<string>): void {
    const wanted = new Set<string>();
    for (const name of names) {
      const actual = this.actualName(name);
      if (actual !== undefined && !this.inflated.has(actual)) wanted.add(actual);
    }
    if (wanted.size === 0) return;
    const entries = unzipSync(this.bytes, { filter: (file) => wanted.has(file.name) });
    for (const [name, data] of Object.entries(entries)) this.inflated.set(name, data);
  }

  has(name: string): boolean {
    return this.actualName(name) !== undefined;
  }

  /** The part's text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const actual = this.actualName(name);
    if (actual === undefined) return undefined;
    if (!this.inflated.has(actual)) this.load([actual]);
    const data = this.inflated.get(actual);
    return data === undefined ? undefined : decodeXmlBytes(data);
  }

  /** The relationships of `part` (its `_rels/<name>.rels`; "" for the package's own), by id. */
  relationships(part: string): Map<string, Relationship> {
    const xml = this.text(relsPathOf(part));
    const result = new Map<string, Relationship>();
    if (xml === undefined) return result;
    walkXml(xml, {
      open(element) {
        if (element.name !== "Relationship") return;
        const id = element.attributes.get("Id");
        const target = element.attributes.get("Target");
        if (id === undefined || target === undefined) return;
        const external = element.attributes.get("TargetMode") === "External";
        result.set(id, {
          type: element.attributes.get("Type") ?? "",
          target: external ? target : resolveTarget(part, target),
          external,
        });
      },
    });
    return result;
  }

  private actualName(name: string): string | undefined {
    // Part names are case-insensitive in OPC.
    return this.byLowerName.get(name.toLowerCase());
  }
}

/** XML parts are UTF-8 or, rarely, UTF-16 with a byte-order mark. */
function decodeXmlBytes(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  const text = strFromU8(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
