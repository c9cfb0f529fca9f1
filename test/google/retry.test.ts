import { describe, expect, it } from "vitest";
import { isDroppedConnection, withRetry, withWriteRetry } from "../../cli/google/retry.js";

const reset = Object.assign(
  new Error("request to http://127.0.0.1/x failed, reason: read ECONNRESET"),
  {
    code: "ECONNRESET",
  },
);
const noSleep = { sleep: async () => {} };

describe("a dropped connection (a kept-alive socket closed during a long local step)", () => {
  it("is retried like a 5xx, and a 4xx is not", async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      if (++calls < 3) throw reset;
      return "done";
    }, noSleep);
    expect(result).toBe("done");
    expect(calls).toBe(3);
    expect(isDroppedConnection(reset)).toBe(true);
    expect(isDroppedConnection({ code: 400, message: "ECONNRESET" })).toBe(false);
    let refused = 0;
    await expect(
      withRetry(async () => {
        refused++;
        throw Object.assign(new Error("bad"), { code: 400 });
      }, noSleep),
    ).rejects.toThrow("bad");
    expect(refused).toBe(1);
  });

  it("makes a write ask whether the earlier attempt was applied", async () => {
    let calls = 0;
    const outcome = await withWriteRetry(
      async () => {
        if (++calls === 1) throw reset;
        throw Object.assign(new Error("A sheet with the name already exists"), { code: 400 });
      },
      noSleep,
      async () => true,
    );
    expect(outcome).toBe("applied earlier");
  });
});
