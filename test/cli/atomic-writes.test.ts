/**
 * Writes are atomic and one run works on a workbook at a time: two `plans --in-place` started
 * together never leave an empty or half-written file, a run killed during its write leaves
 * the previous file intact, and a lock left by a dead run does not block the next one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { cli, examplePath } from "../helpers/cli.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const lockLine = /^mentor-match: .* is being written by another mentor-match run.*\n$/;

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function start(...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stderr })),
  );
  return { child, finished };
}

/** A workbook ExcelJS (an independent reader) opens, with its Pairs sheet. */
async function readable(path: string): Promise<boolean> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet("Pairs") !== undefined;
}

/** No temporary or lock file left beside the workbook. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => /\.tmp$|\.lock$/.test(name));
}

describe("atomic, exclusive writes", () => {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-atomic-"));
  const matched = join(work, "medicine-roster-matched.xlsx");
  let firstBytes: Buffer;

  beforeAll(() => {
    const run = cli(
      "run",
      examplePath("medicine-roster.xlsx"),
      "--out",
      work,
      "--today",
      "2026-11-23",
    );
    expect(run.status).toBe(0);
    firstBytes = readFileSync(matched);
  }, 120_000);

  it("two plans --in-place started together: one waits or refuses plainly, the file stays whole", async () => {
    const target = join(work, "together", "medicine-roster-matched.xlsx");
    mkdirSync(join(work, "together"), { recursive: true });
    copyFileSync(matched, target);
    const runs = [0, 1].map(() => start("plans", target, "--in-place", "--today", "2026-11-30"));
    const results = await Promise.all(runs.map((run) => run.finished));
    expect(results.some((result) => result.status === 0)).toBe(true);
    for (const result of results) if (result.status !== 0) expect(result.stderr).toMatch(lockLine);
    expect(statSync(target).size).toBeGreaterThan(0);
    expect(await readable(target)).toBe(true);
    expect(leftovers(join(work, "together"))).toEqual([]);
  }, 180_000);

  it("refuses plainly while a live run holds the lock, and leaves the workbook as it was", () => {
    const target = join(work, "held", "medicine-roster-matched.xlsx");
    mkdirSync(join(work, "held"), { recursive: true });
    copyFileSync(matched, target);
    writeFileSync(`${target}.lock`, `${process.pid}\n`);
    const run = cli("plans", target, "--in-place", "--today", "2026-11-30");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(lockLine);
    expect(run.stderr).toContain(`process ${process.pid}`);
    expect(readFileSync(target).equals(firstBytes)).toBe(true);
  }, 120_000);

  it("takes over a lock left by a run that died", async () => {
    const target = join(work, "stale", "medicine-roster-matched.xlsx");
    mkdirSync(join(work, "stale"), { recursive: true });
    copyFileSync(matched, target);
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    writeFileSync(`${target}.lock`, `${dead}\n`);
    const run = cli("plans", target, "--in-place", "--today", "2026-11-30");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(`${target}.lock`)).toBe(false);
    expect(await readable(target)).toBe(true);
  }, 120_000);

  it("a run killed during its write leaves the previous workbook intact", async () => {
    const folder = join(work, "killed");
    spawnSync("mkdir", ["-p", folder]);
    const target = join(folder, "medicine-roster-matched.xlsx");
    copyFileSync(matched, target);
    const before = readFileSync(target);
    const { child, finished } = start("plans", target, "--in-place", "--today", "2026-11-30");
    // Kill as soon as the write shows: a temporary file appears, or the workbook changes.
    const deadline = Date.now() + 120_000;
    let seen = false;
    while (!seen && Date.now() < deadline && child.exitCode === null) {
      seen =
        readdirSync(folder).some((name) => name.endsWith(".tmp")) ||
        statSync(target).size !== before.length;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    child.kill("SIGKILL");
    const result = await finished;
    expect(seen).toBe(true);
    const after = readFileSync(target);
    // Either the kill came before the rename (the old file) or after it (a whole new one).
    if (!after.equals(before)) expect(await readable(target)).toBe(true);
    else expect(after.length).toBe(before.length);
    expect(result.signal === "SIGKILL" || result.status === 0).toBe(true);
    // The lock the killed run left does not stop the next one.
    const next = cli("plans", target, "--in-place", "--today", "2026-11-30");
    expect(next.stderr).toBe("");
    expect(next.status).toBe(0);
    expect(await readable(target)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  }, 240_000);
});
