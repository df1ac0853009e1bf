/** Exit codes a CI can branch on. */
export const ExitCode = {
  Ok: 0,
  /** The command ran and failed: a build error, a missing export, a function that failed. */
  Failed: 1,
  /** The command line is wrong: an unknown command or flag, a missing argument. */
  Usage: 2,
} as const;

/** The command line cannot be used; the message says what to change. Exits with 2. */
export class CliUsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliUsageError';
  }
}

/** A command failed for a reason the user can fix; printed without a stack trace. Exits with 1. */
export class CliError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
  }
}
