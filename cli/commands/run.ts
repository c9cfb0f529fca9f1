/** `mentor-match run <file...> --out <dir>`: match, create action-plan tabs, write the workbook and report. */
import { basename, join, resolve } from "node:path";
import { CliError, type Command } from "../command.js";
import { commonOptions, commonHelp, readCommonOptions } from "../options.js";
import { parseOptions } from "../options.js";
import { matchedExtension, printResult, rosterStem, runPipeline } from "../pipeline.js";
import { runGoogle } from "../google/run-google.js";
import { readFormTemplates } from "../google/form-templates.js";

const help = `Usage: mentor-match run <roster.xlsx|roster.csv> [more files…] --out <folder> [options]
       mentor-match run --google <spreadsheetId> [--credentials <key.json>] [options]

Matches mentees with mentors and writes <folder>/<name>-matched.xlsx (your sheets, plus Pairs,
Issues, Program, Forms and an action-plan tab per pair), one career conference form document
per chair in <folder>/forms/, and <folder>/report.json. Run it again on the
-matched.xlsx after marking pairs Locked or Rejected in the Pairs sheet: locks are kept,
rejections never come back, and nothing typed into the action-plan tabs is lost.

Options:
  --out <folder>          where to write (required; created if missing)
  --google <id>           work on a Google spreadsheet instead of files: add Pairs, Issues,
                          Program, Forms and the plan tabs to it, one Google Doc per chair in
                          a Drive folder (see docs/google-mode.md)
  --credentials <file>    with --google: a service-account key (default:
                          GOOGLE_APPLICATION_CREDENTIALS) or an OAuth "Desktop app" client
${commonHelp}`;

export const runCommand: Command = {
  summary: "match mentors, create action-plan tabs and conference forms, write the report",
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        out: { type: "string" },
        google: { type: "string" },
        credentials: { type: "string" },
        ...commonOptions,
      },
      help,
    );
    if (values.help) {
      process.stdout.write(help + "\n");
      return 0;
    }
    if (values.google !== undefined) return runGoogleMode(values, positionals);
    if (values.credentials !== undefined)
      throw new CliError(`--credentials only goes with --google <spreadsheetId>.\n${help}`);
    if (positionals.length === 0) throw new CliError(`name at least one roster file.\n${help}`);
    const outDir = values.out as string | undefined;
    if (outDir === undefined) throw new CliError(`--out <folder> is required.\n${help}`);
    const common = await readCommonOptions(values);
    const outPath = join(
      outDir,
      `${rosterStem(positionals[0]!)}-matched${matchedExtension(positionals)}`,
    );
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

/** `--google <id>`: no input files; the spreadsheet is read and written in place. */
async function runGoogleMode(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<number> {
  const spreadsheetId = values.google;
  if (typeof spreadsheetId !== "string" || !/^[A-Za-z0-9_-]{10,}$/.test(spreadsheetId))
    throw new CliError(
      `--google takes a spreadsheet id (the part of its URL after /d/), not "${String(spreadsheetId)}"`,
    );
  if (positionals.length > 0)
    throw new CliError(`--google works on the spreadsheet alone: name no roster file.\n${help}`);
  for (const option of ["out", "tab-budget"])
    if (values[option] !== undefined)
      throw new CliError(`--${option} does not apply with --google (see docs/google-mode.md)`);
  const common = await readCommonOptions(values);
  const rootUrl = process.env.MENTOR_MATCH_GOOGLE_ROOT_URL;
  if (rootUrl !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(rootUrl))
    throw new CliError("MENTOR_MATCH_GOOGLE_ROOT_URL is for tests and must be a loopback URL");
  const result = await runGoogle({
    spreadsheetId,
    // Without --today the run counts from now on the spreadsheet's clock (its time zone).
    moment: values.today === undefined ? undefined : { today: common.today, now: common.now },
    preset: common.preset,
    mapping: common.mapping,
    templates:
      common.templatesDir === undefined ? undefined : await readFormTemplates(common.templatesDir),
    auth: { credentials: values.credentials as string | undefined },
    rootUrl,
  });
  printResult(result, values.json === true);
  return 0;
}
