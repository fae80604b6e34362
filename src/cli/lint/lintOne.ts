import type { ResolvedConfig } from '../../core/config/config';
import { fixAll } from '../../core/fix/fixAll';
import type { KeptRun } from '../../core/fix/keptRuns';
import { lintText } from '../../core/lint/engine';
import type { WorkspaceFiles } from '../../core/links/workspaceFiles';
import { writerToday } from '../../core/time/writerZone';
import { processZone } from '../processZone';
import type { Diagnostic } from '../../core/types';
import type { PostmortemDocument } from '../../core/document/model';
import { scalar, stringList } from '../../core/frontMatter/values';
import { ALL_RULES } from '../../core/rules';
import { jsonElements } from './format/json';

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
  /** `--format json`: the file's name in the output; its diagnostics come back formatted too (LintOutcome.jsonElements). */
  readonly jsonFile?: string;
}

export interface LintOutcome {
  readonly index: number;
  readonly diagnostics: PlainDiagnostic[];
  /** With --fix, the fixed text when it differs from the input. */
  readonly fixedText?: string;
  /** With `fixedText`: which of its characters are the input's, untouched (fixAll's `kept`), for the writer to put the file's own line breaks back. */
  readonly fixedKept?: readonly KeptRun[];
  readonly fixed?: Readonly<Record<string, number>>;
  /** What the applied fixes assumed (Fix.note), printed under "fixed". */
  readonly fixNotes?: readonly string[];
  /** In a first pass (no `ids` in the settings): the file's own `id` and `related` ids, for the workspace's. */
  readonly ids?: FileIds;
  /** With `LintJob.jsonFile`: `diagnostics` as `--format json` writes them, formatted on the thread that linted the file. */
  readonly jsonElements?: string;
}

/** What the rules that need the workspace's ids read of a file's front matter. */
export interface FileIds {
  /** `id` as a trimmed scalar (`id: 42` is "42"), as the workspace index reads it. */
  readonly id?: string;
  readonly related: readonly string[];
}

/** The other post-mortems' ids, for `related/unknown-id` and `front-matter/duplicate-id`. */
export interface WorkspaceIds {
  readonly knownIds: ReadonlySet<string>;
  /** Ids two or more post-mortems carry, with their paths (front-matter/duplicate-id). */
  readonly sharedIds?: ReadonlyMap<string, readonly string[]>;
}

export interface LintSettings {
  readonly configs: ReadonlyMap<string, ResolvedConfig>;
  readonly now: Date;
  /**
   * The workspace's ids. Absent in the first pass, which lints with every other rule while the
   * ids are still being gathered from the files themselves (`LintOutcome.ids`); `lintIdRules` then
   * runs the rules that need them, on the few files where they can report anything.
   */
  readonly ids?: WorkspaceIds;
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
  const options = lintOptions(job, settings);
  const ids = (doc: PostmortemDocument) => (settings.ids ? {} : { ids: idsOfFrontMatter(doc.meta) });
  if (settings.fix && !job.checkOnly) {
    // The rules that need the ids have no fixes: the text fixed without them is the same.
    const result = fixAll(job.text, options);
    const changed = result.text !== job.text;
    const diagnostics = result.remaining.map(plain);
    return {
      index: job.index,
      diagnostics,
      ...(changed ? { fixedText: result.text, fixedKept: result.kept, fixed: result.fixed, ...(result.notes ? { fixNotes: result.notes } : {}) } : {}),
      ...ids(result.doc),
      ...formatted(job, diagnostics),
    };
  }
  const { doc, diagnostics } = lintText(job.text, options);
  const plainDiagnostics = diagnostics.map(plain);
  return { index: job.index, diagnostics: plainDiagnostics, ...ids(doc), ...formatted(job, plainDiagnostics) };
}

function formatted(job: LintJob, diagnostics: readonly PlainDiagnostic[]): { jsonElements?: string } {
  return job.jsonFile === undefined ? {} : { jsonElements: jsonElements(job.jsonFile, diagnostics) };
}

/** The rules a first pass leaves out: they need the other post-mortems' ids. */
const ID_RULES = ALL_RULES.filter((r) => r.needsWorkspace === 'ids');

/**
 * The second pass: what the rules that need the workspace's ids report on `text` (the file as
 * linted, or as fixed). Only these rules: the first pass's diagnostics stand.
 */
export function lintIdRules(job: LintJob, text: string, settings: LintSettings & { readonly ids: WorkspaceIds }): PlainDiagnostic[] {
  return lintText(text, { ...lintOptions(job, settings), rules: ID_RULES }).diagnostics.map(plain);
}

/**
 * Whether a file's ids give the rules that need the workspace's ids anything to report: a
 * `related` id no post-mortem has, or its own id shared. Never false when they could report.
 */
export function idRulesMayReport(ids: FileIds, workspace: WorkspaceIds): boolean {
  return (ids.id !== undefined && workspace.sharedIds?.has(ids.id) === true) || ids.related.some((id) => !workspace.knownIds.has(id.trim()));
}

/** A file's ids from its front-matter values, one reading for the lint and for files read only for their ids. */
export function idsOfFrontMatter(meta: Readonly<Record<string, unknown>>): FileIds {
  const id = scalar(meta.id);
  return { ...(id ? { id } : {}), related: stringList(meta.related) };
}

function lintOptions(job: LintJob, settings: LintSettings) {
  const workspace = settings.ids ? { knownIds: settings.ids.knownIds, ...(settings.ids.sharedIds?.size ? { sharedIds: settings.ids.sharedIds } : {}), ...(job.idPath !== undefined ? { documentPath: job.idPath } : {}) } : undefined;
  // Dates that fixes write ("due in 14 days", "done today") are the writer's: the process's local date (TZ included).
  return { config: settings.configs.get(job.configKey), now: settings.now, workspace, files: settings.workspaceFiles && job.documentPath !== undefined ? { workspace: settings.workspaceFiles, documentPath: job.documentPath } : undefined, fixFacts: { today: writerToday(settings.now.getTime(), PROCESS_ZONE) }, writerZone: PROCESS_ZONE };
}

function plain(d: Diagnostic): PlainDiagnostic {
  return { code: d.code, severity: d.severity, range: d.range, message: d.message, ...(d.fixes ? { fixes: d.fixes } : {}) };
}
