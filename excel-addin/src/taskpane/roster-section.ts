/**
 * 1. Roster: the column mapping the core detected, sheet by sheet, with a field chooser per
 * column; corrections are saved in the workbook (document settings) and used by every step.
 * Issues are listed with their cell; clicking one selects that cell.
 */
import {
  fieldLabels,
  matchMentors,
  type Field,
  type Issue,
  type MappingOverride,
  type SheetMapping,
} from "../../../shared/index.js";
import type { ExcelHost } from "../host.js";
import { guarded, h, replace, section, status } from "./view.js";

const fields = Object.keys(fieldLabels) as Field[];
const kinds = ["people", "mentors", "mentees", "doNotPair", "ignored"] as const;

export function rosterSection(host: ExcelHost): { element: HTMLElement; refresh(): Promise<void> } {
  const state = status();
  const mapping = h("div", { class: "mapping" });
  const issues = h("div", { class: "issues" });
  let corrections: MappingOverride = host.mapping.load() ?? {};

  const check = h("button", { class: "primary", id: "check-roster" }, "Check roster");
  const save = h("button", { id: "save-mapping", disabled: true }, "Save corrections");
  const reset = h("button", { id: "reset-mapping" }, "Use detected columns");

  const refresh = async () => {
    state.busy("Reading the roster…");
    const snapshot = await host.readWorkbook();
    const reading = matchMentors({ snapshot, today: host.today(), mapping: host.mapping.load() });
    if (!reading.ok) {
      replace(mapping);
      showIssues(issues, [reading.error, ...reading.issues], host);
      state.error(reading.error.message);
      return;
    }
    const { roster } = reading;
    replace(
      mapping,
      ...roster.mapping.sheets.filter((s) => s.kind !== "generated").map((s) => sheetTable(s)),
    );
    showIssues(issues, roster.issues, host);
    save.disabled = true;
    state.done(
      `${roster.rows.people} people read (${roster.people.filter((p) => p.role !== "mentee").length} can mentor), ${roster.rows.duplicates} merged duplicates, ${roster.rows.skipped} rows skipped.`,
    );
  };

  function sheetTable(sheet: SheetMapping): HTMLElement {
    const edit = (change: (entry: NonNullable<MappingOverride[string]>) => void) => {
      // Own entries only: a sheet may be called "constructor" or "__proto__".
      const saved = Object.hasOwn(corrections, sheet.sheet) ? corrections[sheet.sheet] : undefined;
      const entry = { ...saved };
      change(entry);
      corrections = { ...corrections, [sheet.sheet]: entry };
      save.disabled = false;
    };
    const kind = h(
      "select",
      {
        "aria-label": `What ${sheet.sheet} holds`,
        onchange: (e) =>
          edit(
            (entry) =>
              (entry.kind = (e.target as HTMLSelectElement).value as (typeof kinds)[number]),
          ),
      },
      ...kinds.map((k) =>
        h("option", { value: k, ...(k === sheet.kind ? { selected: true } : {}) }, k),
      ),
    );
    const rows = sheet.columns.map((column) =>
      h(
        "tr",
        {},
        h("td", {}, column.column),
        h("td", {}, column.header),
        h(
          "td",
          {},
          h(
            "select",
            {
              "data-column": `${sheet.sheet}!${column.column}`,
              "aria-label": `Field for column ${column.column} (${column.header})`,
              onchange: (e) =>
                edit((entry) => {
                  const value = (e.target as HTMLSelectElement).value;
                  entry.columns = {
                    ...(entry.columns ?? {}),
                    [column.column]: value === "" ? null : (value as Field),
                  };
                }),
            },
            h("option", { value: "" }, "(not used)"),
            ...fields.map((f) =>
              h(
                "option",
                { value: f, ...(f === column.field ? { selected: true } : {}) },
                fieldLabels[f],
              ),
            ),
          ),
        ),
      ),
    );
    return h(
      "details",
      { open: sheet.kind !== "ignored" },
      h(
        "summary",
        {},
        `${sheet.sheet} — ${sheet.kind}${sheet.headerRow === null ? "" : `, headings in row ${sheet.headerRow}`}`,
      ),
      h("label", {}, "Holds ", kind),
      h(
        "table",
        { class: "grid" },
        h(
          "thead",
          {},
          h("tr", {}, h("th", {}, "Col"), h("th", {}, "Heading"), h("th", {}, "Field")),
        ),
        h("tbody", {}, rows),
      ),
    );
  }

  check.addEventListener("click", guarded(check, state, refresh));
  save.addEventListener(
    "click",
    guarded(save, state, async () => {
      await host.mapping.save(corrections);
      await refresh();
    }),
  );
  reset.addEventListener(
    "click",
    guarded(reset, state, async () => {
      corrections = {};
      await host.mapping.save(undefined);
      await refresh();
    }),
  );

  const element = section(
    "roster",
    "1. Roster",
    "Which column holds what. Correct a column if it was read wrong; the correction is saved in this workbook.",
    h("div", { class: "actions" }, check, save, reset),
    state.element,
    mapping,
    issues,
  );
  return { element, refresh };
}

export function showIssues(target: HTMLElement, list: readonly Issue[], host: ExcelHost): void {
  if (list.length === 0) {
    replace(target);
    return;
  }
  const shown = list.slice(0, 200);
  replace(
    target,
    h("h3", {}, `Issues (${list.length})`),
    h(
      "ul",
      { class: "issue-list" },
      shown.map((item) =>
        h(
          "li",
          { class: item.severity },
          item.cell === ""
            ? h("span", { class: "cell" }, "file")
            : h(
                "button",
                {
                  class: "link cell",
                  title: `Select ${item.cell}`,
                  onclick: () => void host.selectCell(item.cell).catch(() => undefined),
                },
                item.cell,
              ),
          " ",
          item.message,
        ),
      ),
    ),
    list.length > shown.length
      ? h("p", { class: "help" }, `… and ${list.length - shown.length} more in the Issues sheet.`)
      : null,
  );
}
