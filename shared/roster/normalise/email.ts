import { z } from "zod";

const emailShape = z.email();

export type EmailReading =
  { kind: "blank" } | { kind: "valid"; email: string } | { kind: "invalid"; written: string };

/**
 * Trimmed, lower-cased, validated. Accepts what spreadsheets hold in practice:
 * "mailto:" links, "Jane Doe <jane@x.org>", trailing semicolons from Outlook copies.
 */
export function readEmail(written: string): EmailReading {
  let text = written.trim();
  if (text === "") return { kind: "blank" };
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  if (angled) text = angled[1]!;
  text = text
    .replace(/^mailto:/i, "")
    .replace(/[;,]+$/, "")
    .replace(/\s+/g, "")
    .toLowerCase();
  return emailShape.safeParse(text).success
    ? { kind: "valid", email: text }
    : { kind: "invalid", written };
}

export function looksLikeEmail(text: string): boolean {
  return /\S+@\S+\.\S+/.test(text);
}
