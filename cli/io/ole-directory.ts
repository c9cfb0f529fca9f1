/**
 * Names of the streams and storages inside an OLE compound file ([MS-CFB]). Old .xls workbooks
 * and password-protected .xlsx files are both compound files; the names tell them apart:
 * `Workbook` / `Book` for Excel 97–2003 (and 5.0/95), `EncryptionInfo` + `EncryptedPackage` for
 * an encrypted Office 2007+ document, `WordDocument` for Word.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  // The first four bytes (D0 CF 11 E0) are the classic magic; the whole 8-byte signature is
  // required of well-formed files, but junk after the first four still says "compound file".
  return bytes.length >= 4 && SIGNATURE.slice(0, 4).every((b, i) => bytes[i] === b);
}

/**
 * Directory entry names, or `null` when the structure cannot be followed (truncated or damaged
 * file). Callers fall back to {@link containsStreamName} in that case.
 */
export function readOleEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512 || !SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (sector: number): number | null =>
    sector <= MAX_REGULAR_SECTOR &&
    sector < sectorCount &&
    (sector + 1) * sectorSize <= bytes.length
      ? (sector + 1) * sectorSize
      : null;

  // FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectorCount = view.getUint32(44, true);
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(view.getUint32(76 + i * 4, true));
  }
  let difat = view.getUint32(68, true);
  for (let hops = 0; fatSectors.length < fatSectorCount && difat !== END_OF_CHAIN; hops++) {
    const at = sectorOffset(difat);
    if (at === null || hops > sectorCount) return null;
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(view.getUint32(at + i * 4, true));
    }
    difat = view.getUint32(at + perSector * 4, true);
  }

  const nextSector = (sector: number): number | null => {
    const perFatSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perFatSector)];
    if (fatSector === undefined) return null;
    const at = sectorOffset(fatSector);
    return at === null ? null : view.getUint32(at + (sector % perFatSector) * 4, true);
  };

  const names: string[] = [];
  const decoder = new TextDecoder("utf-16le");
  let sector = view.getUint32(48, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    const at = sectorOffset(sector);
    if (at === null || hops > sectorCount) return null;
    for (let entry = at; entry < at + sectorSize; entry += DIRECTORY_ENTRY_SIZE) {
      const type = bytes[entry + 66];
      const nameBytes = view.getUint16(entry + 64, true);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(decoder.decode(bytes.subarray(entry, entry + nameBytes - 2)));
    }
    const next = nextSector(sector);
    if (next === null) return null;
    sector = next;
  }
  return names;
}

/** Whether the UTF-16LE form of `name` appears anywhere in the file: the fallback probe. */
export function containsStreamName(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from(name, "utf16le"),
  );
}
