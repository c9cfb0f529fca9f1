/**
 * manifest.xml, and the production manifest the build writes, against Microsoft's published
 * manifest XSDs (test/fixtures/office-addin-manifest-schemas, offline with `xmllint --nonet`). The
 * schemas predate <Runtimes> (the shared runtime): exactly that element is cut out before the
 * XSD check and checked here by structure instead. Also: ribbon functions ↔
 * Office.actions.associate, every resid defined, requirement sets as the code checks them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, productionManifest, root } from "../../excel-addin/build.js";
import { requiredSets } from "../../excel-addin/src/office/requirements.js";

// A byte-for-byte copy of the team handbook's ../shared/schemas/office-addin-manifest (see its
// README), kept in the repository so CI on a bare clone validates too.
const schemas = resolve(root, "test", "fixtures", "office-addin-manifest-schemas");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const productionUrl = "https://mentoring.example.edu/excel";
let work: string;
let production: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mm-manifest-"));
  await build({ outDir: join(work, "dist"), production: true, url: productionUrl });
  production = readFileSync(join(work, "dist", "manifest.xml"), "utf8");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runtimesElement = /\n?[ \t]*<Runtimes>[\s\S]*?<\/Runtimes>/g;

/** The manifest without the elements the 2019 schemas do not know (only <Runtimes> here). */
function withoutNewerElements(xml: string): string {
  return xml.replace(runtimesElement, "");
}

function xsdErrors(xml: string, name: string): string {
  if (!existsSync(join(schemas, "OfficeAppManifestV1_1.xsd")))
    throw new Error(`the manifest schemas are missing: expected them in ${schemas}`);
  const file = join(work, name);
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--nonet", "--noout", "--schema", "OfficeAppManifestV1_1.xsd", file], {
      cwd: schemas,
      stdio: "pipe",
    });
    return "";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

const all = (xml: string, pattern: RegExp): string[] =>
  [...xml.matchAll(pattern)].map((match) => match[1]!);

describe.each([
  ["manifest.xml", () => manifest],
  ["the production manifest", () => production],
])("%s", (name, xml) => {
  it("validates against the published XSDs once <Runtimes> is set aside", () => {
    expect(xsdErrors(withoutNewerElements(xml()), `${name.replace(/\W+/g, "-")}.xml`)).toBe("");
  });

  it("sets aside nothing but the <Runtimes> element", () => {
    const stripped = withoutNewerElements(xml());
    expect(xml().match(runtimesElement)).toHaveLength(1);
    expect(stripped.length + xml().match(runtimesElement)![0].length).toBe(xml().length);
  });

  it("declares the shared runtime: ribbon functions and pane in one long-lived page", () => {
    const host = /<Host xsi:type="Workbook">\s*([\s\S]*?)<\/Host>/.exec(xml())![1]!;
    // <Runtimes> comes first in the host, before <DesktopFormFactor>.
    expect(host.trimStart().startsWith("<Runtimes>")).toBe(true);
    const runtimes = all(host, /<Runtime resid="([^"]+)" lifetime="long"\/>/g);
    expect(runtimes).toEqual(["Taskpane.Url"]);
    expect(all(host, /<FunctionFile resid="([^"]+)"\/>/g)).toEqual(runtimes);
    expect(all(host, /<SourceLocation resid="([^"]+)"\/>/g)).toEqual(runtimes);
    expect(xml()).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
  });

  it("points every resid at a defined resource", () => {
    const defined = new Set(all(xml(), /<bt:(?:Image|Url|String) id="([^"]+)"/g));
    const used = all(xml(), /resid="([^"]+)"/g);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it("asks for the requirement sets the add-in checks at start", () => {
    const sets = all(xml(), /<Set Name="([^"]+" MinVersion="[^"]+)"\/>/g);
    expect(sets.sort()).toEqual(
      requiredSets.map((set) => `${set.name}" MinVersion="${set.version}`).sort(),
    );
  });
});

describe("ribbon commands", () => {
  const register = readFileSync(join(root, "excel-addin/src/commands/register.ts"), "utf8");

  it("has an Office.actions.associate for every <FunctionName>, and no other", () => {
    const functions = all(manifest, /<FunctionName>([^<]+)<\/FunctionName>/g).sort();
    const associated = all(register, /Office\.actions\.associate\("([^"]+)"/g).sort();
    expect(functions).toEqual(["conferenceForms", "createActionPlans", "matchMentors"]);
    expect(associated).toEqual(functions);
  });

  it("labels the Mentoring tab's buttons as the issue names them", () => {
    const strings = all(manifest, /<bt:String id="[^"]+" DefaultValue="([^"]+)"\/>/g);
    for (const label of [
      "Mentoring",
      "Match mentors",
      "Action plans",
      "Conference forms",
      "Open panel",
    ])
      expect(strings).toContain(label);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it("has every icon the manifest names, at its size", () => {
    for (const [, size] of manifest.matchAll(/assets\/icon-(\d+)\.png/g)) {
      const png = readFileSync(join(root, "excel-addin/assets", `icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });
});

describe("production build", () => {
  it("rewrites every development URL to the production URL", () => {
    expect(production).not.toContain("localhost");
    const urls = all(production, /"(https?:\/\/[^"]+)"/g).filter(
      (u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls)
      expect(url.startsWith(`${productionUrl}/`) || url === productionUrl).toBe(true);
    expect(production).toContain(`<SourceLocation DefaultValue="${productionUrl}/taskpane.html"/>`);
  });

  it("refuses a URL Office would not load", () => {
    expect(() => productionManifest(manifest, "http://mentoring.example.edu")).toThrow(/https/);
  });

  it("writes the static folder: page, bundle, styles and icons", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.js",
      "taskpane.css",
      "help.html",
      "assets/icon-80.png",
    ])
      expect(existsSync(join(work, "dist", file))).toBe(true);
    expect(readFileSync(join(work, "dist", "taskpane.html"), "utf8")).not.toMatch(
      /<meta[^>]+Content-Security-Policy/i,
    );
  });
});
