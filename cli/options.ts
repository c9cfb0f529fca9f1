import { parseArgs, type ParseArgsConfig } from "node:util";
import { readFile } from "node:fs/promises";
import {
  mappingOverrideSchema,
  presetNames,
  type MappingOverride,
  type PresetName,
} from "../shared/index.js";
import { CliError } from "./command.js";

export interface ParsedOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs, with usage mistakes turned into one readable line. */
export function parseOptions(
  args: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  help: string,
): ParsedOptions {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as ParsedOptions["values"], positionals: parsed.positionals };
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${help}`);
  }
}

/** Options every matching command takes. */
export const commonOptions = {
  preset: { type: "string" },
  mapping: { type: "string" },
  today: { type: "string" },
  "tab-budget": { type: "string" },
  templates: { type: "string" },
  json: { type: "boolean" },
} as const;

export const commonHelp = `  --preset <name>         ${presetNames.join(" | ")} (default: the Program sheet's, else one-to-one)
  --mapping <file.json>   column-mapping corrections (see docs/mapping.md)
  --today <YYYY-MM-DD>    the date the run counts from (default: today)
  --tab-budget <n>        most sheets per workbook (default 250); further plan tabs go to <name>-action-plans-2.xlsx …
                          (default: no limit; Google Sheets holds about 200)
  --templates <folder>    faculty-form.hbs and chair-form.hbs to use instead of the built-in forms
  --json                  print the report as JSON instead of the summary`;

export async function readCommonOptions(values: Record<string, unknown>): Promise<{
  preset: PresetName | undefined;
  mapping: MappingOverride | undefined;
  today: string;
  now: string;
  tabBudget: number | undefined;
  templatesDir: string | undefined;
}> {
  const preset = values.preset as string | undefined;
  if (preset !== undefined && !(presetNames as readonly string[]).includes(preset)) {
    throw new CliError(`unknown preset "${preset}"; choose one of ${presetNames.join(", ")}`);
  }
  const today = (values.today as string | undefined) ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new CliError(`--today takes a date as YYYY-MM-DD, not "${today}"`);
  const tabBudget = parseWholeNumber(values["tab-budget"] as string | undefined, "--tab-budget");
  if (tabBudget !== undefined && tabBudget < 5)
    throw new CliError(
      "--tab-budget must be at least 5 (room for the roster and the Pairs, Issues and Program sheets)",
    );
  return {
    preset: preset as PresetName | undefined,
    mapping: await readMappingFile(values.mapping as string | undefined),
    today,
    // The moment logged beside each generated form: noon UTC of --today, or now.
    now: values.today === undefined ? new Date().toISOString() : `${today}T12:00:00.000Z`,
    tabBudget,
    templatesDir: values.templates as string | undefined,
  };
}

/** A saved column-mapping correction, validated (see docs/mapping.md). */
export async function readMappingFile(
  path: string | undefined,
): Promise<MappingOverride | undefined> {
  if (path === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new CliError(
      `cannot read the mapping file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = mappingOverrideSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new CliError(
      `the mapping file ${path} is not valid at ${first.path.join(".") || "the top level"}: ${first.message}`,
    );
  }
  return parsed.data;
}

export function parseWholeNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new CliError(`${option} takes a whole number, not "${text}"`);
  return Number(text);
}
