import type { Severity } from '../../../core/types';
import { terminalSafe, type Style } from '../../style';
import { countBySeverity, plural, type FileReport } from './report';

/**
 * ESLint "stylish"-like output: the file, then one line per problem (`line:col  severity  message  code`),
 * then a summary line. Editors and terminals make `file:line:col` clickable, so the first column of
 * each file block repeats it in that form when colours are off (CI logs).
 */
export interface TextOptions {
  /** Diagnostics left out by `--quiet`, by severity: the summary must not call them "no problems". */
  readonly hidden?: Readonly<Record<Severity, number>>;
  /** Files --fix could not write (said on stderr): the summary must not call the run clean. */
  readonly notWritten?: number;
  /** Files that could not be read (said on stderr): the same. */
  readonly notRead?: number;
  /** Of the reports, files checked only because of --all-markdown (not post-mortems): not counted as post-mortems. */
  readonly otherMarkdown?: number;
  /** Files the scan passed over without a word on stderr, by reason ("not a post-mortem"): counted in the summary. */
  readonly skipped?: ReadonlyMap<string, number>;
}

/**
 * "3 post-mortems", "3 post-mortems and 2 other Markdown files (--all-markdown)": what was checked
 * (trial: --all-markdown counted READMEs as post-mortems in the summary).
 */
function checkedCount(reports: readonly FileReport[], options: TextOptions): string {
  const other = options.otherMarkdown ?? 0;
  // Evidence files reported on (orphans, archives) are not post-mortems checked.
  let checked = 0;
  for (const r of reports) if (!r.evidence) checked++;
  return other > 0 ? `${plural(checked - other, 'post-mortem')} and ${plural(other, 'other Markdown file')} (--all-markdown)` : plural(checked, 'post-mortem');
}

/** "; 12 files skipped (11 not a post-mortem, 1 binary file; --verbose lists them)", or ''. */
function skippedNote(options: TextOptions): string {
  if (!options.skipped?.size) return '';
  let total = 0;
  for (const n of options.skipped.values()) total += n;
  const reasons = [...options.skipped].sort((a, b) => b[1] - a[1]);
  const shown = reasons.slice(0, 3).map(([why, n]) => `${n} ${why}`).join(', ');
  return `; ${plural(total, 'file')} skipped (${shown}${reasons.length > 3 ? ', …' : ''}; --verbose lists them)`;
}

export function formatText(reports: readonly FileReport[], style: Style, options: TextOptions = {}): string {
  const out: string[] = [];
  for (const report of reports) {
    const fixed = report.fixed ? Object.values(report.fixed).reduce((a, b) => a + b, 0) : 0;
    if (!report.diagnostics.length && !fixed) continue;
    out.push(style.underline(terminalSafe(report.display)));
    if (fixed) {
      const codes = Object.entries(report.fixed!).map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
      out.push(`  ${style.green('fixed')} ${plural(fixed, 'problem')}: ${codes}`);
      // What a fix assumed (a time read on the next day) is said, since --fix writes it down unseen.
      for (const note of report.fixNotes ?? []) out.push(`  ${style.yellow('note')} ${terminalSafe(note)}`);
    }
    const rows = report.diagnostics.map((d) => [
      `${terminalSafe(report.display)}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
      d.severity,
      d.message,
      d.code,
    ]);
    // A loop, not Math.max(...rows): a file can have 150,000 diagnostics, beyond the call stack's argument limit.
    const widths = [0, 0];
    for (const r of rows) {
      if (r[0].length > widths[0]) widths[0] = r[0].length;
      if (r[1].length > widths[1]) widths[1] = r[1].length;
    }
    for (const [where, severity, message, code] of rows) {
      out.push(`  ${style.dim(where.padEnd(widths[0]))}  ${paint(severity as Severity, severity.padEnd(widths[1]), style)}  ${terminalSafe(message)}  ${style.dim(terminalSafe(code))}`);
    }
    out.push('');
  }
  out.push(summaryLine(reports, style, options));
  return `${out.join('\n')}\n`;
}

export function summaryLine(reports: readonly FileReport[], style: Style, options: TextOptions = {}): string {
  const counts = countBySeverity(reports);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const fixed = reports.reduce((sum, r) => sum + Object.values(r.fixed ?? {}).reduce((a, b) => a + b, 0), 0);
  const fixedNote = fixed ? `; fixed ${plural(fixed, 'problem')}` : '';
  const hidden = hiddenNote(options.hidden);
  const notWritten = (options.notRead ? `; ${plural(options.notRead, 'file')} could not be read (see above)` : '')
    + (options.notWritten ? `; ${plural(options.notWritten, 'file')} not written (see above)` : '');
  if (total === 0 && notWritten) {
    return style.bold(style.red(`✖ ${checkedCount(reports, options)}${hidden ? ` (${hidden})` : ''}${fixedNote}${notWritten}${skippedNote(options)}`));
  }
  // "✔ 0 post-mortems, no problems" told a first-time user with 130 post-mortems in another shape that all was well.
  if (total === 0 && reports.length === 0) return style.yellow('No post-mortem found, so nothing was checked');
  if (total === 0) {
    return style.green(`✔ ${checkedCount(reports, options)}, ${hidden ? `no errors (${hidden})` : 'no problems'}${fixedNote}${skippedNote(options)}`);
  }
  const withProblems = reports.filter((r) => r.diagnostics.length > 0).length;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info) parts.push(`${counts.info} info`);
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(withProblems, 'file')} of ${checkedCount(reports, options)}${hidden ? `; ${hidden}` : ''}${fixedNote}${notWritten}${skippedNote(options)}`;
  return counts.error ? style.bold(style.red(line)) : style.bold(style.yellow(line));
}

/** "3 warnings, 1 info hidden by --quiet", or '' when nothing was hidden. */
function hiddenNote(hidden: Readonly<Record<Severity, number>> | undefined): string {
  if (!hidden) return '';
  const parts: string[] = [];
  if (hidden.warning) parts.push(plural(hidden.warning, 'warning'));
  if (hidden.info) parts.push(`${hidden.info} info`);
  if (hidden.hint) parts.push(plural(hidden.hint, 'hint'));
  return parts.length ? `${parts.join(', ')} hidden by --quiet` : '';
}

function paint(severity: Severity, text: string, style: Style): string {
  if (severity === 'error') return style.red(text);
  if (severity === 'warning') return style.yellow(text);
  return style.dim(text);
}
