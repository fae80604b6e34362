import type { ResolvedConfig } from '../config/config';
import type { PostmortemDocument } from '../document/model';
import type { DocumentFiles } from '../links/workspaceFiles';
import type { Diagnostic, Fix, Range, Severity } from '../types';
import type { ReviewStatus } from './reviewStatus';

/** What the workspace knows, for rules that look beyond one file. Absent in single-file runs. */
export interface WorkspaceFacts {
  /** Ids of all post-mortems in the workspace (front matter `id`). */
  readonly knownIds: ReadonlySet<string>;
  /** Ids that two or more post-mortems carry, with those files' paths as the host shows them; other ids are absent. */
  readonly sharedIds?: ReadonlyMap<string, readonly string[]>;
  /** This document's path in the same form as `sharedIds`' paths, when the host knows it. */
  readonly documentPath?: string;
}

/**
 * What fixes may offer beyond the document, from the host: the person's own name and the owners
 * seen in the workspace as choices, and the writer's local date for dates a fix writes.
 */
export interface FixFacts {
  /** The person's handle (`postmortem.userName`), without `@`. */
  readonly userName?: string;
  /** Owners seen in the workspace's action items, most frequent first, without `@`. */
  readonly knownOwners?: readonly string[];
  /** Today's date where the writer is (YYYY-MM-DD); without it, today in UTC. */
  readonly today?: string;
}

export interface RuleContext {
  readonly doc: PostmortemDocument;
  readonly config: ResolvedConfig;
  /** "Now", passed in so results are reproducible. */
  readonly now: Date;
  readonly workspace?: WorkspaceFacts;
  /** The workspace's files and this post-mortem's place among them (links/missing-file); absent: links are not checked. */
  readonly files?: DocumentFiles;
  /** The writer's IANA zone when the host knows it (see LintOptions.writerZone). */
  readonly writerZone?: string;
  readonly fixFacts?: FixFacts;
  /** `status` from the front matter, `draft` when absent or unknown. */
  readonly status: ReviewStatus;
  report(problem: RuleReport): void;
}

export interface RuleReport {
  readonly range: Range;
  readonly message: string;
  /** Defaults to the rule's own code; rules with several kinds of finding use sub-codes. */
  readonly code?: string;
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  readonly related?: Diagnostic['related'];
  readonly fixesAlsoAt?: Diagnostic['fixesAlsoAt'];
}

/** One rule per file under `src/core/rules/`; `code` never changes once shipped. */
export interface Rule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One sentence for the docs and the editor's hover. */
  readonly description: string;
  /** Other codes this rule reports besides `code` (e.g. `schema/enum`), for the docs and SARIF. */
  readonly subCodes?: readonly string[];
  /**
   * What of the workspace the rule needs, beyond the document: the other post-mortems' ids
   * (`workspace`) or the file list (`files`). It is skipped when the host does not give it (a
   * single-file run); the CLI runs the `ids` rules once every file's id is known.
   */
  readonly needsWorkspace?: 'ids' | 'files';
  check(ctx: RuleContext): void;
}
