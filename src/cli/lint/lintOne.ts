import type { ResolvedConfig } from '../../core/config/config';
import { fixAll } from '../../core/fix/fixAll';
import { lintText } from '../../core/lint/engine';
import type { WorkspaceFiles } from '../../core/links/workspaceFiles';
import { writerToday } from '../../core/time/writerZone';
import { processZone } from '../processZone';
import type { Diagnostic } from '../../core/types';

/** A diagnostic as it crosses the worker boundary and reaches the formatters (fixes for json/sarif). */
export type PlainDiagnostic = Pick<Diagnostic, 'code' | 'severity' | 'range' | 'message' | 'fixes'>;

export interface LintJob {
  readonly index: number;
  readonly text: string;
  readonly configKey: string;
  /** The file's path relative to the workspace root (links/missing-file); absent when outside it. */
  readonly documentPath?: string;
  /** The file's path as `sharedIds` names it (front-matter/duplicate-id), also when outside the root. */
  readonly idPath?: string;
  /** Checked but never fixed, even with --fix (a file that is not a post-mortem, read under --all-markdown). */
  readonly checkOnly?: boolean;
}

export interface LintOutcome {
  readonly index: number;
  readonly diagnostics: PlainDiagnostic[];
  /** With --fix, the fixed text when it differs from the input. */
  readonly fixedText?: string;
  readonly fixed?: Readonly<Record<string, number>>;
  /** What the applied fixes assumed (Fix.note), printed under "fixed". */
  readonly fixNotes?: readonly string[];
}

export interface LintSettings {
  readonly configs: ReadonlyMap<string, ResolvedConfig>;
  readonly now: Date;
  readonly knownIds: ReadonlySet<string>;
  /** Ids two or more post-mortems carry, with their paths (front-matter/duplicate-id). */
  readonly sharedIds?: ReadonlyMap<string, readonly string[]>;
  /** The files under the root, when some post-mortem links to a path (links/missing-file). */
  readonly workspaceFiles?: WorkspaceFiles;
  readonly fix: boolean;
}

/**
 * The writer's zone for the CLI: this process's (`TZ` included); workers share it. It tells local
 * times under `timezone: UTC` from UTC ones (timeline/utc-or-local).
 */
const PROCESS_ZONE = processZone().zone;

/** Lints (and with `fix`, fixes) one file. Same code in the main thread and in workers. */
export function lintOne(job: LintJob, settings: LintSettings): LintOutcome {
  // Dates that fixes write ("due in 14 days", "done today") are the writer's: the process's local date (TZ included).
  const options = { config: settings.configs.get(job.configKey), now: settings.now, workspace: { knownIds: settings.knownIds, ...(settings.sharedIds?.size ? { sharedIds: settings.sharedIds } : {}), ...(job.idPath !== undefined ? { documentPath: job.idPath } : {}) }, files: settings.workspaceFiles && job.documentPath !== undefined ? { workspace: settings.workspaceFiles, documentPath: job.documentPath } : undefined, fixFacts: { today: writerToday(settings.now.getTime(), PROCESS_ZONE) }, writerZone: PROCESS_ZONE };
  if (settings.fix && !job.checkOnly) {
    const result = fixAll(job.text, options);
    const changed = result.text !== job.text;
    return {
      index: job.index,
      diagnostics: result.remaining.map(plain),
      ...(changed ? { fixedText: result.text, fixed: result.fixed, ...(result.notes ? { fixNotes: result.notes } : {}) } : {}),
    };
  }
  return { index: job.index, diagnostics: lintText(job.text, options).diagnostics.map(plain) };
}

function plain(d: Diagnostic): PlainDiagnostic {
  return { code: d.code, severity: d.severity, range: d.range, message: d.message, ...(d.fixes ? { fixes: d.fixes } : {}) };
}
