import type { TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { formatDurationMs } from '../../time/duration';
import { isFutureTime } from '../../time/plausibleTime';
import { formatLocalDate } from '../../time/zones';
import { knownInstant } from '../../timeline/knownInstant';
import { clockIn, zoneName } from './carriedReading';
import { stampEdit } from './stampRewrite';
import { nextDayReadings, writtenStamp, type NextDayReading } from './nextDayReading';
import { entriesOf, timelineSections } from './shared';

/**
 * A time without a date more than 12 hours before the entry above is read on the next day: the
 * clock crossed midnight (`23:50`, then `00:10`), or the time is a typo (`13:20`, then `00:50`), and
 * only the writer knows which. The reading is stated once, on the entry where the day changes (the
 * entries after it carry that date as usual), as information; as a warning when the gap it makes is
 * long enough to suggest a typo. The fix writes the date, confirming the reading; it is never
 * applied by Fix All, since confirming is the writer's call.
 */
export const timelineNextDay: Rule = {
  code: 'timeline/next-day',
  defaultSeverity: 'info',
  description: 'A timeline time without a date that is more than 12 hours before the entry above is read as the next day (the clock crossed midnight): said on that entry, as a warning when the gap it makes is over 6 hours (a typo?) or when the next day\'s time has not happened yet (then it is the same day, out of order, or a typo); the fix writes the date, and is not applied by Fix All.',
  check({ doc, report, now }) {
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      const readings = nextDayReadings(entries);
      if (readings.length === 0) continue;
      const span = spanOf(entries);
      for (const reading of readings) {
        const { entry, previous, date } = reading;
        if (!entry.stampRange) continue;
        const written = writtenStamp(doc, entry);
        const future = futureOf(reading, now.getTime());
        const nextDayFix = { title: `Write the date: ${date} ${written} (the next day, as read)`, edits: [stampEdit(doc, entry, `${date} ${written}`)], isPreferred: false };
        report({
          range: entry.stampRange,
          ...(reading.suspect || future ? { severity: 'warning' as const } : {}),
          message: message(reading, written, previous ? aboveAsRead(writtenStamp(doc, previous), previous, entry) : undefined, span, future),
          ...(previous?.stampRange ? { related: [{ range: previous.stampRange, message: `The entry above: ${writtenStamp(doc, previous)}` }] } : {}),
          fixes: future
            ? [{ title: `Write the date: ${future.sameDay} ${written} (the day of the entry above)`, edits: [stampEdit(doc, entry, `${future.sameDay} ${written}`)], isPreferred: false }, nextDayFix]
            : [nextDayFix],
        });
      }
    }
  },
};

/**
 * A next-day reading that has not happened yet (São Paulo at 23:39 writing `00:30` under `23:50`:
 * 00:30 tomorrow is still ahead, trial12 T2): the time cannot be tomorrow's, so it is the same day
 * as the entry above (written out of order) or a typo. `sameDay`: the entry above's date in this entry's zone.
 */
function futureOf(reading: NextDayReading, nowMs: number): { aheadMs: number; sameDay: string } | undefined {
  const at = knownInstant(reading.entry);
  const before = reading.previous && knownInstant(reading.previous);
  if (at === undefined || before === undefined || !isFutureTime(at, nowMs)) return undefined;
  return { aheadMs: at - nowMs, sameDay: formatLocalDate(before, reading.entry.zone) };
}

/**
 * The entry above as this one compares with it: its stamp, and when it was written in another zone,
 * its clock in this entry's zone (`2026-12-06 07:50Z, 23:50 in America/Los_Angeles`) — the clock the
 * 12 hours are counted on, so "earlier in the day" and "later" never seem to contradict each other.
 */
function aboveAsRead(stamp: string, previous: TimelineEntry, entry: TimelineEntry): { stamp: string; there: string } {
  const at = knownInstant(previous);
  if (at === undefined || previous.zone === entry.zone) return { stamp, there: '' };
  const clock = clockIn(at, entry.zone);
  return { stamp, there: stamp.includes(clock) ? '' : `, ${clock} in ${zoneName(entry.zone)}` };
}

function message(reading: NextDayReading, written: string, above: { stamp: string; there: string } | undefined, span: number | undefined, future: { aheadMs: number; sameDay: string } | undefined): string {
  const { previous, gapMs, date } = reading;
  const after = previous && above !== undefined ? ` (${written} after ${above.stamp} on line ${previous.line + 1}${above.there}${gapMs !== undefined ? `, ${formatDurationMs(gapMs)} later` : ''})` : '';
  if (future) {
    return `Expected a date on a time of day earlier than the entry above's: read as the next day, ${date}${after}, it is ${formatDurationMs(future.aheadMs)} after now and has not happened yet; ` +
      `if it happened on ${future.sameDay}, before the entry above, write that date (${future.sameDay} ${written}), otherwise correct the time`;
  }
  const typo = reading.suspect
    ? `; a gap that long suggests a typo in the time${span !== undefined ? ` (with it the timeline spans ${formatDurationMs(span)})` : ''}`
    : '';
  return `Expected a date on a time of day earlier than the entry above's: read as the next day, ${date}${after}${typo}; write the date to confirm, or correct the time`;
}

/** From the earliest to the latest known time of the section. */
function spanOf(entries: Parameters<typeof nextDayReadings>[0]): number | undefined {
  let min: number | undefined;
  let max: number | undefined;
  for (const e of entries) {
    const t = knownInstant(e);
    if (t === undefined) continue;
    if (min === undefined || t < min) min = t;
    if (max === undefined || t > max) max = t;
  }
  return min !== undefined && max !== undefined ? max - min : undefined;
}
