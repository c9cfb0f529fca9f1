/** `mentor-match check <file...> [--json]`: read rosters, show the mapping, people and issues. */
import { readRoster } from "../../shared/index.js";
import { readWorkbookFiles, UnreadableFileError } from "../io/read-workbook.js";
import { CliError, type Command } from "../command.js";
import { parseOptions, parseWholeNumber, readMappingFile } from "../options.js";
import { formatRosterReport, rosterJson } from "../format/roster-report.js";

const help = `Usage: mentor-match check <roster.xlsx|roster.csv> [more files…] [options]

Reads the roster, shows which column it took for which field, how many mentors and mentees it
found, and every issue with its cell. Several files are read as one roster.

Options:
  --json                   print one JSON object instead of the report
  --mapping <file.json>    column-mapping corrections (see docs/mapping.md)
  --default-capacity <n>   mentees per mentor when the capacity cell is blank (default 2)`;

export const checkCommand: Command = {
  summary: "read a roster and report the mapping, people and issues",
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        json: { type: "boolean" },
        mapping: { type: "string" },
        "default-capacity": { type: "string" },
      },
      help,
    );
    if (values.help) {
      process.stdout.write(help + "\n");
      return 0;
    }
    if (positionals.length === 0) throw new CliError(`name at least one roster file.\n${help}`);
    const mapping = await readMappingFile(values.mapping as string | undefined);
    const defaultCapacity = parseWholeNumber(
      values["default-capacity"] as string | undefined,
      "--default-capacity",
    );

    const snapshot = await readWorkbookFiles(positionals).catch((error: unknown) => {
      if (error instanceof UnreadableFileError) throw new CliError(error.message);
      throw error;
    });
    const reading = readRoster(snapshot, { mapping, defaultCapacity });
    if (!reading.ok) throw new CliError(`${positionals.join(", ")}: ${reading.error.message}`);

    process.stdout.write(
      values.json
        ? JSON.stringify(rosterJson(reading.roster), null, 2) + "\n"
        : formatRosterReport(reading.roster, positionals),
    );
    return 0;
  },
};
