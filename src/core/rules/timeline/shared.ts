import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import { parseInstant } from '../../time/instant';
import { formatUtcDate, formatUtcTime } from '../../time/zones';
import type { RawTimelineEntry } from '../../timeline/extract';
import type { TimelineContext } from '../../timeline/resolve';
import type { Range, TextEdit } from '../../types';
import { flowRootValueEdit } from '../../frontMatter/flowRootEdits';
import { flowScalarText } from '../../frontMatter/flowEdits';

export { isUtcZone } from '../../time/zones';

/** `2026-11-20 14:09Z` (seconds only when not zero): how messages and fixes write an instant. */
export function formatStamp(ms: number, withDate = true): string {
  return `${withDate ? `${formatUtcDate(ms)} ` : ''}${formatUtcTime(ms)}Z`;
}

/**
 * The UTC stamp replacing an entry's written one: a time range keeps its separator and gets its end
 * converted too (`14:05-14:20` in Asia/Kolkata → `08:35Z-08:50Z`), never only its start.
 */
export function formatEntryStamp(entry: Pick<TimelineEntry, 'instant' | 'rangeEndInstant'>, raw: RawTimelineEntry | undefined, withDate: boolean): string {
  // A log's fraction of a second (`14:15:07.512`, `14:16:07,250`) is evidence: kept, written with a
  // point, never dropped nor left behind the new stamp as text (trial16a F8). The instant is read to
  // the whole second, so the fraction is carried over as written.
  const fraction = raw?.parsed.stamp?.fraction;
  const start = fraction === undefined ? formatStamp(entry.instant!, withDate)
    : `${withDate ? `${formatUtcDate(entry.instant!)} ` : ''}${new Date(entry.instant!).toISOString().slice(11, 19)}.${fraction}Z`;
  const range = raw?.parsed.stamp?.rangeEnd;
  return range && entry.rangeEndInstant !== undefined ? `${start}${range.separator}${formatUtcTime(entry.rangeEndInstant)}Z` : start;
}

export function timelineSections(doc: PostmortemDocument): SectionUnit[] {
  return doc.sections.filter((s) => s.id === 'timeline');
}

/** The entries of one Timeline section (a document may, rarely, have two). */
export function entriesOf(doc: PostmortemDocument, section: SectionUnit): TimelineEntry[] {
  // The timeline is in line order (parsePostmortem reads sections top-down): two binary searches
  // instead of a filter of every entry per section (20,000 Timeline sections made that quadratic).
  const all = doc.timeline;
  if (!inLineOrder(all)) return all.filter((e) => e.line >= section.startLine && e.line < section.endLine);
  return all.slice(firstAtOrAfter(all, section.startLine), firstAtOrAfter(all, section.endLine));
}

const sortedMemo = new WeakMap<readonly TimelineEntry[], boolean>();

function inLineOrder(entries: readonly TimelineEntry[]): boolean {
  let sorted = sortedMemo.get(entries);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1].line <= entries[i].line;
    sortedMemo.set(entries, sorted);
  }
  return sorted;
}

function firstAtOrAfter(entries: readonly TimelineEntry[], line: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What `parsePostmortem` resolved the timeline with, so rules can re-resolve hypothetical edits. */
export function timelineContext(doc: PostmortemDocument): TimelineContext {
  return { timezone: doc.timezone, startedAt: parseInstant(doc.meta.started_at, doc.timezone)?.ms };
}

/** The range of the entry's own text (after the bullet, or the time cell of a table row). */
export function entryTextRange(entry: TimelineEntry): Range {
  return {
    start: { line: entry.line, character: entry.textStart },
    end: { line: entry.line, character: entry.textStart + entry.text.length },
  };
}

export function lineLabel(entry: TimelineEntry): string {
  return `line ${entry.line + 1}`;
}

/** The edit that makes the front matter say `timezone: <iana>` (replacing its line, or adding one). */
export function timezoneLineEdit(doc: PostmortemDocument, iana: string): TextEdit | undefined {
  const fm = doc.frontMatter;
  if (!fm?.data) return undefined;
  // One flow mapping (`{type: postmortem, …}`): a `timezone:` line after it, or a line replaced
  // whole, would break it; the value goes inside, read back first, or no fix (trial15a F10).
  const flow = flowRootValueEdit(fm, doc.lines, 'timezone', flowScalarText(iana), iana);
  if (flow) return flow.edit;
  const eol = doc.lines.eol;
  let existing: number | undefined;
  for (let l = fm.openLine + 1; l < fm.closeLine && existing === undefined; l++) if (/^timezone\s*:/.test(doc.lines.lineText(l))) existing = l;
  return existing !== undefined
    ? { range: doc.lines.lineRange(existing), newText: `timezone: ${iana}` }
    : { range: { start: { line: fm.closeLine, character: 0 }, end: { line: fm.closeLine, character: 0 } }, newText: `timezone: ${iana}${eol}` };
}
