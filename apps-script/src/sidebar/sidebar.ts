/**
 * The sidebar: run buttons and progress, preset and settings, the column mapping (editable,
 * saved in the spreadsheet's document properties), the issues (click one to select its cell).
 * Everything is built with DOM calls, so roster text is never parsed as HTML.
 */
import type { SidebarState } from "../actions/sidebar-state.js";
import type { RunOutcome } from "../jobs/run-job.js";
import type { JobAction } from "../jobs/job-state.js";
import { callServer } from "./server.js";
import { mappingFromInputs, type Override } from "./mapping-form.js";

const kinds = ["people", "mentors", "mentees", "doNotPair", "ignored"];
let state: SidebarState | null = null;
let polling: number | undefined;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`sidebar.html has no #${id}`);
  return node as T;
}

function say(text: string, className = ""): void {
  const message = byId("message");
  message.textContent = text;
  message.className = className;
}

function failed(error: Error): void {
  say(error.message, "error");
}

function render(next: SidebarState): void {
  state = next;
  renderPreset(next);
  renderSettings(next);
  renderMapping(next);
  renderIssues(next);
  renderProgress(next.progress);
  if (next.error !== null) say(next.error, "error");
}

function renderPreset(current: SidebarState): void {
  const select = byId<HTMLSelectElement>("preset");
  select.replaceChildren(element("option", "(as in the Program sheet)"));
  select.options[0]!.value = "";
  for (const choice of current.preset.choices) {
    const option = element("option", choice.name);
    option.value = choice.name;
    option.title = choice.description;
    select.append(option);
  }
  select.value = current.preset.pending ?? "";
  byId("preset-note").textContent =
    current.preset.pending === null
      ? `Current preset: ${current.preset.current ?? "none yet"}.`
      : `The next run applies the preset ${current.preset.pending} (it replaces the Program sheet's settings).`;
}

function renderSettings(current: SidebarState): void {
  byId("settings").replaceChildren(
    ...current.settings.map(({ name, value }) => {
      const row = element("tr");
      row.append(element("td", name, "muted"), element("td", value));
      return row;
    }),
  );
}

function renderMapping(current: SidebarState): void {
  const box = byId("mapping");
  box.replaceChildren();
  for (const [sheetIndex, sheet] of current.sheets.entries()) {
    if (sheet.kind === "generated") continue;
    const heading = element("div");
    heading.append(element("strong", sheet.sheet), document.createTextNode(" "));
    const kind = element("select");
    kind.setAttribute("aria-label", `What the sheet ${sheet.sheet} holds`);
    kind.dataset["sheet"] = sheet.sheet;
    kind.dataset["role"] = "kind";
    for (const name of kinds) {
      const option = element("option", name);
      option.value = name;
      kind.append(option);
    }
    kind.value = sheet.kind;
    const headerRow = element("input");
    headerRow.type = "number";
    headerRow.min = "1";
    headerRow.dataset["sheet"] = sheet.sheet;
    headerRow.dataset["role"] = "headerRow";
    headerRow.value = sheet.headerRow === null ? "" : String(sheet.headerRow);
    headerRow.title = "Header row";
    headerRow.id = `header-row-${sheetIndex}`;
    const headerLabel = element("label", " header row ");
    headerLabel.htmlFor = headerRow.id;
    heading.append(kind, headerLabel, headerRow);
    box.append(heading);
    const table = element("table");
    for (const column of sheet.columns) {
      const row = element("tr");
      const field = element("select");
      field.dataset["sheet"] = sheet.sheet;
      field.dataset["column"] = column.column;
      field.dataset["role"] = "field";
      field.setAttribute("aria-label", `Field of column ${column.column} (${column.header})`);
      const none = element("option", "(not used)");
      none.value = "";
      field.append(none);
      for (const name of current.fields) {
        const option = element("option", name);
        option.value = name;
        field.append(option);
      }
      field.value = column.field ?? "";
      row.append(
        element("td", `${column.column}: ${column.header}`, column.by === "user" ? "" : "muted"),
        element("td"),
      );
      row.lastElementChild!.append(field);
      table.append(row);
    }
    box.append(table);
  }
}

function renderIssues(current: SidebarState): void {
  const box = byId("issues");
  box.className = "";
  if (current.issues.length === 0) {
    box.replaceChildren(element("div", "No issues.", "muted"));
    return;
  }
  box.replaceChildren(
    ...current.issues.slice(0, 200).map((issue) => {
      const line = element("div", "", issue.severity);
      if (issue.cell !== "") {
        const link = element("button", issue.cell, "link");
        link.type = "button";
        link.setAttribute("aria-label", `Select ${issue.cell} in the sheet`);
        link.addEventListener("click", () => {
          callServer("selectIssueCell", issue.cell).catch(failed);
        });
        line.append(link, document.createTextNode(": "));
      }
      line.append(document.createTextNode(issue.message));
      return line;
    }),
  );
}

function renderProgress(progress: SidebarState["progress"]): void {
  const box = byId("progress-box");
  box.hidden = progress === null;
  if (progress === null) {
    if (polling !== undefined) window.clearInterval(polling);
    polling = undefined;
    return;
  }
  const bar = byId<HTMLProgressElement>("progress");
  bar.max = Math.max(1, progress.total);
  bar.value = progress.done;
  byId("progress-text").textContent =
    `${progress.label}: ${progress.done} of ${progress.total} steps done; it continues by itself.`;
  polling ??= window.setInterval(() => {
    callServer("getProgress")
      .then((next) => {
        renderProgress(next);
        if (next === null) refresh();
      })
      .catch(failed);
  }, 5000);
}

/** The mapping as the user set it in the form, only where it differs from the detection. */
function mappingFromForm(): Override {
  const inputs = Array.from(
    document.querySelectorAll<HTMLSelectElement | HTMLInputElement>("#mapping [data-sheet]"),
  ).map((input) => ({
    sheet: input.dataset["sheet"] ?? "",
    role: input.dataset["role"],
    column: input.dataset["column"],
    value: input.value,
  }));
  return mappingFromInputs(
    state?.sheets ?? [],
    inputs,
    (state?.savedMapping ?? null) as Override | null,
  );
}

function run(action: JobAction): void {
  say("Running…", "muted");
  callServer("runFromSidebar", action)
    .then((outcome: RunOutcome) => {
      say(`${outcome.title}\n${outcome.message}`, outcome.status === "failed" ? "error" : "");
      refresh();
    })
    .catch(failed);
}

function refresh(): void {
  callServer("getSidebarState").then(render).catch(failed);
}

byId("run-match").addEventListener("click", () => run("match"));
byId("run-plans").addEventListener("click", () => run("plans"));
byId("run-forms").addEventListener("click", () => run("forms"));
byId("cancel").addEventListener("click", () => {
  callServer("cancelRunningJob")
    .then((stopped) => {
      say(stopped ? "Stopped. What was written stays." : "A run is going right now; try again.");
      refresh();
    })
    .catch(failed);
});
byId("save-preset").addEventListener("click", () => {
  const value = byId<HTMLSelectElement>("preset").value;
  callServer("chooseNextPreset", value === "" ? null : value)
    .then(render)
    .catch(failed);
});
byId("save-mapping").addEventListener("click", () => {
  callServer("saveColumnMapping", mappingFromForm())
    .then((next) => {
      render(next);
      say("Mapping saved; the next run uses it.");
    })
    .catch(failed);
});
byId("reset-mapping").addEventListener("click", () => {
  callServer("saveColumnMapping", {}).then(render).catch(failed);
});
byId("open-program").addEventListener("click", () => {
  callServer("selectIssueCell", "Program!A1").catch(failed);
});
refresh();
