import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { knownInstant } from '../../timeline/knownInstant';
import { formatUtcTime, isUtcZone, offsetAtInstant } from '../../time/zones';
import { entryAbove, writtenStamp } from './nextDayReading';

const HALF_DAY_MS = 12 * 3600000;

/**
 * One time-only entry after an entry written in another zone, whose date written there would give
 * it another day than the one it was read on (TimelineEntry.carriedAcrossZones), with what a reader
 * needs to judge it.
 */
export interface CarriedReading {
  readonly entry: TimelineEntry;
  /** The day read: the entry above's, in this entry's zone (YYYY-MM-DD). */
  readonly date: string;
  /** The day the entry above's written date would give (YYYY-MM-DD). */
  readonly asWritten: string;
  readonly previous: TimelineEntry | undefined;
  /** From the entry above to this one, as read, and as the written date would read. */
  readonly gapMs: number | undefined;
  readonly asWrittenGapMs: number | undefined;
  /**
   * The day read is in doubt: the time then comes before the entry above, or more than 12 hours
   * after it, where the written date's reading (less than 12 hours before it) is as likely; the
   * resolver itself takes a step back of up to 12 hours as an entry out of order. From 0 to 12
   * hours after it, the written date's reading is a day or more later, or 12 hours or more earlier.
   */
  readonly suspect: boolean;
}

/** The readings across zones among `entries` (one Timeline section, in line order). */
export function carriedReadings(entries: readonly TimelineEntry[]): CarriedReading[] {
  const readings: CarriedReading[] = [];
  for (const [i, entry] of entries.entries()) {
    const across = entry.carriedAcrossZones;
    if (!across) continue;
    const { previous, before, gapMs } = entryAbove(entries, i, across.previousLine);
    const asWrittenGapMs = before !== undefined ? across.asWrittenInstant - before : undefined;
    const suspect = gapMs === undefined || gapMs < 0 || gapMs > HALF_DAY_MS;
    readings.push({ entry, date: across.date, asWritten: across.asWritten, previous, gapMs, asWrittenGapMs, suspect });
  }
  return readings;
}

/** "America/Los_Angeles", or "UTC" for `Z`: the zone an entry's time is read in, for messages. */
export function zoneName(zone: string): string {
  return isUtcZone(zone) ? 'UTC' : zone;
}

/** The clock of `ms` in `zone` (`21:52`), read as the stamps read that zone. */
export function clockIn(ms: number, zone: string): string {
  return formatUtcTime(ms + (offsetAtInstant(zone, ms) ?? 0) * 60000);
}

/** "the day of the entry above in America/Los_Angeles (2026-12-06 05:52Z on line 21, 21:52 there)". */
export function dayOfEntryAbove(doc: PostmortemDocument, reading: CarriedReading): string {
  const { previous, entry } = reading;
  const at = previous && knownInstant(previous);
  const above = previous && at !== undefined ? ` (${writtenStamp(doc, previous)} on line ${previous.line + 1}, ${clockIn(at, entry.zone)} there)` : '';
  return `the day of the entry above in ${zoneName(entry.zone)}${above}`;
}
