/**
 * The pushed project's shape and its OAuth scopes: no module syntax left, every entry point a
 * top-level function, menu items and triggers naming functions that exist, the sidebar's
 * script inlined, and every Apps Script service method the bundle calls allowed by the
 * manifest's (pinned) scopes, with no scope asked for that nothing needs.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { pushedProject } from "./fakes/world.js";

const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;

/** The manifest's scopes, pinned; docs/apps-script.md says why each is needed. */
const pinnedScopes = [
  scope("spreadsheets.currentonly"),
  scope("documents"),
  scope("drive.file"),
  scope("script.container.ui"),
  scope("script.scriptapp"),
];

const sheets = [scope("spreadsheets.currentonly"), scope("spreadsheets")];
const ui = [scope("script.container.ui")];
const none: string[] = [];

/**
 * The scopes any one of which a method needs, from the "Authorization" section of each
 * method on Google's reference pages (https://developers.google.com/apps-script/reference/…;
 * for the advanced Drive service, https://developers.google.com/drive/api/reference/rest/v3/…;
 * for the advanced Sheets service,
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/…).
 */
const requiredScopes: Record<string, string[]> = {
  // reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet()
  "SpreadsheetApp.getActiveSpreadsheet": sheets,
  // reference/spreadsheet/spreadsheet-app#getUi(): the Ui's menus, alerts and sidebars
  // (reference/base/ui#showSidebar(Object), #alert(String)) need script.container.ui.
  "SpreadsheetApp.getUi": ui,
  // reference/spreadsheet/spreadsheet-app#newDataValidation(), #newRichTextValue(): builders
  "SpreadsheetApp.newDataValidation": none,
  "SpreadsheetApp.newRichTextValue": none,
  // reference/spreadsheet/border-style: an enum
  "SpreadsheetApp.BorderStyle": none,
  // reference/document/document-app#openById(String)
  "DocumentApp.openById": [scope("documents")],
  // reference/document/paragraph-heading, element-type: enums
  "DocumentApp.ParagraphHeading": none,
  "DocumentApp.ElementType": none,
  // drive/api/reference/rest/v3/files/create
  "Drive.Files.create": [scope("drive"), scope("drive.appdata"), scope("drive.file")],
  // drive/api/reference/rest/v3/files/get
  "Drive.Files.get": [
    scope("drive"),
    scope("drive.appdata"),
    scope("drive.file"),
    scope("drive.metadata"),
    scope("drive.metadata.readonly"),
    scope("drive.readonly"),
  ],
  // drive/api/reference/rest/v3/files/list
  "Drive.Files.list": [
    scope("drive"),
    scope("drive.appdata"),
    scope("drive.file"),
    scope("drive.metadata"),
    scope("drive.metadata.readonly"),
    scope("drive.readonly"),
  ],
  // drive/api/reference/rest/v3/permissions/list
  "Drive.Permissions.list": [
    scope("drive"),
    scope("drive.file"),
    scope("drive.metadata"),
    scope("drive.metadata.readonly"),
    scope("drive.readonly"),
  ],
  // drive/api/reference/rest/v3/permissions/create
  "Drive.Permissions.create": [scope("drive"), scope("drive.file")],
  // sheets/api/reference/rest/v4/spreadsheets/get: any one of these (drive.file for the
  // script's own files; the roster is never read this way)
  "Sheets.Spreadsheets.get": [
    scope("drive"),
    scope("drive.file"),
    scope("drive.readonly"),
    scope("spreadsheets"),
    scope("spreadsheets.readonly"),
  ],
  // sheets/api/reference/rest/v4/spreadsheets.values/batchGet
  "Sheets.Spreadsheets.Values.batchGet": [
    scope("drive"),
    scope("drive.file"),
    scope("drive.readonly"),
    scope("spreadsheets"),
    scope("spreadsheets.readonly"),
  ],
  // sheets/api/reference/rest/v4/spreadsheets/batchUpdate
  "Sheets.Spreadsheets.batchUpdate": [scope("drive"), scope("drive.file"), scope("spreadsheets")],
  // reference/script/script-app#newTrigger(String), #getProjectTriggers(), #deleteTrigger(Trigger)
  "ScriptApp.newTrigger": [scope("script.scriptapp")],
  "ScriptApp.getProjectTriggers": [scope("script.scriptapp")],
  "ScriptApp.deleteTrigger": [scope("script.scriptapp")],
  // reference/lock/lock-service, reference/properties/properties-service: no authorization
  "LockService.getDocumentLock": none,
  "PropertiesService.getDocumentProperties": none,
  // reference/html/html-service#createHtmlOutputFromFile(String): no authorization
  "HtmlService.createHtmlOutputFromFile": none,
  // reference/utilities/utilities#formatDate(Date,String,String): no authorization
  "Utilities.formatDate": none,
};

const services = [
  "SpreadsheetApp",
  "DocumentApp",
  "DriveApp",
  "Drive",
  "Sheets",
  "ScriptApp",
  "LockService",
  "PropertiesService",
  "HtmlService",
  "Utilities",
  "Session",
  "UrlFetchApp",
  "GmailApp",
  "MailApp",
];

/**
 * `Service.member` as the bundle names them; for the advanced services, the whole path down to
 * the method (`Drive.Files.create`, `Sheets.Spreadsheets.Values.batchGet`).
 */
function serviceCalls(code: string): Set<string> {
  const found = new Set<string>();
  const name = "[A-Za-z_$][\\w$]*";
  const pattern = new RegExp(
    `(?<![\\w$.])(${services.join("|")})\\.(${name})(?:\\.(${name}))?(?:\\.(${name}))?`,
    "g",
  );
  for (const match of code.matchAll(pattern)) {
    const [, service, member, sub, method] = match;
    if (service === "Drive" && sub !== undefined) found.add(`Drive.${member}.${sub}`);
    else if (service === "Sheets" && sub !== undefined)
      found.add(
        sub === "Values" && method !== undefined
          ? `Sheets.${member}.Values.${method}`
          : `Sheets.${member}.${sub}`,
      );
    else found.add(`${service}.${member}`);
  }
  return found;
}

describe("the pushed Apps Script project", () => {
  it("has no module syntax and declares each entry point as a top-level function", async () => {
    const { code, built } = await pushedProject();
    expect(() => new vm.Script(code)).not.toThrow();
    // Parsing as a classic script rejects import/export statements; the text has none either.
    expect(code).not.toMatch(/(^|[;\n}])\s*(import\s*[{*\w]|export\s*[{*\w])/);
    expect(built.entryPoints).toEqual(
      expect.arrayContaining([
        "onOpen",
        "onInstall",
        "menuMatchMentors",
        "menuCreateActionPlans",
        "menuMergeConferenceForms",
        "menuOpenSidebar",
        "menuHelp",
        "continueMentorMatchJob",
        "getSidebarState",
        "runFromSidebar",
      ]),
    );
    for (const name of built.entryPoints)
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(\\) \\{`, "m"));
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of built.entryPoints) expect(typeof context[name], name).toBe("function");
  });

  it("names only existing functions in menu items and triggers", async () => {
    const { code, built } = await pushedProject();
    const handlers = [
      ...[...code.matchAll(/addItem\("[^"]+","(\w+)"\)/g)].map((m) => m[1]!),
      ...[...code.matchAll(/newTrigger\(([\w$]+)\)/g)].map((m) => {
        // A minified name may hold `$`, which a RegExp must escape.
        const constant = new RegExp(`${m[1]!.replace(/\$/g, "\\$")}="(\\w+)"`).exec(code);
        return constant?.[1] ?? m[1]!;
      }),
    ];
    expect(handlers.length).toBeGreaterThanOrEqual(6);
    for (const handler of handlers) expect(built.entryPoints).toContain(handler);
  });

  it("inlines the sidebar's script and escapes nothing into HTML", async () => {
    const { files } = await pushedProject();
    const sidebar = files.get("sidebar.html")!;
    expect(sidebar).not.toContain("<!-- inline:");
    expect(sidebar).toMatch(/<script>\n[\s\S]*getSidebarState[\s\S]*<\/script>/);
    expect(sidebar.match(/<\/script>/g)).toHaveLength(1);
  });

  it("asks for the pinned scopes, V8 and the Drive v3 and Sheets v4 advanced services", async () => {
    const manifest = JSON.parse((await pushedProject()).manifest) as {
      runtimeVersion: string;
      oauthScopes: string[];
      dependencies: { enabledAdvancedServices: { userSymbol: string; version: string }[] };
    };
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual(pinnedScopes);
    expect(manifest.oauthScopes).not.toContain(scope("drive"));
    expect(manifest.oauthScopes).not.toContain(scope("spreadsheets"));
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: "Drive", serviceId: "drive", version: "v3" },
      { userSymbol: "Sheets", serviceId: "sheets", version: "v4" },
    ]);
  });

  it("calls only methods its scopes allow, and needs every scope it asks for", async () => {
    const { code } = await pushedProject();
    const calls = serviceCalls(code);
    expect(
      calls.has("DriveApp.getFolderById") || [...calls].some((c) => c.startsWith("DriveApp.")),
    ).toBe(false);
    const used = new Set<string>();
    for (const call of calls) {
      const allowed = requiredScopes[call];
      expect(allowed, `${call} is not in the scope table`).toBeDefined();
      if (allowed!.length === 0) continue;
      const granted = allowed!.filter((s) => pinnedScopes.includes(s));
      expect(granted, `${call} needs one of ${allowed!.join(", ")}`).not.toHaveLength(0);
      for (const s of granted) used.add(s);
    }
    expect([...used].sort()).toEqual([...pinnedScopes].sort());
    // The additional plan spreadsheets are read and written through the Sheets API.
    for (const call of [
      "Sheets.Spreadsheets.get",
      "Sheets.Spreadsheets.Values.batchGet",
      "Sheets.Spreadsheets.batchUpdate",
    ])
      expect(calls, call).toContain(call);
    expect(code).not.toMatch(/SpreadsheetApp\.openBy/);
  });
});
