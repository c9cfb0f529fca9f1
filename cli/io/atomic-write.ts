/**
 * Every file the CLI writes goes through here: the bytes go to a temporary file in the same
 * folder, are flushed to disk, then renamed over the target in one step. A reader (or a
 * second run) sees the old file or the new one, never a 0-byte or half-written one, and a run
 * killed mid-write leaves the previous file as it was.
 *
 * `withWorkbookLock` keeps two runs off one workbook: `<file>.lock`, created exclusively,
 * holds the owner's pid; a lock whose process is gone (killed, crashed) is taken over.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

export class WorkbookLockedError extends Error {}

let tempCounter = 0;

export function writeFileAtomic(path: string, content: Uint8Array | string): void {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${tempCounter++}.tmp`);
  const fd = openSync(temp, "wx");
  try {
    try {
      for (let at = 0; at < bytes.length;)
        at += writeSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 20));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never written
    }
    throw error;
  }
  syncFolder(dirname(path));
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a folder, which is fine. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryLock(lockPath: string): number | null {
  try {
    const fd = openSync(lockPath, "wx");
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  let owner: number;
  try {
    owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
  } catch {
    // removed meanwhile: the caller retries
    return 0;
  }
  if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) return owner;
  // A lock left by a run that died: take it over.
  try {
    unlinkSync(lockPath);
  } catch {
    // another run took it over first
  }
  return 0;
}

/** Temporary files of runs that were killed mid-write (their pid is gone). */
function removeDeadRunsTemporaries(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = /^\..+\.(\d+)-\d+\.tmp$/.exec(name)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    try {
      unlinkSync(join(folder, name));
    } catch {
      // gone already
    }
  }
}

/**
 * Runs `work` holding the workbook's lock; throws WorkbookLockedError (one plain line) when
 * another live run holds it for longer than `waitMs`.
 */
export async function withWorkbookLock<T>(
  workbook: string,
  work: () => Promise<T>,
  waitMs = 2000,
): Promise<T> {
  const lockPath = `${workbook}.lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const owner = tryLock(lockPath);
    if (owner === null) break;
    if (Date.now() >= deadline)
      throw new WorkbookLockedError(
        `${workbook} is being written by another mentor-match run${owner > 0 ? ` (process ${owner})` : ""}; try again when it has finished`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  removeDeadRunsTemporaries(dirname(workbook));
  try {
    return await work();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // nothing to release
    }
  }
}
