import type { ResolvedConfig } from '../../core/config/config';
import type { LintJob, LintOutcome } from './lintOne';

/** Sent once when a worker starts (workerData): everything shared by all of its jobs. */
export interface WorkerInit {
  readonly configs: [string, ResolvedConfig][];
  readonly now: number;
  readonly knownIds: string[];
  /** links/missing-file: every path under the root (sent once per worker). */
  readonly workspaceFiles?: { readonly paths: string[]; readonly unlisted?: readonly string[] };
  readonly fix: boolean;
}

/** Main → worker: a batch to lint. Worker → main: its outcomes, or the error that stopped it. */
export interface BatchMessage {
  readonly jobs: LintJob[];
}

export type WorkerReply = { readonly outcomes: LintOutcome[] } | { readonly error: string; readonly index: number };
