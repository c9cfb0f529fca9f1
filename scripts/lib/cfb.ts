/**
 * A minimal OLE compound file ([MS-CFB] version 3) writer, for the fixtures that stand in for
 * a password-protected .xlsx (streams `EncryptionInfo` + `EncryptedPackage`) and an old .xls
 * (stream `Workbook`). Every stream is padded to the 4,096-byte mini-stream cutoff so that all
 * live in regular sectors; the result is a well-formed compound file a CFB reader can walk.
 */

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;
const MINI_STREAM_CUTOFF = 4096;

export interface CfbStream {
  readonly name: string;
  readonly data: Buffer;
}

export function compoundFile(streams: readonly CfbStream[]): Buffer {
  const padded = streams.map((stream) => ({
    name: stream.name,
    data: padTo(stream.data, Math.max(MINI_STREAM_CUTOFF, roundUp(stream.data.length))),
    size: Math.max(MINI_STREAM_CUTOFF, stream.data.length),
  }));
  const directorySectors = Math.ceil((padded.length + 1) / (SECTOR / 128));
  const streamSectors = padded.map((stream) => stream.data.length / SECTOR);
  const totalSectors = 1 + directorySectors + streamSectors.reduce((a, b) => a + b, 0);
  if (totalSectors > SECTOR / 4) throw new Error("compoundFile: streams too large for one FAT");

  // FAT: sector 0 is the FAT itself, then the directory chain, then each stream's chain.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  let next = 1;
  const chain = (length: number): number => {
    const first = next;
    for (let i = 0; i < length; i++, next++) {
      fat.writeUInt32LE(i === length - 1 ? END_OF_CHAIN : next + 1, next * 4);
    }
    return first;
  };
  const firstDirectorySector = chain(directorySectors);
  const starts = streamSectors.map((length) => chain(length));

  // Directory: the root storage, then the streams as a balanced binary tree under it.
  const directory = Buffer.alloc(directorySectors * SECTOR);
  const order = padded
    .map((_, i) => i)
    .sort((a, b) => compareNames(padded[a]!.name, padded[b]!.name));
  const links = new Map<number, { left: number; right: number }>();
  const build = (from: number, to: number): number => {
    if (from > to) return NO_STREAM;
    const mid = Math.floor((from + to) / 2);
    const id = order[mid]! + 1;
    links.set(id, { left: build(from, mid - 1), right: build(mid + 1, to) });
    return id;
  };
  const rootChild = build(0, padded.length - 1);
  writeEntry(directory, 0, "Root Entry", 5, NO_STREAM, NO_STREAM, rootChild, END_OF_CHAIN, 0);
  padded.forEach((stream, i) => {
    const link = links.get(i + 1)!;
    writeEntry(
      directory,
      i + 1,
      stream.name,
      2,
      link.left,
      link.right,
      NO_STREAM,
      starts[i]!,
      stream.size,
    );
  });
  for (let id = padded.length + 1; id < directorySectors * 4; id++) {
    writeEntry(directory, id, "", 0, NO_STREAM, NO_STREAM, NO_STREAM, 0, 0);
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(firstDirectorySector, 48);
  header.writeUInt32LE(MINI_STREAM_CUTOFF, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

  return Buffer.concat([header, fat, directory, ...padded.map((stream) => stream.data)]);
}

function writeEntry(
  directory: Buffer,
  id: number,
  name: string,
  type: number,
  left: number,
  right: number,
  child: number,
  start: number,
  size: number,
): void {
  const at = id * 128;
  directory.fill(0, at, at + 128);
  if (type !== 0) {
    const encoded = Buffer.from(name, "utf16le");
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length + 2, at + 64);
  }
  directory.writeUInt8(type, at + 66);
  directory.writeUInt8(1, at + 67); // black
  directory.writeUInt32LE(left, at + 68);
  directory.writeUInt32LE(right, at + 72);
  directory.writeUInt32LE(child, at + 76);
  directory.writeUInt32LE(start, at + 116);
  directory.writeUInt32LE(size, at + 120);
}

/** [MS-CFB] order: shorter names first, then by upper-cased code units. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function roundUp(length: number): number {
  return Math.ceil(length / SECTOR) * SECTOR;
}

function padTo(data: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  data.copy(out);
  return out;
}
