/**
 * A tiny zip reader/writer for the fixture generators: enough to rewrite what ExcelJS writes
 * with fixed timestamps (so regenerated files are byte-identical and git sees no change) and to
 * hand-edit parts of a workbook (a chart sheet, a hyperlink with no text).
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { readZipDirectory } from "../../cli/io/zip-directory.js";

export interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
  /** Write uncompressed, as ODF requires of its `mimetype` entry. */
  readonly stored?: boolean;
}

export function unzip(bytes: Buffer): ZipFile[] {
  const entries = readZipDirectory(bytes);
  if (entries === null) throw new Error("not a zip archive");
  return entries.map((entry) => {
    const at = entry.localHeaderOffset;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const raw = bytes.subarray(start, start + entry.compressedSize);
    const data = entry.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    return { name: entry.name, data };
  });
}

/** 1980-01-01 00:00, the zip epoch: no wall-clock time leaks into the archive. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function zip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const method = file.stored ? 0 : 8;
    const compressed = file.stored ? file.data : deflateRawSync(file.data, { level: 9 });
    const crc = crc32(file.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
