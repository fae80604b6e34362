import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import { parseInstant } from '../../time/instant';
import { formatUtcDate, formatUtcTime } from '../../time/zones';
import type { TimelineContext } from '../../timeline/resolve';
import type { Range } from '../../types';

/** IANA names that are UTC all year round (the zone check must not flag them). */
const UTC_NAMES = new Set(['utc', 'etc/utc', 'uct', 'etc/uct', 'gmt', 'etc/gmt', 'etc/gmt0', 'etc/gmt+0', 'etc/gmt-0', 'gmt0', 'universal', 'etc/universal', 'zulu', 'etc/zulu', 'z', 'ut']);

/** True for a written zone or IANA name that means UTC: `Z`, `UTC`, `GMT`, `+00:00`, `Etc/UTC`. */
export function isUtcZone(zone: string): boolean {
  const z = zone.trim().toLowerCase();
  return UTC_NAMES.has(z) || /^(?:utc|gmt)?[+-]0{1,2}:?(?:00)?$/.test(z);
}

/** `2026-11-20 14:09Z` (seconds only when not zero): how messages and fixes write an instant. */
export function formatStamp(ms: number, withDate = true): string {
  return `${withDate ? `${formatUtcDate(ms)} ` : ''}${formatUtcTime(ms)}Z`;
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
