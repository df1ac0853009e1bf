/** One subcommand of `lambda-controllers`. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The text of `lambda-controllers <name> --help`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: readonly string[], cwd: string): Promise<number>;
}
