/**
 * 2. Program: the preset and the settings, kept in the workbook's Program sheet. The pane
 * shows the sheet's rows as the core writes them; saving hands the edited values to the core,
 * which checks each one, and writes the Program sheet only when every value is valid.
 */
import {
  matchMentors,
  presetNames,
  quoteSheetName,
  type CellValue,
  type MatchedWorkbook,
  type PresetName,
  type WorkbookSnapshot,
} from "../../../shared/index.js";
import type { ExcelHost } from "../host.js";
import { showIssues } from "./roster-section.js";
import { guarded, h, replace, section, status } from "./view.js";

export function programSection(host: ExcelHost): {
  element: HTMLElement;
  refresh(): Promise<void>;
} {
  const state = status();
  const form = h("div", { class: "settings" });
  const issues = h("div", { class: "issues" });
  const preset = h(
    "select",
    { id: "preset", "aria-label": "Preset" },
    ...presetNames.map((name) => h("option", { value: name }, name)),
  );
  const applyPreset = h("button", { id: "apply-preset" }, "Apply preset");
  const load = h("button", { id: "load-settings" }, "Show settings");
  const save = h("button", { class: "primary", id: "save-settings" }, "Save settings");
  let inputs: { label: string; input: HTMLInputElement }[] = [];

  const programOp = (matched: MatchedWorkbook) =>
    matched.patch.ops.filter((op) => op.sheet === matched.targets.program.name);

  const read = async (
    preset?: PresetName,
    edited?: (snapshot: WorkbookSnapshot) => WorkbookSnapshot,
  ) => {
    const snapshot = await host.readWorkbook();
    const input = edited === undefined ? snapshot : edited(snapshot);
    return matchMentors({
      snapshot: input,
      today: host.today(),
      mapping: host.mapping.load(),
      ...(preset === undefined ? {} : { preset }),
    });
  };

  const show = (matched: MatchedWorkbook) => {
    const rows = programOp(matched)[0];
    if (rows === undefined || rows.op !== "setSheet") return;
    preset.value = matched.settings.preset === "custom" ? preset.value : matched.settings.preset;
    inputs = [];
    replace(
      form,
      h(
        "table",
        { class: "grid" },
        h(
          "tbody",
          {},
          rows.rows.slice(1).map((row) => {
            const label = cellText(row[0] ?? null);
            const input = h("input", {
              value: display(row[1] ?? null),
              "aria-label": label,
              "data-setting": label,
            });
            inputs.push({ label, input });
            return h(
              "tr",
              { title: cellText(row[2] ?? null) },
              h("th", { scope: "row" }, label),
              h("td", {}, input),
            );
          }),
        ),
      ),
    );
  };

  const refresh = async () => {
    state.busy("Reading the Program sheet…");
    const matched = await read();
    if (!matched.ok) return state.error(matched.error.message);
    show(matched);
    replace(issues);
    state.done(
      matched.targets.program.existing === undefined
        ? "No Program sheet yet: these are the defaults. Save to create it."
        : `Settings from the ${matched.targets.program.name} sheet.`,
    );
  };

  const write = async (matched: MatchedWorkbook) => {
    await host.applyPatch({ ops: programOp(matched) });
    show(matched);
  };

  load.addEventListener("click", guarded(load, state, refresh));
  applyPreset.addEventListener(
    "click",
    guarded(applyPreset, state, async () => {
      state.busy("Applying the preset…");
      const matched = await read(preset.value as PresetName);
      if (!matched.ok) return state.error(`${matched.error.message} Nothing was written.`);
      await write(matched);
      state.done(`Preset ${preset.value} saved in the ${matched.targets.program.name} sheet.`);
    }),
  );
  save.addEventListener(
    "click",
    guarded(save, state, async () => {
      state.busy("Checking the settings…");
      let sheetName = "";
      const matched = await read(undefined, (snapshot) => {
        const probe = matchMentors({ snapshot, today: host.today(), mapping: host.mapping.load() });
        sheetName = probe.ok ? probe.targets.program.name : "Program";
        const rows: CellValue[][] = [
          ["Setting", "Value", "What it means"],
          ...inputs.map(({ label, input }) => [label, input.value]),
        ];
        const existing = snapshot.sheets.find((s) => s.name === sheetName);
        const kept =
          existing?.rows
            .slice(1)
            .filter((row) => !inputs.some((i) => i.label === cellText(row[0] ?? null))) ?? [];
        const sheet = { name: sheetName, rows: [...rows, ...kept.map((row) => [...row])] };
        return { sheets: [...snapshot.sheets.filter((s) => s.name !== sheetName), sheet] };
      });
      if (!matched.ok) return state.error(`${matched.error.message} Nothing was written.`);
      const invalid = matched.issues.filter((i) =>
        i.cell.startsWith(`${quoteSheetName(sheetName)}!`),
      );
      if (invalid.length > 0) {
        showIssues(issues, invalid, host);
        return state.error(
          "Some settings are not valid (listed below). Nothing was written; correct them and save again.",
        );
      }
      replace(issues);
      await write(matched);
      state.done(`Settings saved in the ${matched.targets.program.name} sheet.`);
    }),
  );

  const element = section(
    "program",
    "2. Program",
    "The program's rules. A preset sets them all; change any value, then save.",
    h("div", { class: "actions" }, h("label", {}, "Preset ", preset), applyPreset),
    h("div", { class: "actions" }, load, save),
    state.element,
    form,
    issues,
  );
  return { element, refresh };
}

function cellText(value: CellValue): string {
  return value === null ? "" : String(value).trim();
}

function display(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cellText(value);
}
