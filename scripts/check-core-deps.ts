/**
 * The dependency rule: files under shared/ may import only other files under shared/ and the
 * few pure libraries listed here. No host code, no Node built-ins, no network or file libraries.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const coreRoot = resolve("shared");
const allowedPackages = new Set(["zod", "handlebars"]);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry)) yield path;
  }
}

const violations: string[] = [];
for (const file of sourceFiles(coreRoot)) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  for (const { fileName: specifier } of importedFiles) {
    const where = relative(process.cwd(), file);
    if (specifier.startsWith(".")) {
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(coreRoot + "/") && target !== coreRoot) {
        violations.push(`${where}: imports ${specifier}, which is outside shared/`);
      }
      continue;
    }
    const packageName = specifier.startsWith("@")
      ? specifier.split("/").slice(0, 2).join("/")
      : specifier.split("/")[0]!;
    if (!allowedPackages.has(packageName)) {
      violations.push(
        `${where}: imports "${specifier}"; the core may import only ${[...allowedPackages].join(", ")}`,
      );
    }
  }
}

if (violations.length > 0) {
  console.error(`The core (shared/) must stay host-free:\n  ${violations.join("\n  ")}`);
  process.exit(1);
}
console.log("shared/: dependency rule holds");
