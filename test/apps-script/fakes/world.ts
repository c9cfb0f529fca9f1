/**
 * The pushed project (Code.js, sidebar.html, appsscript.json, built once per test run into a
 * temp folder) loaded into a Node `vm` context with the fake services: a spreadsheet seeded
 * from a roster file, its Drive (with the Sheets API over its spreadsheets), document
 * properties, triggers and the document lock.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { buildAppsScript, type BuiltProject } from "../../../apps-script/build.js";
import { readWorkbookFiles } from "../../../cli/io/read-workbook.js";
import type { WorkbookSnapshot } from "../../../shared/index.js";
import { Runtime } from "./runtime.js";
import { FakeSpreadsheet, fakeSpreadsheetApp, type Value } from "./spreadsheet.js";
import { FakeDrive } from "./drive-docs.js";
import { FakeSheetsApi, sheetGrid, sheetLinks } from "./sheets-api.js";
import {
  FakeProperties,
  FakeScriptApp,
  fakeHtmlService,
  fakeLockService,
  fakeSession,
  fakeUtilities,
} from "./services.js";

export interface Pushed {
  built: BuiltProject;
  code: string;
  manifest: string;
  files: Map<string, string>;
}

let pushed: Promise<Pushed> | null = null;

/** The project exactly as `clasp push` would send it. */
export function pushedProject(): Promise<Pushed> {
  pushed ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), "mentor-match-gas-"));
    const built = await buildAppsScript(outDir);
    const code = await readFile(built.files.code, "utf8");
    const manifest = await readFile(built.files.manifest, "utf8");
    const sidebar = await readFile(built.files.sidebar, "utf8");
    return { built, code, manifest, files: new Map([["sidebar.html", sidebar]]) };
  })();
  return pushed;
}

const snapshots = new Map<string, Promise<WorkbookSnapshot>>();

export function rosterSnapshot(path: string): Promise<WorkbookSnapshot> {
  let snapshot = snapshots.get(path);
  if (snapshot === undefined) {
    snapshot = readWorkbookFiles([path]);
    snapshots.set(path, snapshot);
  }
  return snapshot;
}

export interface RunResult {
  killed: boolean;
  error: unknown;
  value: unknown;
}

export class World {
  readonly runtime = new Runtime();
  readonly drive = new FakeDrive(this.runtime);
  readonly sheetsApi = new FakeSheetsApi(this.drive, this.runtime);
  readonly properties = new FakeProperties(this.runtime);
  readonly scriptApp = new FakeScriptApp(this.runtime);
  readonly spreadsheet: FakeSpreadsheet;
  private readonly context: vm.Context;

  constructor(project: Pushed, snapshot: WorkbookSnapshot, name = "Mentoring roster") {
    const runtime = this.runtime;
    this.context = vm.createContext({ __virtualNow: () => runtime.now });
    // Date in the script's realm reads the virtual clock, so budgets and "today" are ours.
    vm.runInContext(
      `(() => {
        const RealDate = Date;
        function VirtualDate(...args) {
          if (!new.target) return new RealDate(__virtualNow()).toString();
          return args.length === 0 ? new RealDate(__virtualNow()) : new RealDate(...args);
        }
        VirtualDate.prototype = RealDate.prototype;
        VirtualDate.now = () => __virtualNow();
        VirtualDate.UTC = RealDate.UTC;
        VirtualDate.parse = RealDate.parse;
        globalThis.Date = VirtualDate;
      })();`,
      this.context,
    );
    const scriptDate = vm.runInContext("Date", this.context) as DateConstructor;
    this.spreadsheet = new FakeSpreadsheet(runtime, name, (date) => new scriptDate(date.getTime()));
    for (const sheet of snapshot.sheets) {
      const seeded = this.spreadsheet.seed(sheet.name, sheet.rows);
      for (const m of sheet.merges ?? [])
        seeded.merges.push({
          row: m.top,
          column: m.left,
          rows: m.bottom - m.top + 1,
          columns: m.right - m.left + 1,
        });
    }
    Object.assign(this.context, {
      SpreadsheetApp: fakeSpreadsheetApp(this.spreadsheet),
      DocumentApp: this.drive.documentApp(),
      Drive: this.drive.service(),
      Sheets: this.sheetsApi.service(),
      PropertiesService: this.properties.service(),
      ScriptApp: this.scriptApp.service(),
      LockService: fakeLockService(runtime),
      Utilities: fakeUtilities(runtime),
      Session: fakeSession(runtime),
      HtmlService: fakeHtmlService(runtime, project.files),
    });
    vm.runInContext(project.code, this.context, { filename: "Code.js" });
  }

  static async load(roster: string, name?: string): Promise<World> {
    return new World(await pushedProject(), await rosterSnapshot(roster), name);
  }

  /** Runs a global function of the script as one execution (a menu click, a trigger). */
  run(name: string, ...args: unknown[]): RunResult {
    const fn: unknown = this.context[name];
    if (typeof fn !== "function") throw new Error(`the script has no global function ${name}`);
    return this.runtime.run(() => (fn as (...a: unknown[]) => unknown)(...args));
  }

  /** Fires due continuation triggers, one execution each, until none is left. */
  fireTriggers(limit = 100): number {
    let fired = 0;
    while (this.scriptApp.triggers.length > 0) {
      if (++fired > limit) throw new Error("triggers kept firing");
      const next = [...this.scriptApp.triggers].sort((a, b) => a.at - b.at)[0]!;
      this.runtime.now = Math.max(this.runtime.now, next.at);
      // A fired one-off trigger stays listed (disabled) until the script deletes it.
      const result = this.run(next.handler);
      if (result.error !== undefined && !result.killed) throw result.error;
      if (result.killed && this.scriptApp.triggers.includes(next)) {
        // Killed before it could reschedule: the trigger is spent, so run the menu again.
        this.scriptApp.triggers = this.scriptApp.triggers.filter((t) => t !== next);
      }
    }
    return fired;
  }

  alerts(): { title: string; text: string }[] {
    return this.spreadsheet.ui.filter((event) => event.kind === "alert");
  }

  lastAlert(): { title: string; text: string } {
    const alert = this.alerts().at(-1);
    if (alert === undefined) throw new Error("no alert shown");
    return alert;
  }

  /**
   * Everything a user could see: sheets in order with values, links and text formats; the
   * additional plan spreadsheets; documents.
   */
  state(): unknown {
    return {
      sheets: this.spreadsheet.sheets.map((sheet) => ({
        name: sheet.name,
        values: sheet.grid().map((row) => row.map(plain)),
        links: sheet.cells.flatMap((row, r) =>
          (row ?? []).flatMap((cell, c) =>
            cell?.link === undefined ? [] : [`${r},${c}→${linkTarget(cell.link)}`],
          ),
        ),
        merges: sheet.merges.length,
      })),
      planBooks: this.drive.spreadsheets().map((file) => ({
        name: file.name,
        parents: file.parents.length,
        sheets: file.book!.sheets.map((sheet) => ({
          name: sheet.title,
          values: sheetGrid(sheet),
          links: [...sheetLinks(sheet)].map(([cell, url]) => `${cell}→${linkTarget(url)}`),
          merges: sheet.merges.length,
          frozenRows: sheet.frozenRowCount,
        })),
      })),
      documents: this.drive.documents().map((file) => ({
        name: file.name,
        parents: file.parents.length,
        permissions: file.permissions.map((p) => `${p.emailAddress}:${p.role}`),
        lines: file.body?.lines() ?? [],
      })),
      triggers: this.scriptApp.triggers.length,
      job: this.properties.values.has("mentorMatch.job"),
    };
  }
}

function plain(value: Value): Value {
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]"
    ? new Date((value as Date).getTime()).toISOString()
    : value;
}

/** Sheet ids differ between runs that build sheets in a different order; names do not. */
function linkTarget(url: string): string {
  return url.replace(/#gid=\d+/, "#gid=*");
}
