// What the diagnostics controller asks of a lint runner: a thread pool (workerPool.ts, Node host)
// or the host's own thread (inThreadRunner.ts, web host). Plain data in and out.
import type { ResolvedConfig } from '../../core/config/config';
import type { FixFacts, WorkspaceFacts } from '../../core/lint/rule';
import type { PostmortemSummary } from '../../core/index/summary';
import type { SummaryOptions } from '../../core/index/readSummary';
import type { EvidenceReference } from '../../core/evidence/references';
import type { DocumentFiles } from '../../core/links/workspaceFiles';
import type { Diagnostic } from '../../core/types';
import type { ReviewProgress } from '../../core/rules/review/reviewProgress';

export interface LintRequest {
  readonly uri: string;
  readonly text: string;
  readonly configSlot: string;
  readonly config: ResolvedConfig;
  readonly workspace?: WorkspaceFacts;
  readonly nowMs: number;
  readonly fixFacts?: FixFacts;
  readonly writerZone?: string;
  readonly cache: boolean;
  /** The workspace's files and this document's path among them (links/missing-file); absent: links are not checked. */
  readonly files?: DocumentFiles;
  /**
   * Also read the document's summary (the status bar shows it), in the same place as the lint: on
   * a hostile front matter the summary reader costs as much as the lint.
   */
  readonly summary?: SummaryOptions;
}

/** A finished lint: the core's diagnostics (fixes as data) and, when asked for, the summary. */
export interface Linted {
  readonly diagnostics: Diagnostic[];
  readonly summary?: PostmortemSummary;
  /** With the summary: where the review stands (approvals so far and needed), read as review/not-approved reads it. */
  readonly review?: ReviewProgress;
  /**
   * The document's links into evidence folders (`evidence/missing-file` stats them in the host),
   * read from the lint's own parse: the host never parses the document itself.
   */
  readonly evidence?: readonly EvidenceReference[];
}

export type FixAllRequest = Omit<LintRequest, 'uri' | 'fixFacts' | 'cache' | 'summary'>;

/** A finished fix-all: the fixed text and how many fixes of each rule it applied. */
export interface Fixed {
  readonly text: string;
  readonly fixed: Readonly<Record<string, number>>;
  /** The notes of the fixes applied (the core's FixAllResult.notes): what `lint --fix` prints, e.g. a date it assumed. */
  readonly notes?: readonly string[];
}

export type PoolOutcome<T> =
  | { readonly kind: 'done'; readonly value: T; readonly ms: number }
  /** The job ran past the budget: its thread was killed (a new one takes the next job). */
  | { readonly kind: 'timeout'; readonly budgetMs: number }
  /** The job threw, or its thread died (out of memory, a crash): what happened, for the log. */
  | { readonly kind: 'failed'; readonly message: string }
  /** The pool was disposed, or cannot start threads: lint in the host instead. */
  | { readonly kind: 'unavailable' };

export interface LintRunner {
  lint(request: LintRequest): Promise<PoolOutcome<Linted>>;
  fixAll(request: FixAllRequest): Promise<PoolOutcome<Fixed>>;
  /** The document was closed: drop what is kept for it. */
  forget(uri: string): void;
  dispose(): void;
}
