/**
 * The `Program` sheet: settings as Setting | Value | What it means rows, written by a run and
 * edited by the coordinator for the next. Each value is checked on its own, so one typo costs
 * one setting (reported at its cell), not the run.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot.js";
import { cellRef } from "../workbook/cell-ref.js";
import { issue, type Issue } from "../issue.js";
import { cellText, foldKey, quoteForMessage } from "../roster/text.js";
import { readRank, rankLadder, type LadderRank } from "../roster/normalise/rank.js";
import {
  presetNames,
  settingsSchema,
  type PresetName,
  type Settings,
  type Weights,
} from "./settings.js";
import { presetSettings } from "./presets.js";

export const programSheetName = "Program";
export const programSheetHeader = ["Setting", "Value", "What it means"] as const;

type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };
interface SettingRow {
  label: string;
  help: string;
  read(value: CellValue, settings: Settings): Parsed<Partial<Settings>>;
  write(settings: Settings): CellValue;
}

const yes = new Set(["yes", "y", "true", "1", "on"]);
const no = new Set(["no", "n", "false", "0", "off"]);
function readYesNo(value: CellValue): Parsed<boolean> {
  if (typeof value === "boolean") return { ok: true, value };
  const key = foldKey(cellText(value));
  if (yes.has(key)) return { ok: true, value: true };
  if (no.has(key)) return { ok: true, value: false };
  return { ok: false, expected: "Yes or No" };
}

function readWhole(value: CellValue, min: number, max: number): Parsed<number> {
  const number = typeof value === "number" ? value : Number(cellText(value));
  return Number.isInteger(number) && number >= min && number <= max && cellText(value) !== ""
    ? { ok: true, value: number }
    : { ok: false, expected: `a whole number from ${min} to ${max}` };
}

function readChoice<T extends string>(value: CellValue, choices: readonly T[]): Parsed<T> {
  const key = foldKey(cellText(value)).replace(/ /g, "-");
  const found = choices.find((choice) => choice === key);
  return found === undefined
    ? { ok: false, expected: `one of ${choices.join(", ")}` }
    : { ok: true, value: found };
}

function readRanks(value: CellValue): Parsed<LadderRank[]> {
  const pieces = cellText(value)
    .split(/[;,\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  const ranks = new Set<LadderRank>();
  for (const piece of pieces) {
    const reading = readRank(piece);
    if (reading.kind !== "ladder")
      return { ok: false, expected: `ranks from ${rankLadder.join(", ")}, separated by commas` };
    ranks.add(reading.rank);
  }
  return { ok: true, value: rankLadder.filter((rank) => ranks.has(rank)) };
}

/** "2026-09-01", a Date cell, or "9/1/2026" (US order, as Excel shows it) → YYYY-MM-DD. */
function readDate(value: CellValue): Parsed<string> {
  const expected = "a date such as 2026-09-01";
  if (value instanceof Date) return { ok: true, value: value.toISOString().slice(0, 10) };
  const text = cellText(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : null;
  if (parts === null) return { ok: false, expected };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, expected };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** "basic-science, research: clinical + research; education: education + any" or "none". */
function readRoleSlots(value: CellValue): Parsed<Settings["roleSlots"]> {
  const text = cellText(value);
  const expected =
    'rules such as "basic-science: clinical + research", separated by ";", or "none"';
  if (text === "" || foldKey(text) === "none") return { ok: true, value: [] };
  const rules: Settings["roleSlots"] = [];
  for (const part of text.split(";")) {
    const [tracks, slots] = part.split(":");
    if (tracks === undefined || slots === undefined) return { ok: false, expected };
    const rule = {
      tracks: tracks
        .split(",")
        .map((t) => foldKey(t).replace(/ /g, "-"))
        .filter((t) => t !== ""),
      slots: slots
        .split("+")
        .map((s) => foldKey(s))
        .filter((s) => s !== ""),
    };
    if (rule.tracks.length === 0 || rule.slots.length === 0) return { ok: false, expected };
    rules.push(rule);
  }
  return { ok: true, value: rules };
}

const text = (key: "programName" | "officeName", label: string, help: string): SettingRow => ({
  label,
  help,
  read: (value) => {
    const written = cellText(value);
    return written === ""
      ? { ok: false, expected: "some text" }
      : { ok: true, value: { [key]: written } };
  },
  write: (settings) => settings[key],
});
const map = <T, K extends keyof Settings>(
  parsed: Parsed<T>,
  wrap: (value: T) => Pick<Settings, K>,
): Parsed<Partial<Settings>> => (parsed.ok ? { ok: true, value: wrap(parsed.value) } : parsed);
const whole = (
  key: "durationMonths" | "mentorsPerMentee" | "minimumMentors" | "defaultCapacity",
  label: string,
  min: number,
  max: number,
  help: string,
): SettingRow => ({
  label,
  help,
  read: (value) =>
    map(readWhole(value, min, max), (n) => ({ [key]: n }) as Pick<Settings, typeof key>),
  write: (settings) => settings[key],
});
const flag = (
  key: "mentorMustOutrankMentee" | "avoidSameLab" | "avoidSupervisor" | "notifyChairs",
  label: string,
  help: string,
): SettingRow => ({
  label,
  help,
  read: (value) => map(readYesNo(value), (b) => ({ [key]: b }) as Pick<Settings, typeof key>),
  write: (settings) => (settings[key] ? "Yes" : "No"),
});
const weight = (key: keyof Weights, label: string, help: string): SettingRow => ({
  label,
  help,
  read: (value, settings) =>
    map(readWhole(value, 0, 100), (n) => ({ weights: { ...settings.weights, [key]: n } })),
  write: (settings) => settings.weights[key],
});
type ChoiceKey =
  "divisionRule" | "unrecognisedRank" | "method" | "meetingCadence" | "formsFor" | "chairAccess";
/** A setting that is one of a few words; the words come from the settings schema itself. */
const choice = (key: ChoiceKey, label: string, help: string): SettingRow => {
  const choices: readonly string[] = settingsSchema.shape[key].options;
  return {
    label,
    help: help.replace("{choices}", choices.join(", ")),
    read: (value) => {
      const parsed = readChoice(value, choices);
      return parsed.ok ? { ok: true, value: { [key]: parsed.value } } : parsed;
    },
    write: (settings) => settings[key],
  };
};

export const settingRows: readonly SettingRow[] = [
  {
    label: "Preset",
    help: `The program this follows: ${presetNames.join(", ")}. Other rows adjust it.`,
    read: (value) =>
      map(readChoice(value, [...presetNames, "custom"] as const), (preset) => ({ preset })),
    write: (settings) => settings.preset,
  },
  text("programName", "Program name", "Shown on the action plans and forms."),
  {
    label: "Academic year",
    help: "Such as 2026–2027 (July to June).",
    read: (value) => {
      const parsed = settingsSchema.shape.academicYear.safeParse(
        cellText(value).replace(/\s*[-–]\s*/, "–"),
      );
      return parsed.success
        ? { ok: true, value: { academicYear: parsed.data } }
        : { ok: false, expected: "an academic year such as 2026–2027" };
    },
    write: (settings) => settings.academicYear,
  },
  {
    label: "Start date",
    help: "When the pairs begin; the plan calendar counts months from here.",
    read: (value) => map(readDate(value), (startDate) => ({ startDate })),
    write: (settings) => settings.startDate,
  },
  whole(
    "durationMonths",
    "Months",
    1,
    36,
    "How long the program runs (nine months in the MGH pilot).",
  ),
  whole(
    "mentorsPerMentee",
    "Mentors per mentee",
    1,
    5,
    "1 for pairs, 2 for two-mentor programs, 2–5 for a committee.",
  ),
  whole(
    "minimumMentors",
    "Minimum mentors",
    1,
    5,
    "Fewer than this is reported as an incomplete team.",
  ),
  {
    label: "Role slots",
    help: 'Labelled mentors by mentee track, e.g. "basic-science: clinical + research"; "none" for unlabelled.',
    read: (value) => map(readRoleSlots(value), (roleSlots) => ({ roleSlots })),
    write: (settings) =>
      settings.roleSlots.length === 0
        ? "none"
        : settings.roleSlots
            .map((rule) => `${rule.tracks.join(", ")}: ${rule.slots.join(" + ")}`)
            .join("; "),
  },
  choice("divisionRule", "Division rule", "{choices}."),

  flag(
    "mentorMustOutrankMentee",
    "Mentor must outrank mentee",
    "Yes: a mentor's academic rank is above the mentee's.",
  ),
  {
    label: "Mentee ranks",
    help: "Ranks that may be mentees, separated by commas.",
    read: (value) => map(readRanks(value), (menteeRanks) => ({ menteeRanks })),
    write: (settings) => settings.menteeRanks.join(", "),
  },
  {
    label: "Mentor ranks",
    help: "Ranks that may mentor, separated by commas.",
    read: (value) => map(readRanks(value), (mentorRanks) => ({ mentorRanks })),
    write: (settings) => settings.mentorRanks.join(", "),
  },
  choice(
    "unrecognisedRank",
    "Unrecognised ranks",
    "allow: match people whose rank is blank or off the ladder without the rank rule; exclude: leave them out.",
  ),

  whole(
    "defaultCapacity",
    "Default capacity",
    0,
    50,
    "Mentees per mentor when the roster's capacity cell is blank.",
  ),
  flag(
    "avoidSameLab",
    "Avoid same lab",
    "Yes: never pair people from the same lab or research group.",
  ),
  flag(
    "avoidSupervisor",
    "Avoid supervisor",
    "Yes: never pair a mentee with their own supervisor or primary mentor.",
  ),
  weight("interests", "Weight: shared interests", "Points for shared interests (0–100)."),
  weight("track", "Weight: track", "Points for the same track or area of excellence."),
  weight("rankGap", "Weight: seniority", "Points for a mentor one or two ranks above the mentee."),
  weight(
    "division",
    "Weight: division",
    "Points for division fit when the division rule is a preference.",
  ),
  weight("requested", "Weight: requested mentor", "Points when the mentee asked for this mentor."),
  weight(
    "load",
    "Weight: spread load",
    "Points a mentor's each further mentee is worth less; 0 turns it off.",
  ),
  choice(
    "method",
    "Method",
    "optimal: best total fit; stable: ranked preferences on both sides, no blocking pairs.",
  ),

  choice("meetingCadence", "Meeting cadence", "{choices}."),

  choice(
    "formsFor",
    "Forms for",
    "mentees: a career conference form for each mentee; everyone: for every faculty member on the roster.",
  ),

  {
    label: "Conference deadline",
    help: "The date the career conferences are due (April 1 by default).",
    read: (value) => map(readDate(value), (conferenceDeadline) => ({ conferenceDeadline })),
    write: (settings) => settings.conferenceDeadline,
  },
  text("officeName", "Office name", "Named at the top of the forms."),
  choice(
    "chairAccess",
    "Chair access",
    "commenter or editor: what a chair may do with their shared Google Doc.",
  ),

  flag(
    "notifyChairs",
    "Notify chairs",
    "Yes: Google e-mails a chair when their document is shared.",
  ),
];

/**
 * What the coordinator typed that could not be used: invalid values by setting label, and rows
 * we do not know. Written back unchanged, so a re-run never erases their typing.
 */
export interface KeptProgramRows {
  invalidValues: ReadonlyMap<string, CellValue>;
  unknownRows: readonly CellValue[][];
}

export const nothingKept: KeptProgramRows = { invalidValues: new Map(), unknownRows: [] };

export function programSheetRows(
  settings: Settings,
  kept: KeptProgramRows = nothingKept,
): CellValue[][] {
  return [
    [...programSheetHeader],
    ...settingRows.map((row) => [
      row.label,
      kept.invalidValues.has(row.label) ? kept.invalidValues.get(row.label)! : row.write(settings),
      row.help,
    ]),
    ...kept.unknownRows,
  ];
}

export type SettingsReading =
  | { ok: true; settings: Settings; issues: Issue[]; kept: KeptProgramRows }
  | { ok: false; error: Issue; issues: Issue[] };

/**
 * Settings from a chosen preset (or the sheet's own Preset row, or one-to-one) with the
 * Program sheet's values applied. `today` (YYYY-MM-DD) fixes the default academic year.
 */
export function readSettings(
  sheet: SheetSnapshot | undefined,
  options: { preset?: PresetName; today: string },
): SettingsReading {
  const issues: Issue[] = [];
  const invalidValues = new Map<string, CellValue>();
  const unknownRows: CellValue[][] = [];
  const rows = (sheet?.rows ?? []).map((row, index) => ({
    index,
    written: cellText(row[0] ?? null),
    label: foldKey(cellText(row[0] ?? null)),
    value: row[1] ?? null,
  }));
  const known = new Map(settingRows.map((row) => [foldKey(row.label), row]));
  const sheetPreset = rows.find((row) => row.label === "preset");
  const presetChoice =
    sheetPreset === undefined ? null : readChoice(sheetPreset.value, presetNames);
  const presetName = options.preset ?? (presetChoice?.ok ? presetChoice.value : "one-to-one");
  let settings = presetSettings(presetName, options.today);
  const sheetName = sheet?.name ?? programSheetName;

  if (
    sheet !== undefined &&
    options.preset !== undefined &&
    presetChoice?.ok &&
    presetChoice.value !== options.preset
  ) {
    issues.push(
      issue(
        "preset-replaced",
        "warning",
        cellRef(sheetName, sheetPreset!.index, 1),
        `The Program sheet was set up for ${presetChoice.value}; the preset ${options.preset} you chose replaces its settings.`,
      ),
    );
  } else {
    for (const row of rows) {
      if (row.index === 0 || row.label === "" || row.label === "setting") continue;
      const setting = known.get(row.label);
      if (setting === undefined) {
        unknownRows.push([...(sheet?.rows[row.index] ?? [])]);
        issues.push(
          issue(
            "setting-unknown",
            "warning",
            cellRef(sheetName, row.index, 0),
            `${quoteForMessage(row.written)} is not a setting we know; the row is ignored.`,
          ),
        );
        continue;
      }
      if (setting.label === "Preset" && sheetPreset !== undefined && presetChoice?.ok === false) {
        invalidValues.set(setting.label, row.value);
        issues.push(
          issue(
            "setting-invalid",
            "warning",
            cellRef(sheetName, row.index, 1),
            `Preset: ${quoteForMessage(cellText(row.value))} is not a preset; expected ${presetChoice.expected}. Using ${presetName}.`,
          ),
        );
        continue;
      }
      const parsed = setting.read(row.value, settings);
      if (parsed.ok) settings = { ...settings, ...parsed.value };
      else {
        invalidValues.set(setting.label, row.value);
        issues.push(
          issue(
            "setting-invalid",
            "warning",
            cellRef(sheetName, row.index, 1),
            `${setting.label}: ${quoteForMessage(cellText(row.value))} is not ${parsed.expected}; the preset's value ${quoteForMessage(String(setting.write(settings)))} is used.`,
          ),
        );
      }
    }
  }

  const at = (label: string): string => {
    const row = rows.find((r) => r.label === foldKey(label));
    return row === undefined ? sheetName : cellRef(sheetName, row.index, 1);
  };
  if (settings.minimumMentors > settings.mentorsPerMentee) {
    issues.push(
      issue(
        "setting-invalid",
        "warning",
        at("Minimum mentors"),
        `Minimum mentors (${settings.minimumMentors}) is more than Mentors per mentee (${settings.mentorsPerMentee}); it is lowered to ${settings.mentorsPerMentee}.`,
      ),
    );
    settings = { ...settings, minimumMentors: settings.mentorsPerMentee };
  }
  const tooManySlots = settings.roleSlots.find(
    (rule) => rule.slots.length > settings.mentorsPerMentee,
  );
  if (tooManySlots !== undefined) {
    issues.push(
      issue(
        "setting-invalid",
        "warning",
        at("Role slots"),
        `Role slots ask for ${tooManySlots.slots.length} labelled mentors but Mentors per mentee is ${settings.mentorsPerMentee}; it is raised to ${tooManySlots.slots.length}.`,
      ),
    );
    settings = { ...settings, mentorsPerMentee: tooManySlots.slots.length };
  }
  // These make matching meaningless: nobody could be a mentee, or nobody a mentor.
  for (const [label, ranks] of [
    ["Mentee ranks", settings.menteeRanks],
    ["Mentor ranks", settings.mentorRanks],
  ] as const) {
    if (ranks.length === 0) {
      return {
        ok: false,
        issues,
        error: issue(
          "setting-meaningless",
          "error",
          at(label),
          `${label} is empty, so nobody can be matched. List at least one rank, e.g. "Assistant Professor, Associate Professor".`,
        ),
      };
    }
  }
  const checked = settingsSchema.safeParse(settings);
  if (!checked.success) {
    const first = checked.error.issues[0]!;
    return {
      ok: false,
      issues,
      error: issue(
        "setting-invalid",
        "error",
        sheetName,
        `The settings are not valid at ${first.path.join(".")}: ${first.message}.`,
      ),
    };
  }
  return { ok: true, settings: checked.data, issues, kept: { invalidValues, unknownRows } };
}
