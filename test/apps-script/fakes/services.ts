/**
 * LockService, PropertiesService, ScriptApp (time-based triggers), Utilities, Session and
 * HtmlService. The document lock is refused while another execution holds it; document
 * properties reject values over 9 kB and stores over 500 kB, as Apps Script does.
 */
import type { Runtime } from "./runtime.js";

export class FakeProperties {
  values = new Map<string, string>();
  constructor(readonly runtime: Runtime) {}

  service(): Record<string, unknown> {
    const runtime = this.runtime;
    const store = {
      getProperty: (key: string) => {
        runtime.call("Properties.getProperty");
        return this.values.get(key) ?? null;
      },
      setProperty: (key: string, value: string) => {
        runtime.call("Properties.setProperty");
        if (key.length + value.length > 9 * 1024)
          throw new Error("Argument too large: value (a property is at most 9 kB)");
        const total = [...this.values].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
        if (total + key.length + value.length > 500 * 1024)
          throw new Error("You have exceeded the property storage quota.");
        this.values.set(key, String(value));
        return store;
      },
      deleteProperty: (key: string) => {
        runtime.call("Properties.deleteProperty");
        this.values.delete(key);
        return store;
      },
      getKeys: () => {
        runtime.call("Properties.getKeys");
        return [...this.values.keys()];
      },
    };
    return { getDocumentProperties: () => store };
  }
}

export interface Trigger {
  id: string;
  handler: string;
  at: number;
}

export class FakeScriptApp {
  triggers: Trigger[] = [];
  created = 0;
  constructor(readonly runtime: Runtime) {}

  service(): Record<string, unknown> {
    const runtime = this.runtime;
    return {
      newTrigger: (handler: string) => {
        runtime.call("ScriptApp.newTrigger");
        let at = runtime.now;
        const builder = {
          timeBased: () => builder,
          after: (ms: number) => {
            at = runtime.now + ms;
            return builder;
          },
          create: () => {
            const trigger = { id: `trigger-${++this.created}`, handler, at };
            if (this.triggers.length >= 20) throw new Error("This script has too many triggers.");
            this.triggers.push(trigger);
            return this.wrap(trigger);
          },
        };
        return builder;
      },
      getProjectTriggers: () => {
        runtime.call("ScriptApp.getProjectTriggers");
        return this.triggers.map((trigger) => this.wrap(trigger));
      },
      deleteTrigger: (trigger: { id: string }) => {
        runtime.call("ScriptApp.deleteTrigger");
        this.triggers = this.triggers.filter((t) => t.id !== trigger.id);
      },
    };
  }

  private wrap(trigger: Trigger) {
    return { id: trigger.id, getHandlerFunction: () => trigger.handler };
  }
}

export function fakeLockService(runtime: Runtime): Record<string, unknown> {
  return {
    getDocumentLock: () => ({
      tryLock: (timeoutMs: number) => {
        runtime.call("Lock.tryLock");
        const me = runtime.executionId;
        if (runtime.lockHolder === null || runtime.lockHolder === me) {
          runtime.lockHolder = me;
          return true;
        }
        runtime.now += timeoutMs;
        return false;
      },
      releaseLock: () => {
        runtime.call("Lock.releaseLock");
        if (runtime.lockHolder === runtime.executionId) runtime.lockHolder = null;
      },
    }),
  };
}

export function fakeUtilities(runtime: Runtime): Record<string, unknown> {
  return {
    formatDate: (date: Date, timeZone: string, pattern: string) => {
      runtime.call("Utilities.formatDate");
      return formatDate(new Date(date.getTime()), timeZone, pattern);
    },
  };
}

/** The few SimpleDateFormat letters the script uses: yyyy MM dd HH mm ss XXX and 'quoted'. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(
    Number(parts["year"]),
    Number(parts["month"]) - 1,
    Number(parts["day"]),
    Number(parts["hour"]),
    Number(parts["minute"]),
    Number(parts["second"]),
  );
  const offset = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
  return pattern.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss|XXX/g, (token, literal: string) => {
    if (literal !== undefined) return literal;
    const values: Record<string, string> = {
      yyyy: parts["year"]!,
      MM: parts["month"]!,
      dd: parts["day"]!,
      HH: parts["hour"]!,
      mm: parts["minute"]!,
      ss: parts["second"]!,
      XXX: zone,
    };
    return values[token]!;
  });
}

export function fakeHtmlService(
  runtime: Runtime,
  files: ReadonlyMap<string, string>,
): Record<string, unknown> {
  return {
    createHtmlOutputFromFile: (name: string) => {
      runtime.call("HtmlService.createHtmlOutputFromFile");
      const content = files.get(`${name}.html`);
      if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
      const output = {
        title: "",
        setTitle: (title: string) => {
          output.title = title;
          return output;
        },
        getContent: () => content,
      };
      return output;
    },
  };
}

export function fakeSession(runtime: Runtime): Record<string, unknown> {
  return {
    getScriptTimeZone: () => {
      runtime.call("Session.getScriptTimeZone");
      return "America/New_York";
    },
  };
}
