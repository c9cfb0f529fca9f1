import { collapseSpaces, foldKey } from "../text.js";

export interface PersonName {
  /** As shown to people: "Ana García-López". */
  display: string;
  first: string;
  last: string;
  /** Credentials written with the name ("MD", "PhD"), in order. */
  degrees: string[];
}

const honorifics = /^(dr|doctor|prof|professor|mr|mrs|ms|mx|miss)\.?\s+/i;
const credentialWords = new Set([
  "md",
  "phd",
  "mph",
  "mba",
  "ms",
  "msc",
  "do",
  "drph",
  "rn",
  "np",
  "pa",
  "pac",
  "facp",
  "facc",
  "facs",
  "faap",
  "frcpc",
  "frcp",
  "mbbs",
  "mbchb",
  "mhs",
  "med",
  "edd",
  "jd",
  "pharmd",
  "dmd",
  "dds",
  "scd",
  "msci",
  "mmsc",
  "dphil",
  "ma",
  "bs",
  "ba",
  "mpp",
  "msw",
  "lcsw",
  "dnp",
  "psyd",
  "od",
  "dvm",
  "ms ed",
  "fache",
  "fasn",
  "fccp",
  "faha",
]);
/** Kept with the surname when it precedes it: "van der Berg", "de la Cruz", "bin Salman". */
const surnameParticles = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "du",
  "la",
  "le",
  "dos",
  "das",
  "do",
  "ten",
  "ter",
  "bin",
  "ibn",
  "al",
  "el",
  "st",
  "st.",
  "mac",
  "y",
]);
const generationalSuffix = /^(jr|sr|ii|iii|iv)\.?$/i;

function isCredential(word: string): boolean {
  return credentialWords.has(word.toLowerCase().replace(/[.\s-]/g, ""));
}

/**
 * One name cell ("Last, First", "First Last", "Dr. First Last, MD, PhD") or separate first and
 * last cells, to display, first and last. Accents, apostrophes, hyphens and particles are kept
 * exactly as written; only spacing, honorifics and trailing credentials are tidied.
 */
export function readName(parts: {
  full?: string;
  first?: string;
  last?: string;
  middle?: string;
}): PersonName | null {
  const degrees: string[] = [];
  const clean = (text: string | undefined): string =>
    stripCredentials(collapseSpaces(text ?? "").replace(/\n/g, " "), degrees);
  let first = clean(parts.first).replace(honorifics, "");
  let last = clean(parts.last);
  const middle = clean(parts.middle);
  if (first === "" && last === "") {
    const full = clean(parts.full).replace(honorifics, "");
    if (full === "") return null;
    const comma = full.indexOf(",");
    if (comma >= 0) {
      last = full.slice(0, comma).trim();
      first = full
        .slice(comma + 1)
        .trim()
        .replace(honorifics, "");
    } else {
      [first, last] = splitFirstLast(full);
    }
  }
  if (first === "" && last === "") return null;
  const given = [first, middle].filter((part) => part !== "").join(" ");
  let suffix = "";
  const lastWords = last.split(" ");
  if (lastWords.length > 1 && generationalSuffix.test(lastWords.at(-1)!)) {
    suffix = lastWords.pop()!;
    last = lastWords.join(" ");
  }
  const display = [given, last, suffix].filter((part) => part !== "").join(" ");
  return { display, first, last, degrees };
}

/** Removes ", MD, PhD" and " MD" at the end, recording them. */
function stripCredentials(text: string, degrees: string[]): string {
  const pieces = text.split(",").map((piece) => piece.trim());
  while (pieces.length > 1 && pieces.at(-1)!.split(/\s+/).every(isCredential)) {
    degrees.unshift(...pieces.pop()!.split(/\s+/));
  }
  let rest = pieces.join(", ");
  const words = rest.split(" ");
  while (
    words.length > 2 &&
    isCredential(words.at(-1)!) &&
    words.at(-1) === words.at(-1)!.toUpperCase()
  ) {
    degrees.unshift(words.pop()!);
  }
  rest = words.join(" ");
  return rest.replace(/,\s*$/, "").trim();
}

function splitFirstLast(full: string): [string, string] {
  const words = full.split(" ");
  if (words.length === 1) return ["", words[0]!];
  let start = words.length - 1;
  if (generationalSuffix.test(words[start]!) && start > 1) start--;
  while (start > 1 && surnameParticles.has(words[start - 1]!.toLowerCase())) start--;
  // "van der Berg" alone (as in "Dr. van der Berg") is a surname, written in lower case.
  if (start === 1 && words[0] === words[0]!.toLowerCase() && surnameParticles.has(words[0]!))
    start = 0;
  return [words.slice(0, start).join(" "), words.slice(start).join(" ")];
}

/** Keys a name can be found by: "first last", "last first", and "f last". */
export function nameKeys(name: Pick<PersonName, "first" | "last">): string[] {
  const first = foldKey(name.first);
  const last = foldKey(name.last);
  if (first === "") return [last];
  const firstWord = first.split(" ")[0]!;
  return [
    ...new Set([
      `${first} ${last}`,
      `${firstWord} ${last}`,
      `${last} ${first}`,
      `${first[0]} ${last}`,
    ]),
  ];
}

/** Keys for a name someone typed as a reference ("Dr. Smith", "Smith, Jane", "J. Smith"). */
export function referenceKeys(written: string): { keys: string[]; lastOnly: string | null } {
  const name = readName({ full: written });
  if (name === null) return { keys: [], lastOnly: null };
  if (name.first === "") return { keys: [], lastOnly: foldKey(name.last) };
  return { keys: nameKeys(name), lastOnly: null };
}
