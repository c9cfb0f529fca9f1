/**
 * Builds the Apps Script project as clasp pushes it (clasp 3 does not compile TypeScript):
 *
 *   Code.js          the server bundle: one IIFE (`var MentorMatch = …`) with no import or
 *                    export left, then a top-level `function name() {…}` for every export of
 *                    src/main.ts (menus, triggers and google.script.run only see those)
 *   sidebar.html     src/sidebar/sidebar.html with its script bundled and inlined
 *   appsscript.json  the manifest, copied
 *
 * `npx tsx apps-script/build.ts [outDir]` (default dist/apps-script); tests call buildAppsScript.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const globalName = "MentorMatch";
const serverEntry = join(here, "src/main.ts");
const sidebarEntry = join(here, "src/sidebar/sidebar.ts");
const inlineMarker = "<!-- inline:sidebar.js -->";

export interface BuiltProject {
  outDir: string;
  /** The exported entry points, each a top-level function in Code.js. */
  entryPoints: string[];
  files: { code: string; manifest: string; sidebar: string };
}

const common: BuildOptions = {
  bundle: true,
  write: false,
  platform: "neutral",
  mainFields: ["browser", "module", "main"],
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  // About 0.7 MB instead of 1.3 MB (zod and handlebars are most of it).
  minify: true,
  logLevel: "silent",
};

export async function buildAppsScript(outDir: string): Promise<BuiltProject> {
  const entryPoints = await exportedNames();
  const server = await build({
    ...common,
    entryPoints: [serverEntry],
    format: "iife",
    globalName,
  });
  const stubs = entryPoints.map(
    (name) => `function ${name}() {\n  return ${globalName}.${name}.apply(this, arguments);\n}\n`,
  );
  const code = `${outputText(server.outputFiles)}\n${stubs.join("\n")}`;

  const sidebarScript = await build({
    ...common,
    platform: "browser",
    entryPoints: [sidebarEntry],
    format: "iife",
  });
  const page = await readFile(join(here, "src/sidebar/sidebar.html"), "utf8");
  if (!page.includes(inlineMarker)) throw new Error(`sidebar.html lacks ${inlineMarker}`);
  // `</script` inside the script would end the element early.
  const script = outputText(sidebarScript.outputFiles).replace(/<\/script/gi, "<\\/script");
  const sidebar = page.replace(inlineMarker, () => `<script>\n${script}</script>`);

  const manifest = await readFile(join(here, "appsscript.json"), "utf8");

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files = {
    code: join(outDir, "Code.js"),
    manifest: join(outDir, "appsscript.json"),
    sidebar: join(outDir, "sidebar.html"),
  };
  await writeFile(files.code, code);
  await writeFile(files.manifest, manifest);
  await writeFile(files.sidebar, sidebar);
  return { outDir, entryPoints, files };
}

/** The names src/main.ts exports, from an ES-module build's metafile. */
async function exportedNames(): Promise<string[]> {
  const result = await build({
    ...common,
    entryPoints: [serverEntry],
    format: "esm",
    metafile: true,
    outdir: "out",
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (output === undefined || output.exports.length === 0)
    throw new Error("src/main.ts exports no entry points");
  return [...output.exports].sort();
}

function outputText(files: { text: string }[] | undefined): string {
  const [file] = files ?? [];
  if (file === undefined) throw new Error("esbuild produced no output");
  return file.text;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? "dist/apps-script");
  const built = await buildAppsScript(outDir);
  process.stdout.write(
    `Wrote ${built.outDir} (${built.entryPoints.length} entry points: ${built.entryPoints.join(", ")})\n`,
  );
}
