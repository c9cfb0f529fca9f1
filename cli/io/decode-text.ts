/**
 * Bytes of a CSV / text export to a string. Excel and the systems rosters come from write:
 * UTF-8 with or without a byte-order mark ("CSV UTF-8"), UTF-16 LE with a mark ("Unicode
 * text"), and Windows-1252 ("CSV (Comma delimited)" on a US/Western-European Windows).
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith("utf-8", bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith("utf-16be", bytes.subarray(2));
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16 !== null) return decodeWith(utf16, bytes);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return decodeWith("windows-1252", bytes);
  }
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): DecodedText {
  if (encoding === "windows-1252") return { text: decodeWindows1252(bytes), encoding };
  // A stray invalid sequence after a byte-order mark is kept as U+FFFD rather than rejected:
  // the mark says what the file is.
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/**
 * Windows-1252's 0x80–0x9F block (curly quotes, dashes, €, Š, …), indexed by byte - 0x80. The
 * five unassigned bytes map to the C1 controls, as WHATWG specifies. Every other byte is the
 * Latin-1 code point of the same value.
 */
export const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Decoded by hand: Node's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 C1 controls
 * in the Node 20 line, which would turn O’Connor's apostrophe into an invisible U+0092.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte,
      ),
    );
  }
  return text;
}

/**
 * UTF-16 without a byte-order mark shows as a NUL in every other byte of ASCII-heavy text.
 * Real CSV never contains NUL, so a strong majority of NULs on one side is decisive.
 */
function guessBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = Math.min(bytes.length, 1024) & ~1;
  if (sample < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  if (oddNuls > pairs * 0.6 && evenNuls < pairs * 0.1) return "utf-16le";
  if (evenNuls > pairs * 0.6 && oddNuls < pairs * 0.1) return "utf-16be";
  return null;
}

/**
 * True when the bytes look like text at all: few control characters once decoded. A stray NUL
 * or two (a broken export) is still text; the reader removes them and reports each cell.
 */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
    if (code === 0xfffd) control++;
  }
  return control <= sample.length * 0.02;
}
