/**
 * An OOXML package (.xlsx, .xlsm) as its zip entries, for patching: parts nobody edits are
 * written back with their original compressed bytes, so a chart, a pivot cache or a VBA project
 * leaves exactly as it came in. Only the parts set through `set` are compressed anew.
 */
import {
  inflateSync,
  strFromU8,
  strToU8,
  unzipSync,
  Zip,
  ZipDeflate,
  type ZipInputFile,
} from "fflate";
import { readZipDirectory } from "./zip-directory.js";

interface KeptEntry {
  readonly kind: "kept";
  readonly method: number;
  readonly crc32: number;
  readonly size: number;
  readonly compressed: Uint8Array<ArrayBuffer>;
}
interface NewEntry {
  readonly kind: "new";
  readonly bytes: Uint8Array;
}

/** Entries' DOS time: 1980-01-01, so the same patch on the same input gives the same bytes. */
const fixedTime = new Date(1980, 0, 1);

export class XlsxPackage {
  private readonly entries = new Map<string, KeptEntry | NewEntry>();
  private readonly inflated = new Map<string, Uint8Array>();

  /** Throws when the bytes are not a zip fflate can read. */
  static read(bytes: Uint8Array<ArrayBuffer>): XlsxPackage {
    const pkg = new XlsxPackage();
    const directory = readZipDirectory(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const rawCopyable =
      directory !== null &&
      directory.every(
        (e) =>
          (e.method === 0 || e.method === 8) &&
          e.localHeaderOffset + 30 <= bytes.length &&
          view.getUint32(e.localHeaderOffset, true) === 0x04034b50,
      );
    if (directory !== null && rawCopyable) {
      for (const entry of directory) {
        const at = entry.localHeaderOffset;
        const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
        pkg.entries.set(entry.name, {
          kind: "kept",
          method: entry.method,
          crc32: entry.crc32,
          size: entry.size,
          compressed: bytes.subarray(start, start + entry.compressedSize),
        });
      }
      return pkg;
    }
    // Zip64 or an unusual method: keep the content, compressed anew.
    for (const [name, content] of Object.entries(unzipSync(bytes)))
      pkg.entries.set(name, { kind: "new", bytes: content });
    return pkg;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (entry === undefined) return undefined;
    if (entry.kind === "new") return entry.bytes;
    let content = this.inflated.get(name);
    if (content === undefined) {
      content =
        entry.method === 0
          ? entry.compressed
          : inflateSync(entry.compressed, { out: new Uint8Array(entry.size) });
      this.inflated.set(name, content);
    }
    return content;
  }

  text(name: string): string | undefined {
    const content = this.bytes(name);
    return content === undefined ? undefined : strFromU8(content);
  }

  set(name: string, content: Uint8Array | string): void {
    this.entries.set(name, {
      kind: "new",
      bytes: typeof content === "string" ? strToU8(content) : content,
    });
  }

  delete(name: string): void {
    this.entries.delete(name);
  }

  /** The archive: kept entries byte for byte, new ones deflated, in the original order. */
  toBytes(): Uint8Array {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error !== null) failure = error;
      else chunks.push(chunk);
    });
    for (const [name, entry] of this.entries) {
      if (entry.kind === "new") {
        const file = new ZipDeflate(name, { level: 6 });
        file.mtime = fixedTime;
        zip.add(file);
        file.push(entry.bytes, true);
        continue;
      }
      // fflate's streaming writer takes any file that hands it its compressed bytes.
      const file: ZipInputFile = {
        filename: name,
        size: entry.size,
        crc: entry.crc32,
        compression: entry.method,
        mtime: fixedTime,
      };
      zip.add(file);
      file.ondata?.(null, entry.compressed, true);
    }
    zip.end();
    if (failure !== null) throw failure;
    const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}
