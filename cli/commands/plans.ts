/** `mentor-match plans <workbook>`: create or refresh the action-plan tabs of a matched workbook. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CliError, type Command } from "../command.js";
import { commonHelp, commonOptions, parseOptions, readCommonOptions } from "../options.js";
import { rosterStem, runPipeline } from "../pipeline.js";

const help = `Usage: mentor-match plans <name-matched.xlsx> [--out <folder>] [--in-place] [options]

Creates an action-plan tab for each pair of a matched workbook, and refreshes the tabs it
already has: the facts and calendar dates are updated, answers typed in the tabs are never
changed, and the tabs of pairs that no longer exist are marked ended (never deleted). Locked
and Rejected marks in the Pairs sheet are honoured.

Writes a new workbook into --out (default: beside the input) and never changes the input,
unless --in-place is given; then a dated backup copy of the input is kept beside it.

Options:
  --out <folder>          where to write (default: the input's folder)
  --in-place              update the input workbook itself, keeping a backup copy
${commonHelp}`;

export const plansCommand: Command = {
  summary: "create or refresh the action-plan tabs of a matched workbook",
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
    const outPath = values["in-place"]
      ? input
      : updatedWorkbookPath(
          input,
          (values.out as string | undefined) ?? dirname(input),
          common.today,
        );
    const result = await runPipeline({
      inputs: [input],
      outPath,
      plans: true,
      backupOf: values["in-place"] ? input : undefined,
      ...common,
    });
    process.stdout.write(
      values.json
        ? JSON.stringify(result.report, null, 2) + "\n"
        : result.summary.join("\n") + "\n",
    );
    return 0;
  },
};

/** `<stem>-matched.xlsx` in the folder, or a dated name when that would be the input itself. */
export function updatedWorkbookPath(input: string, folder: string, today: string): string {
  const stem = rosterStem(input);
  const plain = join(folder, `${stem}-matched.xlsx`);
  if (resolve(plain) !== resolve(input)) return plain;
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${stem}-matched-${today}${n === 1 ? "" : `-${n}`}.xlsx`);
    if (!existsSync(candidate)) return candidate;
  }
}
