#!/usr/bin/env node
/** The `mentor-match` command line: each command lives in commands/<verb>.ts, wired here. */
import { checkCommand } from "./commands/check.js";
import { runCommand } from "./commands/run.js";
import { plansCommand } from "./commands/plans.js";
import { formsCommand } from "./commands/forms.js";
import { CliError, type Command } from "./command.js";

// A Map: the name is the user's, and "constructor" must be an unknown command, not a crash.
const commands: ReadonlyMap<string, Command> = new Map([
  ["check", checkCommand],
  ["run", runCommand],
  ["plans", plansCommand],
  ["forms", formsCommand],
]);

const usage = `Usage: mentor-match <command> [options]

Commands:
${[...commands].map(([name, command]) => `  ${name.padEnd(8)}${command.summary}`).join("\n")}

Run "mentor-match <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage + "\n");
    return name === undefined ? 2 : 0;
  }
  const command = commands.get(name);
  if (command === undefined)
    throw new CliError(`unknown command "${name}". ${usage.split("\n")[0]}`);
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Users see one plain line, never a stack trace; unexpected faults say where to report.
    if (error instanceof CliError) process.stderr.write(`mentor-match: ${error.message}\n`);
    else
      process.stderr.write(
        `mentor-match: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    process.exitCode = 2;
  },
);
