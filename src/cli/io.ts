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
  /**
   * How much output was dropped because the reader of stdout closed it (`| head`), if any: the
   * command still runs to the end (files are written), and main.ts says what was not shown.
   */
  droppedOutput?(): { readonly writes: number } | undefined;
}

/** Exit codes shared by every command: 0 clean, 1 problems found, 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;
