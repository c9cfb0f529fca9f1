/**
 * What every fake service shares: a virtual clock that each service call advances, the
 * execution in progress (Apps Script stops an execution after six minutes: here every call
 * after the limit throws, even if the script catches the first error), call counts, and the
 * document lock.
 */
export const executionLimitMs = 6 * 60_000;

export class ExecutionKilled extends Error {
  constructor() {
    super("Exceeded maximum execution time");
  }
}

export class Runtime {
  /** Virtual milliseconds since the epoch. */
  now = Date.parse("2026-11-23T14:05:00Z");
  /** How long each service call takes, in virtual milliseconds. */
  msPerCall = 1;
  /** Kill the execution at its n-th service call (a run killed at an arbitrary point). */
  killAtCall: number | null = null;
  calls = 0;
  callsByMethod = new Map<string, number>();
  execution: { id: number; startedAt: number; calls: number; dead: boolean } | null = null;
  private executions = 0;
  /** The execution holding the document lock; "other" for a run outside the test's control. */
  lockHolder: number | "other" | null = null;

  /** Called by every fake method: counts it, advances the clock, enforces the limit. */
  call(method: string): void {
    const execution = this.execution;
    if (execution === null) throw new Error(`${method} called outside an execution`);
    if (execution.dead) throw new ExecutionKilled();
    execution.calls++;
    this.calls++;
    this.callsByMethod.set(method, (this.callsByMethod.get(method) ?? 0) + 1);
    this.now += this.msPerCall;
    if (
      this.now - execution.startedAt > executionLimitMs ||
      (this.killAtCall !== null && execution.calls >= this.killAtCall)
    ) {
      execution.dead = true;
      throw new ExecutionKilled();
    }
  }

  /** Runs one execution; it ends (and its lock is released) however it ends. */
  run<T>(body: () => T): { value: T | undefined; killed: boolean; error: unknown } {
    this.execution = { id: ++this.executions, startedAt: this.now, calls: 0, dead: false };
    const id = this.execution.id;
    try {
      const value = body();
      return { value, killed: this.execution.dead, error: undefined };
    } catch (error) {
      return { value: undefined, killed: this.execution.dead, error };
    } finally {
      if (this.lockHolder === id) this.lockHolder = null;
      this.execution = null;
    }
  }

  get executionId(): number {
    if (this.execution === null) throw new Error("no execution");
    return this.execution.id;
  }
}
