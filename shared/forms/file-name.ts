/**
 * File names for the per-chair documents: readable ("Forms – Tariq Moreau.docx"), legal on
 * Windows, macOS and Linux, and unique without regard to case (two names differing only in case
 * are one file on Windows and macOS).
 */

const maxStemLength = 100;
const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A name safe on every system: no `< > : " / \ | ? *` or control characters, no leading or
 * trailing dots and spaces, not a reserved Windows device name, at most 100 characters.
 */
export function safeFileStem(text: string, fallback = "Untitled"): string {
  let stem = text
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "")
    .replace(/[<>:"/\\|?*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (stem.length > maxStemLength)
    stem = Array.from(stem)
      .slice(0, maxStemLength)
      .join("")
      .replace(/[.\s]+$/g, "");
  if (stem === "" || reservedWindowsNames.test(stem)) stem = stem === "" ? fallback : `${stem}_`;
  return stem;
}

/** The key two file names collide under (case and Unicode form ignored). */
export function fileNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/**
 * A name not in `taken`: `stem.ext`, else `stem (2).ext`, `stem (3).ext` … The chosen name is
 * added to `taken`.
 */
export function uniqueFileName(stem: string, extension: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}${extension}` : `${stem} (${n})${extension}`;
    if (!taken.has(fileNameKey(name))) {
      taken.add(fileNameKey(name));
      return name;
    }
  }
}
