/** `mentor-match run <file...> --out <dir>`: match, create action-plan tabs, write the workbook and report. */
import { basename, join, resolve } from "node:path";
import { CliError, type Command } from "../command.js";
import { commonOptions, commonHelp, readCommonOptions } from "../options.js";
import { parseOptions } from "../options.js";
import { printResult, rosterStem, runPipeline } from "../pipeline.js";

const help = `Usage: mentor-match run <roster.xlsx|roster.csv> [more files…] --out <folder> [options]

Matches mentees with mentors and writes <folder>/<name>-matched.xlsx (your sheets, plus Pairs,
Issues, Program, Forms and an action-plan tab per pair), one career conference form document
per chair in <folder>/forms/, and <folder>/report.json. Run it again on the
-matched.xlsx after marking pairs Locked or Rejected in the Pairs sheet: locks are kept,
rejections never come back, and nothing typed into the action-plan tabs is lost.

Options:
  --out <folder>          where to write (required; created if missing)
${commonHelp}`;

export const runCommand: Command = {
  summary: "match mentors, create action-plan tabs and conference forms, write the report",
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { out: { type: "string" }, ...commonOptions },
      help,
    );
    if (values.help) {
      process.stdout.write(help + "\n");
      return 0;
    }
    if (positionals.length === 0) throw new CliError(`name at least one roster file.\n${help}`);
    const outDir = values.out as string | undefined;
    if (outDir === undefined) throw new CliError(`--out <folder> is required.\n${help}`);
    const common = await readCommonOptions(values);
    const outPath = join(outDir, `${rosterStem(positionals[0]!)}-matched.xlsx`);
    if (positionals.some((input) => resolve(input) === resolve(outPath))) {
      throw new CliError(
        `writing ${outPath} would replace the input file ${basename(outPath)}; choose another --out folder`,
      );
    }
    const result = await runPipeline({
      inputs: positionals,
      outPath,
      plans: true,
      forms: true,
      ...common,
    });
    printResult(result, values.json === true);
    return 0;
  },
};
