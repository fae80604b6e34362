import type { ResolvedConfig } from '../../core/config/config';
import type { LintJob, LintOutcome } from './lintOne';

/** Everything shared by all of a worker's jobs, sent once as its first message (workers start before it is known). */
export interface WorkerInit {
  readonly configs: [string, ResolvedConfig][];
  readonly now: number;
  /** The workspace's ids; absent in a first pass (see LintSettings.ids). */
  readonly ids?: { readonly knownIds: string[]; readonly sharedIds?: [string, string[]][] };
  /** links/missing-file: every path under the root (sent once per worker). */
  readonly workspaceFiles?: { readonly paths: string[]; readonly unlisted?: readonly string[] };
  readonly fix: boolean;
}

export interface InitMessage {
  readonly init: WorkerInit;
}

/** Main → worker: the settings once, then batches to lint. Worker → main: a batch's outcomes, or the error that stopped it. */
export interface BatchMessage {
  readonly jobs: LintJob[];
}

export type WorkerReply = { readonly outcomes: LintOutcome[] } | { readonly error: string; readonly index: number };
