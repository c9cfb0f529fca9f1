/**
 * Which column holds which field: header texts scored against each field's synonyms (exact,
 * contained phrase, or a near-miss spelling), then columns given to fields best score first.
 */
import { editDistance, foldKey } from "./text.js";
import { fieldSynonyms, multiColumnFields, type Field } from "./fields.js";
import type { SheetKind } from "./sheet-kind.js";

const stopWords = new Set([
  "of",
  "the",
  "a",
  "an",
  "number",
  "no",
  "nr",
  "num",
  "optional",
  "required",
  "please",
  "your",
  "s",
]);
/** Below this a header is left unmapped rather than guessed. */
export const mappingThreshold = 0.6;

export function normaliseHeader(header: string): string {
  return foldKey(header.replace(/&/g, " and ").replace(/#/g, " number "))
    .split(" ")
    .filter((word) => word !== "" && !stopWords.has(word))
    .join(" ");
}

interface Synonym {
  text: string;
  exactOnly: boolean;
}

function synonym(written: string): Synonym {
  return { text: normaliseHeader(written), exactOnly: written.startsWith("=") };
}

const normalisedSynonyms = new Map<Field, Synonym[]>(
  (Object.entries(fieldSynonyms) as [Field, readonly string[]][]).map(([field, synonyms]) => [
    field,
    synonyms.map(synonym),
  ]),
);

/** Header words that mean the person of the sheet itself on a Mentors or Mentees sheet. */
function contextualSynonyms(kind: SheetKind): Partial<Record<Field, Synonym[]>> {
  const written = contextualSynonymTexts(kind);
  return Object.fromEntries(
    Object.entries(written).map(([field, texts]) => [field, texts.map(synonym)]),
  );
}

function contextualSynonymTexts(kind: SheetKind): Partial<Record<Field, string[]>> {
  switch (kind) {
    case "mentors":
      return {
        name: ["mentor", "mentor name", "senior faculty", "mentor full name"],
        email: ["mentor email"],
      };
    case "mentees":
      return {
        name: ["mentee", "mentee name", "junior faculty", "mentee full name"],
        email: ["mentee email"],
        preferredMentor: ["mentor", "mentor name", "desired mentor"],
      };
    case "people":
      return { email: ["faculty email"] };
    default:
      return {};
  }
}

/** How well one header matches one synonym, 0..1. */
function synonymScore(header: string, { text: synonym, exactOnly }: Synonym): number {
  if (header === synonym) return 1;
  if (exactOnly) return 0;
  const headerWords = header.split(" ");
  const synonymWords = synonym.split(" ");
  const at = findPhrase(headerWords, synonymWords);
  if (at >= 0) {
    // A longer share of the header, and the phrase at the end (the head noun), score higher:
    // "Faculty Email" is an e-mail column more than a name column.
    const endsHeader = at + synonymWords.length === headerWords.length ? 0.05 : 0;
    return 0.7 + 0.2 * (synonymWords.length / headerWords.length) + endsHeader;
  }
  if (synonym.length >= 5 && header.length >= 4) {
    const distance = editDistance(header, synonym);
    if (distance <= Math.floor(synonym.length / 5)) return 0.65;
  }
  return 0;
}

function findPhrase(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

export interface FieldScore {
  field: Field;
  score: number;
}

export function scoreHeader(
  header: string,
  kind: SheetKind,
  fields: readonly Field[],
): FieldScore[] {
  const normalised = normaliseHeader(header);
  if (normalised === "") return [];
  const context = contextualSynonyms(kind);
  const scores: FieldScore[] = [];
  for (const field of fields) {
    const synonyms = [...(normalisedSynonyms.get(field) ?? []), ...(context[field] ?? [])];
    const score = Math.max(0, ...synonyms.map((synonym) => synonymScore(normalised, synonym)));
    if (score >= mappingThreshold) scores.push({ field, score });
  }
  return scores;
}

/** Column index → field, each field at most once (except multi-column fields). */
export function assignColumns(
  headers: readonly string[],
  kind: SheetKind,
  fields: readonly Field[],
): Map<number, Field> {
  const candidates: { column: number; field: Field; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const { field, score } of scoreHeader(header, kind, fields))
      candidates.push({ column, field, score });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, Field>();
  const usedFields = new Set<Field>();
  for (const { column, field } of candidates) {
    if (byColumn.has(column)) continue;
    if (usedFields.has(field) && !multiColumnFields.has(field)) continue;
    byColumn.set(column, field);
    usedFields.add(field);
  }
  // "Department" stands for the division when the roster has no division column.
  if (!usedFields.has("division")) {
    for (const [column, field] of byColumn)
      if (field === "department") byColumn.set(column, "division");
  }
  return byColumn;
}
