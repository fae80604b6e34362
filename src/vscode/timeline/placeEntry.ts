import { parsePostmortem } from '../../core/document/parse';
import type { SectionId } from '../../core/document/sectionNames';
import { formatUtcDate, formatUtcTime } from '../../core/time/zones';
import { knownInstant } from '../../core/timeline/knownInstant';

export interface EntryPlacement {
  /** Line before which the new entry goes (may equal the line count: end of document). */
  readonly line: number;
  /** Snippet text of the whole new line(s), without the trailing line break. */
  readonly snippet: string;
  /** True when no Timeline section exists and the snippet creates one. */
  readonly createsSection: boolean;
}

/** `2026-11-27 05:45Z`: the stamp every new entry gets (UTC, minute precision). */
export function utcStamp(nowMs: number): string {
  return `${formatUtcDate(nowMs)} ${formatUtcTime(Math.floor(nowMs / 60_000) * 60_000)}Z`;
}

/**
 * Where a timeline entry stamped `nowMs` belongs: after the last entry that is not later than it
 * (entries with unreadable times are skipped), else at the top of the Timeline section's entries.
 * Table timelines get a row with the same number of cells.
 */
export function placeTimelineEntry(text: string, nowMs: number, aliases?: Readonly<Record<SectionId, readonly string[]>>): EntryPlacement {
  const doc = parsePostmortem(text, aliases ? { sectionAliases: aliases } : {});
  const stamp = utcStamp(nowMs);
  const section = doc.sections.find((s) => s.id === 'timeline');
  if (!section) {
    const end = doc.lines.lineCount;
    return { line: end, snippet: `\n## Timeline\n\n- ${stamp} \${1:What happened}$0`, createsSection: true };
  }
  const entries = doc.timeline;
  const before = entries.filter((e) => (knownInstant(e) ?? Infinity) <= nowMs);
  const anchor = before.length ? before[before.length - 1] : undefined;
  const form = entries[0]?.form ?? 'list';
  let line: number;
  if (anchor) line = anchor.line + 1;
  else if (entries.length) line = entries[0].line;
  else line = lastContentLine(doc.lines, section.headingLine, section.endLine) + 1;
  if (form === 'table') {
    const cells = Math.max(2, doc.lines.lineText(entries[0].line).split('|').length - 2);
    return { line, snippet: `| ${stamp} | \${1:What happened} |${' |'.repeat(cells - 2)}$0`, createsSection: false };
  }
  const bullet = /^\s*([-*+])/.exec(doc.lines.lineText(entries[0]?.line ?? -1))?.[1] ?? '-';
  const lead = !anchor && !entries.length && line === section.headingLine + 1 ? '\n' : '';
  return { line, snippet: `${lead}${bullet} ${stamp} \${1:What happened}$0`, createsSection: false };
}

/** The last non-blank line of the section (the heading when it is empty). */
function lastContentLine(lines: { lineText(l: number): string }, heading: number, end: number): number {
  for (let l = end - 1; l > heading; l--) if (lines.lineText(l).trim()) return l;
  return heading;
}
