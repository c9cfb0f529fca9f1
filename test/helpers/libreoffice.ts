/**
 * LibreOffice as an independent client for the files we write: converts documents to PDF
 * headless, then reads the PDF's text with pdftotext. Each call uses a fresh LibreOffice profile
 * (`-env:UserInstallation`), so parallel test files never share or lock one.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const sofficeTimeoutMs = 180_000;
const pdftotextTimeoutMs = 30_000;

function run(command: string, args: string[], timeout: number): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout });
  if (result.error !== undefined) throw new Error(`${command} failed: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} exited with ${result.status}: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/**
 * Converts several files in one LibreOffice start (much faster than one start per file) and
 * returns each PDF's text, by input path. Text is NFKC-normalised, so ligatures such as "ﬀ"
 * read as "ff".
 */
export function convertAllToPdfText(paths: readonly string[]): Map<string, string> {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-soffice-"));
  try {
    const profile = join(work, "profile");
    const outDir = join(work, "pdf");
    run(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...paths,
      ],
      sofficeTimeoutMs,
    );
    const texts = new Map<string, string>();
    for (const path of paths) {
      const pdf = join(outDir, `${basename(path, extname(path))}.pdf`);
      readFileSync(pdf); // a clear error when LibreOffice made no PDF
      const text = run("pdftotext", ["-enc", "UTF-8", pdf, "-"], pdftotextTimeoutMs);
      texts.set(path, text.normalize("NFKC"));
    }
    return texts;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The text of the PDF LibreOffice makes from one file. */
export function convertToPdfText(path: string): string {
  return convertAllToPdfText([path]).get(path)!;
}
