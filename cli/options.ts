import { parseArgs, type ParseArgsConfig } from "node:util";
import { readFile } from "node:fs/promises";
import { mappingOverrideSchema, type MappingOverride } from "../shared/index.js";
import { CliError } from "./command.js";

/** node:util parseArgs, with usage mistakes turned into one readable line. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  help: string,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${help}`);
  }
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
