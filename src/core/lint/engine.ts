import type { ResolvedConfig } from '../config/config';
import { DEFAULT_CONFIG } from '../config/config';
import type { PostmortemDocument } from '../document/model';
import { parsePostmortem, type SectionCache } from '../document/parse';
import { ALL_RULES } from '../rules';
import type { Diagnostic, Range } from '../types';
import type { DocumentFiles } from '../links/workspaceFiles';
import type { FixFacts, Rule, RuleContext, WorkspaceFacts } from './rule';
import { lintedStatus } from './reviewStatus';
import { showInvisibles } from '../text/invisibleCharacters';

export interface LintOptions {
  readonly config?: ResolvedConfig;
  readonly now?: Date;
  readonly workspace?: WorkspaceFacts;
  /**
   * The workspace's file list and where this post-mortem is in it, for links to runbooks and docs.
   * A plain value (a Set of paths): hosts list the files, the core never touches a file system.
   */
  readonly files?: DocumentFiles;
  /** Choices and dates for fixes (the person's name, known owners, the writer's date). */
  readonly fixFacts?: FixFacts;
  readonly cache?: SectionCache;
  readonly rules?: readonly Rule[];
  /**
   * The writer's IANA zone (the machine's, a setting or `--zone`), found by the host: it tells local
   * times typed under `timezone: UTC` from UTC ones. Absent: no guess is made about the writer.
   */
  readonly writerZone?: string;
}

export interface LintResult {
  readonly doc: PostmortemDocument;
  readonly diagnostics: Diagnostic[];
}

/** Parse and check one post-mortem. Never throws: a failing rule becomes an `internal/rule-error` diagnostic. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const doc = parsePostmortem(text, { sectionAliases: config.sectionAliases, cache: options.cache });
  return { doc, diagnostics: lintDocument(doc, options) };
}

function lintDocument(doc: PostmortemDocument, options: LintOptions = {}): Diagnostic[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const now = options.now ?? new Date();
  const status = lintedStatus(doc.meta.status);
  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules ?? ALL_RULES) {
    if (config.rules[rule.code] === 'off') continue;
    if (rule.needsWorkspace === 'ids' && !options.workspace) continue;
    if (rule.needsWorkspace === 'files' && !options.files) continue;
    const ctx: RuleContext = {
      doc, config, now, status, workspace: options.workspace, files: options.files, fixFacts: options.fixFacts, writerZone: options.writerZone,
      report(p) {
        const code = p.code ?? rule.code;
        const setting = config.rules[code] ?? config.rules[rule.code];
        if (setting === 'off') return;
        diagnostics.push({
          code,
          severity: setting ?? p.severity ?? rule.defaultSeverity,
          range: clampRange(doc, p.range),
          // Quoted user text with a zero-width or direction character looked valid while called wrong (trial16a F2).
          message: showInvisibles(p.message),
          ...(p.fixes?.length ? { fixes: p.fixes.map((f) => (f.title === showInvisibles(f.title) ? f : { ...f, title: showInvisibles(f.title) })) } : {}),
          ...(p.related?.length ? { related: p.related } : {}),
          ...(p.fixes?.length && p.fixesAlsoAt?.length ? { fixesAlsoAt: p.fixesAlsoAt.map((r) => clampRange(doc, r)) } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      diagnostics.push({
        code: 'internal/rule-error',
        severity: 'error',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Rule ${rule.code} failed on this file: ${(e as Error).message}. Please report this.`,
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

/** A safety net: whatever a rule computed, hosts only ever see ranges inside the document. */
function clampRange(doc: PostmortemDocument, range: Range): Range {
  const start = doc.lines.positionAt(doc.lines.offsetAt(range.start));
  const end = doc.lines.positionAt(Math.max(doc.lines.offsetAt(range.end), doc.lines.offsetAt(start)));
  return { start, end };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
