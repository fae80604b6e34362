// The messages between the extension host and its lint worker thread (worker.ts). Everything is
// plain data (structured clone): diagnostics come back with their fixes as data, never functions.
import type { ResolvedConfig } from '../../core/config/config';
import type { FixFacts, WorkspaceFacts } from '../../core/lint/rule';
import type { EvidenceReference } from '../../core/evidence/references';
import type { SummaryOptions } from '../../core/index/readSummary';
import type { PostmortemSummary } from '../../core/index/summary';
import type { ReviewProgress } from '../../core/rules/review/reviewProgress';
import type { WorkspaceFiles } from '../../core/links/workspaceFiles';
import type { Diagnostic } from '../../core/types';

/**
 * A value the worker keeps between jobs (the folder's config, the workspace's ids): sent only when
 * it is not the one this worker was last sent for that slot, else `{ same: true }`. Sending a
 * 10,000-id set with every keystroke's lint would cost more than the lint of a small file.
 */
export type Kept<T> = { readonly same: true } | { readonly value: T };

/**
 * Facts about the workspace a rule may need, each field kept separately: `knownIds` today; more
 * (the workspace's file paths, a prefetched answer) travel the same way by adding a field to
 * WorkspaceFacts — the worker passes whatever it receives on to the lint.
 */
export type KeptWorkspace = { readonly [K in keyof WorkspaceFacts]?: Kept<WorkspaceFacts[K]> };

export interface LintJob {
  readonly kind: 'lint';
  readonly id: number;
  /** The document's URI: the worker keeps one SectionCache per document (a keystroke re-parses one section). */
  readonly uri: string;
  readonly text: string;
  /** Folder key (several folders, several configs). */
  readonly configSlot: string;
  readonly config: Kept<ResolvedConfig>;
  /** Absent: workspace-level rules are skipped (the index is not complete yet). */
  readonly workspace?: KeptWorkspace;
  readonly nowMs: number;
  readonly fixFacts?: FixFacts;
  readonly writerZone?: string;
  /** Keep a SectionCache for this document (open documents; not a closed file of Lint workspace). */
  readonly cache: boolean;
  /** The workspace's file list (kept: sent when it changed) and this document's path in it. */
  readonly files?: { readonly workspace: Kept<WorkspaceFiles>; readonly documentPath: string };
  /** Also read the summary (see runner.ts LintRequest). */
  readonly summary?: SummaryOptions;
}

export interface FixAllJob {
  readonly kind: 'fixAll';
  readonly id: number;
  readonly text: string;
  readonly configSlot: string;
  readonly config: Kept<ResolvedConfig>;
  readonly workspace?: KeptWorkspace;
  readonly nowMs: number;
  readonly writerZone?: string;
  readonly files?: { readonly workspace: Kept<WorkspaceFiles>; readonly documentPath: string };
}

/** The document was closed: drop its SectionCache. */
export interface ForgetMessage {
  readonly kind: 'forget';
  readonly uri: string;
}

export type ToWorker = LintJob | FixAllJob | ForgetMessage;

export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'lint'; readonly id: number; readonly diagnostics: Diagnostic[]; readonly summary?: PostmortemSummary; readonly review?: ReviewProgress; readonly evidence?: readonly EvidenceReference[]; readonly ms: number }
  | { readonly kind: 'fixAll'; readonly id: number; readonly text: string; readonly fixed: Readonly<Record<string, number>>; readonly notes?: readonly string[]; readonly ms: number }
  /** The core never throws by design; if it does, the host reports this document and goes on. */
  | { readonly kind: 'error'; readonly id: number; readonly message: string };
