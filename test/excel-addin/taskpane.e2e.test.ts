/**
 * The built task pane in real Chromium (playwright-core, /usr/bin/chromium), served from a
 * loopback HTTP server, with Microsoft's office.js replaced by fake-office.ts (an in-memory
 * workbook). Clicks through roster → program → match → action plans → forms, presses a ribbon
 * command, downloads the .zip and a .docx and reads them back. Nothing leaves 127.0.0.1.
 * Every response carries the strict CSP of docs/excel-addin.md (no 'unsafe-eval', no
 * 'unsafe-inline'); the run fails on any violation.
 * Screenshot for review: out/excel-addin/taskpane.png.
 */
import { createServer, type Server } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import * as esbuild from "esbuild";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { build, root } from "../../excel-addin/build.js";
import { readZipDirectory } from "../../cli/io/zip-directory.js";
import { readDocx, zipEntry } from "../forms/docx-reader.js";
import { hostileName } from "./roster-rows.js";
import { axeViolations, focused, horizontalOverflow } from "../helpers/axe.js";

const screenshot = join(root, "out", "excel-addin", "taskpane.png");
let work: string;
let server: Server;
let origin: string;
let browser: BrowserContext;
let page: Page;

/** The policy the pane must live under: its own scripts and Microsoft's office.js, no eval. */
export const strictCsp =
  "script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'";
const cspViolations: string[] = [];

const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mm-taskpane-"));
  const { outDir } = await build({ outDir: join(work, "site") });
  const fakeOffice = await esbuild.build({
    entryPoints: [join(root, "test/excel-addin/fake-office.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
  });
  const officeJs = fakeOffice.outputFiles[0]!.text;

  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    try {
      const body = readFileSync(join(outDir, path));
      response.writeHead(200, {
        "content-type": types[extname(path)] ?? "application/octet-stream",
        "content-security-policy": strictCsp,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A fresh profile in the test's own folder, removed afterwards.
  browser = await chromium.launchPersistentContext(join(work, "profile"), {
    viewport: { width: 320, height: 900 },
    acceptDownloads: true,
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on("console", (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text()))
      cspViolations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => cspViolations.push(text));
  // As text: the test's tsconfig has no DOM types.
  await page.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (e) =>
      reportCspViolation(e.violatedDirective + ": " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`,
  });
  // Anything not on loopback is refused; Microsoft's office.js is answered with the fake.
  await page.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
  );
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs }),
  );
  await page.goto(`${origin}/taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

interface Inspect {
  names: string[];
  rows: Record<string, string[]>;
  formulas: number;
  hostile: { numberFormat: string; formula: boolean }[];
  settings: Record<string, unknown>;
  selection: string | null;
  associated: string[];
  syncsPerRun: number[];
}

/** What the fake workbook holds now. */
function inspect(): Promise<Inspect> {
  return page.evaluate((hostile) => {
    type Cell = { value: unknown; formula?: string; numberFormat: string };
    type Sheet = {
      name: string;
      cells: Map<string, Cell>;
      rowText(row: number): string;
      grid(): unknown[][];
    };
    const fake = (
      globalThis as unknown as {
        fakeExcel: {
          workbook: { sheets: Sheet[]; settings: Map<string, unknown>; selection: string | null };
          associated(): string[];
          syncsPerRun: number[];
        };
      }
    ).fakeExcel;
    const sheets = fake.workbook.sheets;
    const cells = sheets.flatMap((s) => [...s.cells.values()]);
    return {
      names: sheets.map((s) => s.name),
      rows: Object.fromEntries(sheets.map((s) => [s.name, s.grid().map((_, r) => s.rowText(r))])),
      formulas: cells.filter((c) => c.formula !== undefined).length,
      // What we wrote (the roster's own cell is the user's, typed as text).
      hostile: sheets
        .filter((s) => s.name !== "Roster")
        .flatMap((s) => [...s.cells.values()])
        .filter((c) => c.value === hostile)
        .map((c) => ({ numberFormat: c.numberFormat, formula: c.formula !== undefined })),
      settings: Object.fromEntries(fake.workbook.settings),
      selection: fake.workbook.selection,
      associated: fake.associated(),
      syncsPerRun: [...fake.syncsPerRun],
    };
  }, hostileName);
}

/** WCAG 2.1 AA (axe) and no sideways scrolling at 320 px, checked after every step. */
async function expectAccessible(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}

/** Presses Tab until `selector` has the focus, as a keyboard user would; fails if never. */
async function tabTo(selector: string): Promise<number> {
  for (let presses = 1; presses <= 300; presses++) {
    await page.keyboard.press("Tab");
    if (
      await page.evaluate<boolean>(
        `document.activeElement?.matches(${JSON.stringify(selector)}) === true`,
      )
    )
      return presses;
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(page)}`);
}

describe("the task pane in Chromium", () => {
  afterEach(expectAccessible);
  it("shows the detected columns and issues; a correction is saved in the workbook", async () => {
    await page.click("#check-roster");
    await page.waitForSelector("#roster .status .ok");
    expect(await page.textContent("#roster .status")).toMatch(/people read/);
    expect(await page.inputValue('select[data-column="Roster!B"]')).toBe("email");

    const issue = page.locator("#roster .issue-list button.cell").first();
    const cell = await issue.textContent();
    await issue.click();
    await expect.poll(async () => (await inspect()).selection).toBe(cell);

    await page.selectOption('select[data-column="Roster!G"]', "");
    await page.click("#save-mapping");
    await page.waitForSelector("#roster .status .ok");
    const saved = JSON.parse(String((await inspect()).settings["mentorMatch.mapping"]));
    expect(saved).toEqual({ Roster: { columns: { G: null } } });
    expect(await page.inputValue('select[data-column="Roster!G"]')).toBe("");

    await page.click("#reset-mapping");
    await page.waitForSelector("#roster .status .ok");
    expect((await inspect()).settings["mentorMatch.mapping"]).toBeUndefined();
    expect(await page.inputValue('select[data-column="Roster!G"]')).toBe("chair");
  });

  it("saves valid settings to the Program sheet and writes nothing when one is invalid", async () => {
    await page.click("#load-settings");
    await page.waitForSelector('input[data-setting="Months"]');
    await page.fill('input[data-setting="Months"]', "10");
    await page.click("#save-settings");
    await page.waitForSelector("#program .status .ok");
    const program = (await inspect()).rows["Program"]!;
    expect(program.find((row) => row.startsWith("Months |"))).toMatch(/^Months \| 10 \|/);

    await page.fill('input[data-setting="Months"]', "lots");
    await page.click("#save-settings");
    await page.waitForSelector("#program .status .error");
    expect(await page.textContent("#program .status")).toMatch(/Nothing was written/);
    expect((await inspect()).rows["Program"]).toEqual(program);
  });

  it("matches: Pairs, Issues and Program written; the summary says who was matched", async () => {
    await page.click("#run-match");
    await page.waitForSelector("#match .status .ok");
    expect(await page.textContent("#match .status")).toMatch(/Matched 12 of 12 mentees/);
    const state = await inspect();
    expect(state.names).toEqual(["Roster", "Program", "Pairs", "Issues"]);
    expect(state.formulas).toBe(0);
    expect(state.hostile.length).toBeGreaterThan(0);
    expect(state.hostile.every((c) => c.numberFormat === "@" && !c.formula)).toBe(true);
    // read (3) + write (2) in one Excel.run each
    expect(state.syncsPerRun.slice(-2)).toEqual([3, 2]);
  });

  it("creates the action-plan tabs, from the pane and again from the ribbon", async () => {
    await page.click("#run-plans");
    await page.waitForSelector("#plans .status .ok");
    expect(await page.textContent("#plans .status")).toMatch(/Action plans: 12 created/);
    expect((await inspect()).names).toHaveLength(4 + 12);

    const { associated } = await inspect();
    expect(associated).toEqual(["conferenceForms", "createActionPlans", "matchMentors"]);
    await page.evaluate(() =>
      (
        globalThis as unknown as { fakeExcel: { press(name: string): Promise<void> } }
      ).fakeExcel.press("createActionPlans"),
    );
    expect(await page.textContent("#plans .status")).toMatch(/12 unchanged/);
    expect((await inspect()).names).toHaveLength(16);
  });

  it("builds the chairs' forms in the browser and downloads them as .docx and .zip", async () => {
    await page.click("#run-forms");
    await page.waitForSelector("#download-zip");
    expect(await page.textContent("#forms .status")).toMatch(/chair documents? ready to download/);
    expect((await inspect()).names).toContain("Forms");

    mkdirSync(join(root, "out", "excel-addin"), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });

    const [zipDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-zip"),
    ]);
    expect(zipDownload.suggestedFilename()).toBe("Conference forms.zip");
    const zip = new Uint8Array(readFileSync((await zipDownload.path())!));
    const entries = readZipDirectory(zip)!;
    const links = await page.locator("#forms .file-list a").allTextContents();
    expect(entries.map((e) => e.name)).toEqual(links);
    expect(links.every((name) => /^Forms – .+\.docx$/.test(name))).toBe(true);

    const [docxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#forms .file-list a").first().click(),
    ]);
    expect(docxDownload.suggestedFilename()).toBe(links[0]);
    const docx = new Uint8Array(readFileSync((await docxDownload.path())!));
    expect(Buffer.from(zipEntry(zip, links[0]!))).toEqual(Buffer.from(docx));
    const text = readDocx(docx)
      .paragraphs.map((p) => p.text)
      .join("\n");
    expect(text).toMatch(/Faculty Form/i);
    expect(text).toMatch(/Chair Form/i);
    const logged = (await inspect()).rows["Forms"]!.slice(1).filter((row) =>
      row.includes(links[0]!),
    );
    expect(logged.length).toBeGreaterThan(0);
    for (const row of logged) expect(text).toContain(row.split(" | ")[2]!);
  });

  it("completes check → match → plans → forms with the keyboard alone, focus kept at each step", async () => {
    await page.reload();
    await page.waitForSelector("#check-roster");
    const steps = [
      { button: "#check-roster", done: "#roster .status .ok" },
      { button: "#run-match", done: "#match .status .ok" },
      { button: "#run-plans", done: "#plans .status .ok" },
      { button: "#run-forms", done: "#download-zip" },
    ];
    for (const step of steps) {
      await tabTo(step.button);
      await page.keyboard.press("Enter");
      await page.waitForSelector(step.done);
      // Focus stays on the step's button once the work ends (it disables itself meanwhile).
      await expect.poll(() => focused(page)).toBe(`button${step.button}`);
      await expectAccessible();
    }
    // The status is announced: every step's outcome is in a live region.
    expect(await page.locator('#forms [aria-live="polite"]').textContent()).toMatch(/ready/);
    await tabTo("#download-zip");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Enter"),
    ]);
    expect(download.suggestedFilename()).toBe("Conference forms.zip");
    await page.screenshot({
      path: join(root, "out", "excel-addin", "taskpane-keyboard.png"),
      fullPage: true,
    });
  });

  it("ran every step under the strict CSP without one violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
