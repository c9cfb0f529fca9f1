/**
 * The request packer and its split-and-retry (payload.ts) and the copy plan (layout-copies.ts),
 * on plain units: what goes in which request, and what happens when Excel says no.
 */
import { describe, expect, it } from "vitest";
import {
  isRetriable,
  packUnits,
  SheetNotWrittenError,
  sendUnits,
  sheetsPerRequest,
  type Unit,
} from "../../excel-addin/src/office/payload.js";
import { planCopies } from "../../excel-addin/src/office/layout-copies.js";
import { FakeError } from "./fake-excel.js";

function units(count: number, bytes: number, log: string[]): Unit[] {
  return Array.from({ length: count }, (_, i) => ({
    sheet: `Tab ${i}`,
    bytes,
    completesSheet: true,
    createsSheet: true,
    enqueue: () => void log.push(`Tab ${i}`),
  }));
}

describe("sendUnits", () => {
  it("packs by bytes and by new sheets, in order", () => {
    const packed = packUnits(units(10, 1000, []), 3500);
    expect(packed.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
    const many = packUnits(units(250, 10, []), 1_000_000);
    expect(many.map((chunk) => chunk.length)).toEqual([sheetsPerRequest, sheetsPerRequest, 50]);
  });

  it("halves a refused request until it goes through, and sends every unit once it does", async () => {
    const queued: string[] = [];
    let pending: string[] = [];
    const sent: string[] = [];
    const report = await sendUnits(
      units(8, 100, queued).map((unit) => ({
        ...unit,
        enqueue: () => void pending.push(unit.sheet),
      })),
      {
        sync: () => {
          const batch = pending;
          pending = [];
          if (batch.length > 2)
            return Promise.reject(new FakeError("RequestPayloadSizeLimitExceeded", "too big"));
          sent.push(...batch);
          return Promise.resolve();
        },
        recover: (failed) => Promise.resolve([...failed]),
      },
    );
    expect(sent).toEqual(Array.from({ length: 8 }, (_, i) => `Tab ${i}`));
    expect(report.retries).toBe(3);
    expect(report.requests).toHaveLength(4);
  });

  it("names the one sheet that cannot fit, and lets other errors through as they are", async () => {
    const refuse = () => Promise.reject(new FakeError("RequestPayloadSizeLimitExceeded", "no"));
    const failing = sendUnits(units(3, 10, []), {
      sync: refuse,
      recover: (f) => Promise.resolve([...f]),
    });
    await expect(failing).rejects.toThrow(SheetNotWrittenError);
    await expect(failing).rejects.toThrow(/"Tab 0"/);
    const broken = () => Promise.reject(new FakeError("InvalidArgument", "bad"));
    await expect(
      sendUnits(units(3, 10, []), { sync: broken, recover: (f) => Promise.resolve([...f]) }),
    ).rejects.toThrow("bad");
    expect(isRetriable(new FakeError("Timeout", "The operation has timed out."))).toBe("timeout");
  });
});

describe("planCopies", () => {
  it("copies new sheets of one layout and writes only the rows that differ, one width a block", () => {
    const format = { merges: [{ top: 3, left: 1, bottom: 3, right: 3 }] };
    const copies = planCopies(
      [
        {
          op: "setSheet",
          sheet: "A",
          rows: [["Plan ID", "a1"], ["Mentee", "Lee", "x", "y"], ["Why", "r"], ["Q"]],
          format,
        },
        {
          op: "setSheet",
          sheet: "B",
          rows: [["Plan ID", "b1"], ["Mentee", "Rao", "x", null], ["Why", "s"], ["Q"]],
          format,
        },
        { op: "setSheet", sheet: "Old", rows: [["Plan ID", "c1"], [], [], []], format },
        { op: "setSheet", sheet: "Other", rows: [["x"]] },
      ],
      (sheet) => sheet !== "Old",
    );
    expect([...copies.keys()]).toEqual([1]);
    expect(copies.get(1)).toEqual({
      template: "A",
      blocks: [
        { row: 0, rows: [["Plan ID", "b1"]] },
        { row: 1, rows: [["Mentee", "Rao", "x", ""]] },
        { row: 2, rows: [["Why", "s"]] },
      ],
    });
  });
});
