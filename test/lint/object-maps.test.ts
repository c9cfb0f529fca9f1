/**
 * The lint rule that keeps user text away from plain-object lookups (eslint.config.js) fails on
 * the shapes of the two bugs of issue 20, and the product's sources pass it.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "no-restricted-syntax")
    .map((message) => message.message);
}

describe("the object-as-map rule", () => {
  it.each([
    // shared/roster/divisions.ts before the fix
    "const abbreviations: Readonly<Record<string, string>> = { chest: 'thoracic' };",
    "export const table: Record<string, number> = {};",
    "let seen: { [name: string]: boolean } = {};",
    // apps-script/src/sidebar/sidebar.ts before the fix
    "declare const override: Record<string, object>; declare const sheet: string; override[sheet] ??= {};",
    "declare const counts: Record<string, number[]>; declare const key: string; counts[key] ||= [];",
  ])("rejects %s", async (code) => {
    for (const file of ["shared/roster/example.ts", "apps-script/src/sidebar/example.ts"])
      expect(await restricted(code, file)).toHaveLength(1);
  });

  it.each([
    "const abbreviations: ReadonlyMap<string, string> = new Map([['chest', 'thoracic']]);",
    "const labels: Readonly<Record<'a' | 'b', string>> = { a: 'A', b: 'B' };",
    "const entry = Object.fromEntries([['__proto__', 1]]);",
    "declare const rows: number[]; declare const i: number; rows[i] = 1;",
  ])("allows %s", async (code) => {
    expect(await restricted(code, "shared/roster/example.ts")).toEqual([]);
  });

  it("passes on the product's sources", async () => {
    const results = await eslint.lintFiles([
      "shared/**/*.ts",
      "hosts/**/*.ts",
      "cli/**/*.ts",
      "excel-addin/src/**/*.ts",
      "apps-script/src/**/*.ts",
    ]);
    const found = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === "no-restricted-syntax")
        .map((message) => `${result.filePath}:${message.line}`),
    );
    expect(found).toEqual([]);
  }, 60_000);
});
