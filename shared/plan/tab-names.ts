/**
 * Tab names that Excel and Google Sheets both accept: at most 31 characters, none of
 * \ / ? * [ ] :, not starting or ending with an apostrophe, never "History", and unique
 * ignoring case. Readable first ("Lee – Rao"), shortened sensibly when long.
 */
export const maxTabNameLength = 31;
const reserved = new Set(["history"]);

/** Replaces what a tab name may not hold; never returns an empty string. */
export function sanitizeTabName(wanted: string): string {
  let name = wanted
    .normalize("NFC")
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (name === "" || reserved.has(name.toLowerCase())) name = `Plan ${name}`.trim();
  return truncate(name, maxTabNameLength);
}

/** Cuts at a code-point boundary and marks the cut with an ellipsis. */
function truncate(name: string, limit: number): string {
  const chars = [...name];
  if (chars.length <= limit) return name;
  return (
    chars
      .slice(0, limit - 1)
      .join("")
      .trimEnd()
      .replace(/'+$/, "") + "…"
  );
}

/** "Lee – Rao", shortening the longer surname first so both stay recognisable. */
export function pairTabName(menteeName: string, mentorName: string): string {
  const separator = " – ";
  let [a, b] = [[...menteeName], [...mentorName]];
  while (a.length + b.length + separator.length > maxTabNameLength) {
    if (a.length >= b.length) a = [...a.slice(0, a.length - 2), "…"];
    else b = [...b.slice(0, b.length - 2), "…"];
  }
  return sanitizeTabName(`${a.join("")}${separator}${b.join("")}`);
}

/**
 * A name not yet taken (ignoring case), by adding " (2)", " (3)" … within the length limit.
 * `taken` holds lower-cased names and is updated.
 */
export function uniqueTabName(wanted: string, taken: Set<string>): string {
  const base = sanitizeTabName(wanted);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()) || reserved.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = truncate(base, maxTabNameLength - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

export function isLegalTabName(name: string): boolean {
  return (
    name.length > 0 &&
    [...name].length <= maxTabNameLength &&
    !/[\\/?*[\]:]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !reserved.has(name.toLowerCase())
  );
}
