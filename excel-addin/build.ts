/**
 * Builds the Excel add-in as a static folder (default dist/excel-addin/, never committed):
 * taskpane.html (the shared runtime: task pane and ribbon commands), taskpane.js (esbuild
 * bundle of the pane, the commands, the Office.js adapter, the core and `docx`), taskpane.css,
 * help.html, assets/ and manifest.xml. The built-in form templates are precompiled here, so the
 * page runs them with `handlebars/runtime` under a CSP without 'unsafe-eval'. `--production --url https://host/path` rewrites every
 * https://localhost:3000 of the manifest to that URL and minifies.
 *
 *   npx tsx excel-addin/build.ts [--production --url https://…] [--out folder]
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { precompiledTemplatesSource } from "./precompiled-templates.js";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "..");
export const devUrl = "https://localhost:3000";

export interface BuildOptions {
  outDir?: string;
  production?: boolean;
  /** The URL the folder is served from; production only. */
  url?: string;
}

/** The manifest with every development URL pointing at `url` instead. */
export function productionManifest(manifest: string, url: string): string {
  const base = url.replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"<>]+$/.test(base))
    throw new Error(
      `--url must be an https:// address (Office loads add-ins over HTTPS only): ${url}`,
    );
  return manifest.split(devUrl).join(base);
}

/** `virtual:precompiled-form-templates`: each default template as a Handlebars template spec. */
const precompiledFormTemplates: esbuild.Plugin = {
  name: "precompiled-form-templates",
  setup(build) {
    build.onResolve({ filter: /^virtual:precompiled-form-templates$/ }, (args) => ({
      path: args.path,
      namespace: "form-templates",
    }));
    build.onLoad({ filter: /.*/, namespace: "form-templates" }, () => ({
      loader: "js",
      contents: precompiledTemplatesSource(),
    }));
  },
};

export async function build(options: BuildOptions = {}): Promise<{ outDir: string }> {
  const outDir = resolve(options.outDir ?? join(root, "dist", "excel-addin"));
  const production = options.production === true;
  if (production && options.url === undefined)
    throw new Error("a production build needs --url https://… (where the folder will be served)");
  await mkdir(join(outDir, "assets"), { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, "src", "main.ts")],
    outfile: join(outDir, "taskpane.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "edge100", "safari15"],
    minify: production,
    sourcemap: production ? false : "linked",
    legalComments: "linked",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": production ? '"production"' : '"development"' },
    plugins: [precompiledFormTemplates],
  });
  for (const file of ["taskpane.html", "taskpane.css", "help.html"])
    await copyFile(join(here, "src", "taskpane", file), join(outDir, file));
  for (const file of await readdir(join(here, "assets")))
    if (file.endsWith(".png"))
      await copyFile(join(here, "assets", file), join(outDir, "assets", file));
  const manifest = await readFile(join(root, "manifest.xml"), "utf8");
  await writeFile(
    join(outDir, "manifest.xml"),
    production ? productionManifest(manifest, options.url!) : manifest,
  );
  return { outDir };
}

function parseArgs(argv: readonly string[]): BuildOptions {
  const options: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--production") options.production = true;
    else if (arg === "--url") options.url = argv[++i];
    else if (arg.startsWith("--url=")) options.url = arg.slice(6);
    else if (arg === "--out") options.outDir = argv[++i];
    else throw new Error(`unknown option ${arg}; use --production --url https://… [--out folder]`);
  }
  return options;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build(parseArgs(process.argv.slice(2))).then(
    ({ outDir }) => process.stdout.write(`Built the Excel add-in in ${outDir}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
