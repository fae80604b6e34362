/**
 * The core's public entry: everything a host (the extension in src/vscode, the CLI in src/cli, a
 * web worker, another editor) needs, in one module, as vscode-markdown-languageservice exposes one
 * index. The core is editor-agnostic: no `vscode`, no Node built-ins (lint-enforced); the host
 * passes in text, file reads and the clock. Modules not re-exported here are the core's inside.
 */

// Types shared by every host: positions, ranges, diagnostics and their fixes.
export type * from './types';

// Reading a post-mortem: the full parse (lint) and the one fast summary (index, tree, metrics, status bar).
export { parsePostmortem, SectionCache, type ParseOptions } from './document/parse';
export type { PostmortemDocument, ActionItem, TimelineEntry, SectionUnit } from './document/model';
export { isInStandardFormat, isPostmortem, matchesPostmortemGlobs } from './document/recognise';
export { readSummary, isNotReadProblem, summaryAsOf, isFrontMatterUnreadProblem, isRestUnreadProblem, isHiddenInCommentProblem, isStrayItemsProblem, isHiddenItemsProblem, isUnknownZoneProblem, isUnreadTimeProblem, isOverdue, WorkspaceIndex, type SummaryOptions, type PostmortemSummary, type IndexedActionItem, type OpenItem, type OpenItemFilter } from './index';
export { isLooseTimeProblem } from './time/looseTimeNote';

// Lint, rules and fixes.
export { lintText, compareDiagnostics, type LintOptions, type LintResult } from './lint/engine';
export type { Rule, RuleContext, RuleReport, WorkspaceFacts } from './lint/rule';
export { withFolders, UNLISTED_FOLDERS, type WorkspaceFiles, type DocumentFiles } from './links/workspaceFiles';
export { ALL_RULES } from './rules';
export { fixAll, type FixAllResult } from './fix/fixAll';
export { applyEdits } from './fix/applyEdits';

// Configuration (.postmortemrc.json): the host supplies the file reads.
export { DEFAULT_CONFIG, DEFAULT_GLOBS, type ResolvedConfig, type UserConfig } from './config/config';
export { ConfigLoader, loadConfigFor, CONFIG_FILE_NAME, type LoadConfigOptions, type LoadedConfig, type ReadConfigFile } from './config/load';
export { resolveConfig } from './config/resolve';

// Metrics, imports, conversion, the template, diagrams, time.
export * from './metrics';
export * from './import';
export * from './import/convert';
export { renderPostmortemTemplate, type TemplateOptions } from './template/newPostmortem';
export * from './diagrams';
export { formatIsoUtc, formatUtcDate, isValidTimeZone } from './time/zones';
export { formatDuration as formatDurationWords, formatDurationShort } from './time/duration';
export { validateFrontMatter, schemaNodeAt } from './schema/validator';
// User text in the editor's labels (tree rows, status bar, pick lists): no reordering, no icons.
export { labelText, iconSafeLabel } from './text/labelText';
export { plainLabel } from './text/plainLabel';
export { withoutTimezoneNotes } from './library/withoutTimezone';
// The post-mortem library: grouping, filters, ids, factors, similar incidents.
export * from './library';
