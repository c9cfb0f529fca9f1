/**
 * Client-side pacing of Sheets and Docs writes (about 60 a minute per user): a sliding window
 * on a virtual clock, so no test waits and nothing depends on real time.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePacer, type Clock } from "../../cli/google/pacing.js";
import { runGoogle } from "../../cli/google/run-google.js";
import { useFakeGoogle } from "./harness.js";

function virtualClock(): Clock & { sleeps: number[]; at: () => number } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    at: () => now,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe("writePacer", () => {
  it("lets N writes through in any 60 s and waits for the oldest to leave the window", async () => {
    const clock = virtualClock();
    const pace = writePacer(3, clock);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pace();
      times.push(clock.at());
    }
    expect(times).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
    expect(clock.sleeps).toEqual([60_000, 60_000]);
  });

  it("waits only as long as needed when writes are spread out", async () => {
    const clock = virtualClock();
    const waits: number[] = [];
    const pace = writePacer(2, clock, (ms) => waits.push(ms));
    await pace();
    await clock.sleep(45_000);
    await pace();
    await pace(); // the first leaves the window at 60 s: 15 s to wait
    expect(clock.at()).toBe(60_000);
    expect(waits).toEqual([15_000]);
  });

  it("does not pace at all with 0", async () => {
    const clock = virtualClock();
    const pace = writePacer(0, clock);
    for (let i = 0; i < 500; i++) await pace();
    expect(clock.sleeps).toEqual([]);
  });
});

describe("run --google with paced writes", () => {
  const h = useFakeGoogle();

  const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
  afterEach(() => {
    vi.restoreAllMocks();
    if (tty === undefined) Reflect.deleteProperty(process.stderr, "isTTY");
    else Object.defineProperty(process.stderr, "isTTY", tty);
  });

  it("keeps each API's batchUpdates within the limit per minute and says when it waits", async () => {
    h.fake.now = () => h.clockMs;
    const lines: string[] = [];
    // Progress lines go to a terminal only.
    Object.defineProperty(process.stderr, "isTTY", { value: true, configurable: true });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const perMinute = 1;
    const result = await runGoogle(h.options({ writesPerMinute: perMinute }));
    expect(result.report.pairs.length).toBeGreaterThan(0);

    for (const prefix of ["/v4/spreadsheets/", "/v1/documents/"]) {
      const writes = h.fake.log
        .filter((r) => r.method === "POST" && r.path.startsWith(prefix))
        .map((r) => r.at);
      expect(writes.length).toBeGreaterThan(perMinute);
      for (let i = perMinute; i < writes.length; i++)
        expect(writes[i]! - writes[i - perMinute]!).toBeGreaterThanOrEqual(60_000);
    }
    expect(h.clockMs).toBeGreaterThan(0);
    expect(lines.join("")).toMatch(
      /pausing \d+ s: at most 1 Docs writes a minute \(Google's quota\)/,
    );
    expect(lines.join("")).toMatch(
      /pausing \d+ s: at most 1 Sheets writes a minute \(Google's quota\)/,
    );
    // The 429 retry is still there behind the pacer.
    expect(h.waits).toEqual([]);
  });
});
