import type { Rule } from '../../lint/rule';
import { formatDurationMs } from '../../time/duration';
import { carriedReadings, dayOfEntryAbove, type CarriedReading } from './carriedReading';
import { writtenStamp } from './nextDayReading';
import { stampEdit } from './stampRewrite';
import { entriesOf, timelineSections } from './shared';

/**
 * A time without a date takes the day of the entry above as it is in the zone the time is read in:
 * after `2026-12-06 05:52Z` (21:52 on the 5th in Los Angeles), a Los Angeles `22:15` is on the 5th,
 * 23 minutes later. The date written on that entry (the 6th, a UTC date) would put it a day later;
 * a pasted or imported UTC line among local ones is how that happens (trial 11, T11). The reading is
 * stated on the entry, as information; as a warning when it puts the time before the entry above or
 * more than 12 hours after it, where the other day may be the one meant. The fix writes the date as
 * read; Fix All applies it only when the reading is not in doubt, and `lint --fix` says what it wrote.
 */
export const timelineCarriedDate: Rule = {
  code: 'timeline/carried-date',
  defaultSeverity: 'info',
  description: 'A timeline time without a date, after an entry written in another zone, is read on the day that entry has in the time\'s own zone, not on the date written on it (`22:15` in Los Angeles after `2026-12-06 05:52Z` is on 2026-12-05): said when the two give different days, as a warning when the reading puts the time before the entry above or over 12 hours after it; the fix writes the date, applied by Fix All only when not a warning.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      for (const reading of carriedReadings(entries)) {
        const { entry, previous, date } = reading;
        if (!entry.stampRange) continue;
        const written = writtenStamp(doc, entry);
        const day = dayOfEntryAbove(doc, reading);
        report({
          range: entry.stampRange,
          ...(reading.suspect ? { severity: 'warning' as const } : {}),
          message: message(reading, day),
          ...(previous?.stampRange ? { related: [{ range: previous.stampRange, message: `The entry above: ${writtenStamp(doc, previous)}` }] } : {}),
          fixes: [{
            title: `Write the date: ${date} ${written} (${day}, as read)`,
            edits: [stampEdit(doc, entry, `${date} ${written}`)],
            isPreferred: !reading.suspect,
            note: `wrote ${date} on ${written} (line ${entry.line + 1}): ${day}, not ${reading.asWritten}, which the date written there gives`,
          }],
        });
      }
    }
  },
};

function message(reading: CarriedReading, day: string): string {
  const { gapMs, asWrittenGapMs, asWritten, date } = reading;
  const doubt = gapMs === undefined ? '' : gapMs < 0 ? '; read so, it comes before the entry above: check which day it is' : reading.suspect ? '; a gap that long leaves the day in doubt' : '';
  return `Expected a date on a time after an entry written in another zone: read on ${date}, ${day}${relative(gapMs)}; the date written there would put it on ${asWritten}${relative(asWrittenGapMs)}${doubt}; write the date to confirm, or correct the time`;
}

/** ", 23 minutes after it" / ", 2 hours before it". */
function relative(gapMs: number | undefined): string {
  if (gapMs === undefined) return '';
  return gapMs >= 0 ? `, ${formatDurationMs(gapMs)} after it` : `, ${formatDurationMs(-gapMs)} before it`;
}
