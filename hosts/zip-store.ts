/**
 * A .zip of files stored without compression, for hosts that hand the user several documents
 * at once (the Excel add-in's "all forms as one .zip"). .docx files are already deflated, so
 * storing them costs nothing. Written by fflate (browser-safe); names are UTF-8 (fflate sets
 * general-purpose flag bit 11 for them), so "Forms – Kim Lee.docx" keeps its dash in Windows
 * Explorer, macOS Archive Utility and unzip.
 */
import { zipSync, type Zippable } from "fflate";

export interface ZipInput {
  name: string;
  bytes: Uint8Array;
}

/** Entries dated 1980-01-01 00:00: the archive does not depend on the clock. */
const fixedTime = new Date(1980, 0, 1);

export function zipStore(files: readonly ZipInput[]): Uint8Array {
  if (files.length > 0xffff)
    throw new Error("too much for one .zip; download the files one by one");
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = [file.bytes, { level: 0, mtime: fixedTime }];
  return zipSync(entries);
}
