/**
 * The sidebar as pushed (sidebar.html with its inlined script) in real Chromium at Google's
 * 300 px, its `google.script.run` bridged to the pushed Code.js running in the fake Apps Script
 * world (fakes/world.ts), on the bundled Medicine roster with its sheet renamed "__proto__" and
 * a column headed by long unbroken text. After every step: axe-core (WCAG 2.1 AA) finds nothing and the
 * page never scrolls sideways. Screenshot for review: out/apps-script/sidebar.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pushedProject, rosterSnapshot, World } from "./fakes/world.js";
import { axeViolations, focused, horizontalOverflow } from "../helpers/axe.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const screenshot = join(root, "out", "apps-script", "sidebar.png");
const sheetName = "__proto__";
const unbroken = `Notes_${"from_the_faculty_affairs_office_".repeat(4)}end`;
const api = [
  "getSidebarState",
  "saveColumnMapping",
  "chooseNextPreset",
  "runFromSidebar",
  "getProgress",
  "selectIssueCell",
  "cancelRunningJob",
];

let work: string;
let world: World;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mm-sidebar-"));
  const medicine = await rosterSnapshot("templates/examples/medicine-roster.xlsx");
  const [roster, ...others] = medicine.sheets;
  // An extra column headed by long unbroken text: the mapping table shows it.
  const rows = roster!.rows.map((row, index) => (index === 3 ? [...row, unbroken] : row));
  world = new World(await pushedProject(), {
    sheets: [{ ...roster!, name: sheetName, rows }, ...others],
  });
  const html = (await pushedProject()).files.get("sidebar.html")!;

  browser = await chromium.launchPersistentContext(join(work, "profile"), {
    viewport: { width: 300, height: 800 },
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.route("**/*", (route) =>
    route.request().url() === "http://127.0.0.1/sidebar.html"
      ? route.fulfill({ status: 200, contentType: "text/html", body: html })
      : route.abort(),
  );
  // JSON both ways, as google.script.run would: own "__proto__" keys stay keys.
  await page.exposeFunction("scriptServer", (name: string, args: string) => {
    const result = world.run(name, ...(JSON.parse(args) as unknown[]));
    if (result.error !== undefined) throw new Error(String(result.error));
    return JSON.stringify(result.value ?? null);
  });
  await page.addInitScript({
    content: `(() => {
      const names = ${JSON.stringify(api)};
      const runner = (ok, fail) => {
        const run = {
          withSuccessHandler: (handler) => runner(handler, fail),
          withFailureHandler: (handler) => runner(ok, handler),
        };
        for (const name of names)
          run[name] = (...args) =>
            scriptServer(name, JSON.stringify(args)).then(
              (value) => ok && ok(JSON.parse(value)),
              (error) => fail && fail(error),
            );
        return run;
      };
      window.google = { script: { run: runner(null, null) } };
    })();`,
  });
  await page.goto("http://127.0.0.1/sidebar.html");
  await page.waitForSelector("#mapping select");
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function tabTo(selector: string): Promise<void> {
  for (let presses = 1; presses <= 300; presses++) {
    await page.keyboard.press("Tab");
    const here = await page.evaluate<boolean>(
      `document.activeElement?.matches(${JSON.stringify(selector)}) === true`,
    );
    if (here) return;
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(page)}`);
}

async function runAndWait(button: string, title: RegExp): Promise<void> {
  await tabTo(button);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.textContent("#message"), { timeout: 60_000 }).toMatch(title);
  await expect.poll(() => focused(page)).toBe(`button${button}`);
}

describe("the sidebar in Chromium at 300 px", () => {
  afterEach(async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it("names every control, declares its language and shows the long text wrapped", async () => {
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#mapping")).toContain(unbroken);
  });

  it("reaches an issue's cell and the Program sheet with the keyboard", async () => {
    await tabTo("#issues button");
    const cell = (await page.evaluate<string>("document.activeElement.textContent")).trim();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => world.spreadsheet.activeRange?.sheet.name)
      .toBe(cell.split("!")[0]!.replace(/'/g, ""));
    await tabTo("#open-program");
  });

  it("saves a correction for a sheet named __proto__ without touching Object.prototype", async () => {
    const select = `#mapping select[data-sheet="${sheetName}"][data-role="field"]`;
    await page.selectOption(`${select} >> nth=0`, "");
    await page.click("#save-mapping");
    await expect.poll(() => page.textContent("#message")).toMatch(/Mapping saved/);
    expect(await page.evaluate<boolean>("'kind' in {} || 'columns' in {}")).toBe(false);
    const saved = (world.run("getSidebarState").value as { savedMapping: object }).savedMapping;
    expect(Object.keys(saved)).toEqual([sheetName]);
    await page.click("#reset-mapping");
  });

  it("runs match, plans and forms from the keyboard, focus kept on each button", async () => {
    await runAndWait("#run-match", /Match/);
    await runAndWait("#run-plans", /plan/i);
    await runAndWait("#run-forms", /form/i);
    mkdirSync(join(root, "out", "apps-script"), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
  });
});
