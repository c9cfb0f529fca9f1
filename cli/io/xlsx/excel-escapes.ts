/**
 * Excel's `_xHHHH_` escapes. SpreadsheetML text cannot hold most control characters, so Excel
 * writes them as `_x0001_`; a literal `_x0041_` typed by a person is written `_x005F_x0041_`
 * (the underscore itself escaped). Readers must decode them or people see `Char_x0001__x001F_`.
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The characters XML 1.0 cannot carry, which Excel escapes. Tab, LF and CR travel as they are. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** The inverse of {@link decodeExcelEscapes}: what Excel would write for `text`. */
export function encodeExcelEscapes(text: string): string {
  return text.replace(
    NEEDS_ESCAPE,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}
