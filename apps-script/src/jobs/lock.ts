/**
 * One run at a time per spreadsheet: the document lock. A run that cannot get it changes
 * nothing and says so.
 */
export type Locked<T> = { ok: true; value: T } | { ok: false };

export function withDocumentLock<T>(run: () => T): Locked<T> {
  const lock = LockService.getDocumentLock();
  if (lock === null || !lock.tryLock(1000)) return { ok: false };
  try {
    return { ok: true, value: run() };
  } finally {
    lock.releaseLock();
  }
}
