/**
 * What a CLI command gets from the process. Commands never touch process.stdout/exit directly,
 * so they can be unit-tested and composed; `src/cli/main.ts` wires the real process in.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
  /** Fixed clock for reproducible output (tests, `--now`); defaults to the real time. */
  now(): Date;
}

/** Exit codes shared by every command: 0 clean, 1 problems found, 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;
