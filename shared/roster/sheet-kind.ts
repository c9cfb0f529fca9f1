import { foldKey } from "./text.js";

/**
 * What a sheet holds, from its name: people with a role column, only mentors, only mentees,
 * pairs that must not be matched, or a sheet the product itself writes (never read as people).
 */
export type SheetKind = "people" | "mentors" | "mentees" | "doNotPair" | "generated";

/** Sheets the product writes; reading them as a roster would feed results back as input. */
export const generatedSheetNames: ReadonlySet<string> = new Set([
  "pairs",
  "issues",
  "program",
  "forms",
  "history",
  "mentor match",
]);

export function sheetKindFromName(sheetName: string): SheetKind {
  const key = foldKey(sheetName);
  if (generatedSheetNames.has(key)) return "generated";
  if (
    /\b(do ?not ?pair|dont ?pair|avoid|conflicts?|exclusions?|excluded pairs|blocked|no ?match)\b/.test(
      key,
    )
  ) {
    return "doNotPair";
  }
  // Only a name that is about the list decides ("Mentees", "Mentor pool", "Senior faculty"),
  // not one that merely mentions mentoring ("Two-mentor program").
  if (
    /(^|\b)(mentees|proteges|junior faculty)$|^(mentee|protege)( (list|roster|pool|sign ?ups?|applicants))?$/.test(
      key,
    )
  )
    return "mentees";
  if (
    /(^|\b)(mentors|senior faculty)$|^mentor( (list|roster|pool|volunteers|sign ?ups?))?$/.test(key)
  )
    return "mentors";
  return "people";
}
