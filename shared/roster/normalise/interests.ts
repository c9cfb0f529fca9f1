import { collapseSpaces, foldKey } from "../text.js";

/** Interests split on `;` `,` `/` `|`, bullets and line breaks; duplicates (any case) dropped. */
export function readInterests(written: readonly string[]): string[] {
  const seen = new Set<string>();
  const interests: string[] = [];
  for (const text of written) {
    for (const piece of text.split(/[;,/|\n•·]+/)) {
      const interest = collapseSpaces(piece.replace(/^[-*–\d.)\s]+(?=\p{L})/u, ""));
      const key = foldKey(interest);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      interests.push(interest);
    }
  }
  return interests;
}
