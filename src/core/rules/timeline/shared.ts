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
  return doc.timeline.filter((e) => e.line >= section.startLine && e.line < section.endLine);
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
