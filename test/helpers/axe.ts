/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) in a Playwright page, and the page-width check. axe is
 * evaluated through the DevTools protocol, which a page's CSP does not govern, so the pane is
 * audited under its strict policy without weakening it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  /** Selectors of the offending elements (the first few). */
  targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.evaluate(axeSource);
  // As text: the tests' tsconfig has no DOM types.
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  })()`);
}

/** How many pixels the page is wider than its window (0 when it never scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)",
  );
}

/** The focused element as tag#id (or its text), for messages. */
export function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return "body";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.id ? "" : ":" + (el.textContent || "").trim().slice(0, 40));
  })()`);
}
