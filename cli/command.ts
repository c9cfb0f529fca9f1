/** What every command file exports, and the error that becomes one line on stderr, exit 2. */
export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

export class CliError extends Error {
  override readonly name = "CliError";
}
