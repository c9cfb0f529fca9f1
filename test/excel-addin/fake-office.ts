/**
 * The page's `office.js` in the end-to-end test: Office and Excel globals over the in-memory
 * workbook of fake-excel.ts, seeded with a roster. `window.fakeExcel` lets the test look inside
 * and press ribbon buttons. Bundled by esbuild and served in place of Microsoft's CDN script.
 */
import { FakeContext, FakeWorkbook } from "./fake-excel.js";
import { rosterRows } from "./roster-rows.js";

const roster = rosterRows(12);
// A row the core must report (an e-mail that is not one), so the pane lists an issue.
roster.push([
  "Pat Doe",
  "not-an-email",
  "Professor",
  "Cardiology",
  "Mentor",
  "imaging",
  "Chair Lee",
  1,
]);
// Long unbroken text (a pasted URL-like chair name) that must wrap, never widen the pane.
roster[roster.length - 2]![6] = `Chair_${"Department_of_Medicine_".repeat(6)}Lee`;
const workbook = new FakeWorkbook({ Roster: roster });
const associated = new Map<string, (event: { completed(): void }) => unknown>();
const syncsPerRun: number[] = [];

const settings = {
  get: (key: string) => workbook.settings.get(key) ?? null,
  set: (key: string, value: unknown) => void workbook.settings.set(key, value),
  remove: (key: string) => void workbook.settings.delete(key),
  saveAsync: (callback?: (result: { status: string }) => void) =>
    callback?.({ status: "succeeded" }),
};

Object.assign(globalThis, {
  Office: {
    onReady: (callback?: (info: { host: string; platform: string }) => void) =>
      Promise.resolve().then(() => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        callback?.(info);
        return info;
      }),
    actions: {
      associate: (name: string, handler: (event: { completed(): void }) => unknown) =>
        void associated.set(name, handler),
    },
    addin: { showAsTaskpane: () => Promise.resolve() },
    context: { requirements: { isSetSupported: () => true }, document: { settings } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  },
  Excel: {
    run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
      const context = new FakeContext(workbook);
      try {
        return await batch(context);
      } finally {
        syncsPerRun.push(context.syncs);
      }
    },
  },
  fakeExcel: {
    workbook,
    syncsPerRun,
    associated: () => [...associated.keys()].sort(),
    press: (name: string) =>
      new Promise<void>((resolve, reject) => {
        const handler = associated.get(name);
        if (handler === undefined) return reject(new Error(`no command ${name}`));
        void handler({ completed: resolve });
      }),
  },
});
