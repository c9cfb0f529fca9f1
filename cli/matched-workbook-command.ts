/** What `plans` and `forms` share: one matched workbook in, a new (or backed-up) workbook out. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CliError, type Command } from "./command.js";
import { commonHelp, commonOptions, parseOptions, readCommonOptions } from "./options.js";
import { matchedExtension, printResult, rosterStem, runPipeline } from "./pipeline.js";

export function matchedWorkbookCommand(spec: {
  name: string;
  summary: string;
  description: string;
  plans: boolean;
  forms: boolean;
}): Command {
  const help = `Usage: mentor-match ${spec.name} <name-matched.xlsx> [--out <folder>] [--in-place] [options]

${spec.description}

Writes a new workbook into --out (default: beside the input) and never changes the input,
unless --in-place is given; then a dated backup copy of the input is kept beside it.

Options:
  --out <folder>          where to write (default: the input's folder)
  --in-place              update the input workbook itself, keeping a backup copy
${commonHelp}`;
  return {
    summary: spec.summary,
    async run(args) {
      const { values, positionals } = parseOptions(
        args,
        { out: { type: "string" }, "in-place": { type: "boolean" }, ...commonOptions },
        help,
      );
      if (values.help) {
        process.stdout.write(help + "\n");
        return 0;
      }
      if (positionals.length !== 1) throw new CliError(`name one matched workbook.\n${help}`);
      const input = positionals[0]!;
      const common = await readCommonOptions(values);
      const inPlace = values["in-place"] === true;
      const outPath = inPlace
        ? input
        : updatedWorkbookPath(
            input,
            (values.out as string | undefined) ?? dirname(input),
            common.today,
          );
      const result = await runPipeline({
        inputs: [input],
        outPath,
        plans: spec.plans,
        forms: spec.forms,
        backupOf: inPlace ? input : undefined,
        ...common,
      });
      printResult(result, values.json === true);
      return 0;
    },
  };
}

/** `<stem>-matched.xlsx` in the folder, or a dated name when that would be the input itself. */
export function updatedWorkbookPath(input: string, folder: string, today: string): string {
  const stem = rosterStem(input);
  const extension = matchedExtension([input]);
  const plain = join(folder, `${stem}-matched${extension}`);
  if (resolve(plain) !== resolve(input)) return plain;
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${stem}-matched-${today}${n === 1 ? "" : `-${n}`}${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}
