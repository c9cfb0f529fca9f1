/** `mentor-match run <file...> --out <dir> [--preset NAME]`: match and write the workbook and report. */
import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { matchMentors, presetNames, type PresetName } from "../../shared/index.js";
import { readWorkbookFiles, UnreadableFileError } from "../io/read-workbook.js";
import { applyPatch, baseWorkbook } from "../io/apply-patch-xlsx.js";
import { CliError, type Command } from "../command.js";
import { parseOptions, readMappingFile } from "../options.js";
import { formatIssue } from "../format/roster-report.js";

const help = `Usage: mentor-match run <roster.xlsx|roster.csv> [more files…] --out <folder> [options]

Matches mentees with mentors and writes <folder>/<name>-matched.xlsx (your sheets, plus Pairs,
Issues and Program) and <folder>/report.json. Run it again on the -matched.xlsx after marking
pairs Locked or Rejected in the Pairs sheet: locks are kept, rejections never come back.

Options:
  --out <folder>          where to write (required; created if missing)
  --preset <name>         ${presetNames.join(" | ")} (default: the Program sheet's, else one-to-one)
  --mapping <file.json>   column-mapping corrections (see docs/mapping.md)
  --today <YYYY-MM-DD>    the date the run counts from (default: today)
  --json                  print report.json to stdout as well`;

export const runCommand: Command = {
  summary: "match mentors and write the matched workbook and report",
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        out: { type: "string" },
        preset: { type: "string" },
        mapping: { type: "string" },
        today: { type: "string" },
        json: { type: "boolean" },
      },
      help,
    );
    if (values.help) {
      process.stdout.write(help + "\n");
      return 0;
    }
    if (positionals.length === 0) throw new CliError(`name at least one roster file.\n${help}`);
    const outDir = values.out as string | undefined;
    if (outDir === undefined) throw new CliError(`--out <folder> is required.\n${help}`);
    const preset = values.preset as string | undefined;
    if (preset !== undefined && !(presetNames as readonly string[]).includes(preset)) {
      throw new CliError(`unknown preset "${preset}"; choose one of ${presetNames.join(", ")}`);
    }
    const today = (values.today as string | undefined) ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw new CliError(`--today takes a date as YYYY-MM-DD, not "${today}"`);
    const mapping = await readMappingFile(values.mapping as string | undefined);

    const stem = basename(positionals[0]!, extname(positionals[0]!)).replace(/-matched$/, "");
    const outPath = join(outDir, `${stem}-matched.xlsx`);
    if (positionals.some((input) => resolve(input) === resolve(outPath))) {
      throw new CliError(
        `writing ${outPath} would replace the input file; choose another --out folder`,
      );
    }

    const snapshot = await readWorkbookFiles(positionals).catch((error: unknown) => {
      if (error instanceof UnreadableFileError) throw new CliError(error.message);
      throw error;
    });
    const outcome = matchMentors({
      snapshot,
      today,
      preset: preset as PresetName | undefined,
      mapping,
    });
    if (!outcome.ok) {
      const details = outcome.issues.filter((i) => i.severity === "error").map(formatIssue);
      throw new CliError(
        [`${positionals.join(", ")}: ${outcome.error.message}`, ...details].join("\n"),
      );
    }

    const xlsxInput =
      positionals.length === 1 && /\.xls[xm]$/i.test(positionals[0]!) ? positionals[0]! : null;
    const workbook = await baseWorkbook(xlsxInput, snapshot);
    applyPatch(workbook, outcome.patch);
    await mkdir(outDir, { recursive: true });
    await workbook.xlsx.writeFile(outPath);
    const reportPath = join(outDir, "report.json");
    const reportJson = JSON.stringify(outcome.report, null, 2) + "\n";
    await writeFile(reportPath, reportJson);

    const { summary } = outcome.report;
    const errors = outcome.issues.filter((i) => i.severity === "error").length;
    const lines = [
      `${outcome.settings.programName} (${outcome.settings.preset}), ${outcome.settings.academicYear}`,
      `Matched ${summary.covered} of ${summary.mentees} mentees with ${summary.slotsFilled} pairs (${summary.slotsFilled} of ${summary.slotsWanted} mentor places filled); ${summary.locked} locked, ${summary.rejected} rejected kept out.`,
      ...outcome.match.unmatched
        .slice(0, 10)
        .map(
          (u) =>
            `  not fully matched: ${outcome.roster.people.find((p) => p.id === u.menteeId)?.name ?? u.menteeId} — ${u.reason}`,
        ),
      ...(outcome.match.unmatched.length > 10
        ? [`  … and ${outcome.match.unmatched.length - 10} more (see the Pairs sheet)`]
        : []),
      `Issues: ${errors} errors, ${outcome.issues.length - errors} warnings (see the Issues sheet).`,
      `Wrote ${outPath}`,
      `Wrote ${reportPath}`,
    ];
    if (values.json) process.stdout.write(reportJson);
    else process.stdout.write(lines.join("\n") + "\n");
    return 0;
  },
};
