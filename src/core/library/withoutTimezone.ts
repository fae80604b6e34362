import type { PostmortemSummary } from '../index/summary';
import { canonicalZone } from '../time/writerZone';
import { isUtcZone } from '../time/zones';

/**
 * Whether the note is worth saying to this writer: not to one who lives on UTC's calendar (their
 * day is UTC's, as with the zone-less-times note, time/readAsUtcNote.ts); said when the writer's
 * zone is elsewhere or not known.
 */
export function undeclaredZoneMatters(writerZone: string | undefined): boolean {
  const zone = writerZone ? canonicalZone(writerZone) : undefined;
  return !zone || !isUtcZone(zone);
}

/**
 * "2 post-mortems without `timezone:`: dated in UTC" — said by `list` and the metrics (CLI and
 * dashboard) when dated post-mortems name no zone: the day each is listed on, the month it counts in
 * and the window that takes it are the fallback zone's, and without the note that was silent
 * (trial11 T14: started 04:00Z is 2026-11-30 in Los Angeles, listed and counted on 2026-12-01).
 */
export function withoutTimezoneSentence(count: number, zone: string): string {
  return `${count} post-mortem${count === 1 ? '' : 's'} without \`timezone:\`: dated in ${zone}`;
}

/** A fallback zone and how many post-mortems without `timezone:` are dated in it. */
export interface UndeclaredZone {
  readonly zone: string;
  readonly incidents: number;
}

/**
 * The post-mortems without `timezone:` counted per zone they are dated in, most first: what the
 * notes of `list` and the metrics (CLI and dashboard) say, counted here once.
 */
export function undeclaredZones(summaries: Iterable<Pick<PostmortemSummary, 'noTimezone' | 'timezone'>>): UndeclaredZone[] {
  const counts = new Map<string, number>();
  for (const s of summaries) if (s.noTimezone) counts.set(s.timezone, (counts.get(s.timezone) ?? 0) + 1);
  return [...counts.entries()].map(([zone, incidents]) => ({ zone, incidents })).sort((a, b) => b.incidents - a.incidents || a.zone.localeCompare(b.zone));
}

/** The sentences for a set of dated post-mortems' summaries: one per fallback zone, most first; none for a writer on UTC. */
export function withoutTimezoneNotes(summaries: Iterable<Pick<PostmortemSummary, 'noTimezone' | 'timezone'>>, writerZone: string | undefined): string[] {
  if (!undeclaredZoneMatters(writerZone)) return [];
  return undeclaredZones(summaries).map((z) => withoutTimezoneSentence(z.incidents, z.zone));
}
