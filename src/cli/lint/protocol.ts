import type { ResolvedConfig } from '../../core/config/config';
import type { LintJob, LintOutcome } from './lintOne';

/**
 * Main → worker, in this order: the run's settings once, then each configuration before the first
 * file that uses it, the workspace's file list before the first file that may link to one, and
 * batches of files to lint (see pool.ts's LintStream). Worker → main: a batch's outcomes, or the
 * error that stopped it.
 */
export type WorkerMessage = InitMessage | ConfigMessage | WorkspaceFilesMessage | BatchMessage;

/** A first pass: the workspace's ids are not known yet (see LintSettings.ids). */
export interface InitMessage {
  readonly init: { readonly now: number; readonly fix: boolean };
}

export interface ConfigMessage {
  readonly config: [string, ResolvedConfig];
}

/** links/missing-file: every path under the root (sent once per worker). */
export interface WorkspaceFilesMessage {
  readonly workspaceFiles: { readonly paths: string[]; readonly unlisted?: readonly string[] };
}

export interface BatchMessage {
  readonly jobs: LintJob[];
}

/** A batch's outcomes; or, when a file's lint threw, the outcomes of the files before it and the error (the rest is linted by the main thread). */
export type WorkerReply = { readonly outcomes: LintOutcome[] } | { readonly outcomes: LintOutcome[]; readonly error: string; readonly index: number };
