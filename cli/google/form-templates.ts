/**
 * `--templates <folder>` for the Google mode: faculty-form.hbs and chair-form.hbs read the way
 * the file pipeline reads them (cli/pipeline.ts), so a folder that works for one works for
 * the other; the core checks them when it merges (TemplateError).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../command.js";

export async function readFormTemplates(
  folder: string,
): Promise<{ faculty: string; chair: string }> {
  const read = async (name: string) => {
    try {
      return await readFile(join(folder, name), "utf8");
    } catch {
      throw new CliError(
        `cannot read the template ${join(folder, name)}; --templates names a folder holding faculty-form.hbs and chair-form.hbs`,
      );
    }
  };
  return { faculty: await read("faculty-form.hbs"), chair: await read("chair-form.hbs") };
}
