/**
 * Tab names that Excel and Google Sheets both accept: at most 31 characters, none of
 * \ / ? * [ ] :, not starting or ending with an apostrophe, never "History", and unique
 * ignoring case. Readable first ("Lee – Rao"), shortened sensibly when long.
 *
 * Excel counts the 31 in UTF-16 code units (an emoji such as 🧑‍⚕️ is five), and a writer that
 * meets a longer name cuts it wherever the 31st unit falls, splitting surrogate pairs. So
 * names are measured in UTF-16 units and shortened only between graphemes (what a reader sees
 * as one character: a base with its combining marks, an emoji sequence), never inside one.
 */
export const maxTabNameLength = 31;
const reserved = new Set(["history"]);
const ellipsis = "…";

/** Replaces what a tab name may not hold; never returns an empty string. */
export function sanitizeTabName(wanted: string): string {
  let name = cleanTabText(wanted);
  if (name === "" || reserved.has(name.toLowerCase())) name = `Plan ${name}`.trim();
  return truncate(name, maxTabNameLength);
}

/** The characters rules without the length rule: what both parts of a pair name go through. */
function cleanTabText(wanted: string): string {
  return (
    wanted
      // A lone surrogate cannot be written to XML; U+FFFE and U+FFFF are not characters.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      .replace(/[\uFFFE\uFFFF]/g, "\uFFFD")
      .normalize("NFC")
      .replace(/[\\/?*[\]:]/g, "-")
      .replace(/\p{Cc}/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .trim()
  );
}

// One segmenter for every name: making one costs more than segmenting a short name.
const segmenter =
  typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("en", { granularity: "grapheme" })
    : null;

/** Graphemes as Intl.Segmenter finds them; base-plus-marks where a runtime lacks it. */
export function graphemes(text: string): string[] {
  if (segmenter !== null) return Array.from(segmenter.segment(text), (part) => part.segment);
  return text.match(/\P{M}\p{M}*|\p{M}+/gsu) ?? [];
}

/** Whole graphemes from the start that fit in `limit` UTF-16 units. */
function fitting(parts: readonly string[], limit: number): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (length + part.length > limit) break;
    kept.push(part);
    length += part.length;
  }
  return kept;
}

/** Cuts between graphemes, in UTF-16 units as Excel counts, and marks the cut with "…". */
function truncate(name: string, limit: number): string {
  if (name.length <= limit) return name;
  const parts = graphemes(name);
  let kept = fitting(parts, limit - ellipsis.length);
  // One grapheme longer than the whole limit (a base with dozens of marks): keep its base.
  if (kept.length === 0) kept = fitting([...(parts[0] ?? "")], limit - ellipsis.length).slice(0, 1);
  return kept.join("").trimEnd().replace(/'+$/, "") + ellipsis;
}

/** "Lee – Rao", shortening the longer surname first so both stay recognisable. */
export function pairTabName(menteeName: string, mentorName: string): string {
  const separator = " – ";
  const sides = [menteeName, mentorName].map((name) => {
    const parts = graphemes(cleanTabText(name));
    return { parts, cut: false, length: parts.join("").length };
  });
  const shown = (side: (typeof sides)[number]) => side.length + (side.cut ? ellipsis.length : 0);
  while (shown(sides[0]!) + shown(sides[1]!) + separator.length > maxTabNameLength) {
    const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number]];
    const longer = shown(a) >= shown(b) && a.parts.length > 0 ? a : b;
    if (longer.parts.length === 0) break;
    longer.length -= longer.parts.pop()!.length;
    longer.cut = true;
  }
  const text = (side: (typeof sides)[number]) =>
    side.cut ? side.parts.join("").trimEnd() + ellipsis : side.parts.join("");
  return sanitizeTabName(`${text(sides[0]!)}${separator}${text(sides[1]!)}`);
}

/**
 * The keys under which a name counts as taken. Excel compares names ignoring case; lower and
 * upper case do not always fold alike ("ſ" upper-cases to "S"), so both foldings count.
 */
export function tabNameKeys(name: string): [string, string] {
  const normal = name.normalize("NFC");
  return [normal.toLowerCase(), normal.toUpperCase().toLowerCase()];
}

function isTaken(name: string, taken: ReadonlySet<string>): boolean {
  return tabNameKeys(name).some((key) => taken.has(key) || reserved.has(key));
}

/**
 * A name not yet taken (ignoring case), by adding " (2)", " (3)" … within the length limit.
 * `taken` holds the {@link tabNameKeys} of names in use (lower-cased names will do) and is
 * updated.
 */
export function uniqueTabName(wanted: string, taken: Set<string>): string {
  const base = sanitizeTabName(wanted);
  let name = base;
  for (let n = 2; isTaken(name, taken); n++) {
    const suffix = ` (${n})`;
    name = truncate(base, maxTabNameLength - suffix.length) + suffix;
  }
  for (const key of tabNameKeys(name)) taken.add(key);
  return name;
}

export function isLegalTabName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= maxTabNameLength &&
    !/[\\/?*[\]:]/.test(name) &&
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !reserved.has(name.toLowerCase())
  );
}
