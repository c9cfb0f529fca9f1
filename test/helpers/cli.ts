import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would (from source through tsx), in the repository folder. */
export function cli(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/rosters/${name}`, import.meta.url));
}

export function examplePath(name: string): string {
  return fileURLToPath(new URL(`../../templates/examples/${name}`, import.meta.url));
}
