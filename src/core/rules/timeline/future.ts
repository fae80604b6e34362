import type { Rule } from '../../lint/rule';
import { knownInstant } from '../../timeline/knownInstant';
import { futureTimeNote, isFutureTime } from '../../time/plausibleTime';
import { entriesOf, formatStamp, timelineSections } from './shared';

/**
 * A timeline entry that has not happened yet (past a few minutes of clock skew, the rule lint's
 * time/implausible applies to the front matter): a mistyped day, a local time read as UTC, or a date
 * carried from an entry read on the next day. The first such entry of a section is reported with the
 * likeliest cause and how many more follow (a whole timeline read in the wrong zone is one mistake,
 * not fifty); an entry timeline/next-day already reports as after now is left to it. A warning, no
 * fix: only the writer knows the time (trial12 T2: São Paulo at 23:39, `01:05 [resolved]` tomorrow).
 */
export const timelineFuture: Rule = {
  code: 'timeline/future',
  defaultSeverity: 'warning',
  description: 'Timeline entries must have happened: an entry after now (past a few minutes of clock skew) is a mistyped day, a local time read as UTC, or a date carried from an entry read on the next day; the first of a section is reported, with how many more follow.',
  check({ doc, now, report, writerZone }) {
    const nowMs = now.getTime();
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      let first: (typeof entries)[number] | undefined;
      let more = 0;
      // The entry that put the timeline on the next day, for the entries that carry its date.
      let turnLine: number | undefined;
      let firstTurn: number | undefined;
      for (const entry of entries) {
        if (entry.nextDay) turnLine = entry.line;
        const at = knownInstant(entry);
        if (at === undefined || !isFutureTime(at, nowMs)) continue;
        // timeline/next-day says it on the entry read on the next day.
        if (entry.nextDay) continue;
        if (first) more++;
        else {
          first = entry;
          firstTurn = entry.dateInherited ? turnLine : undefined;
        }
      }
      if (!first?.stampRange) continue;
      const at = knownInstant(first)!;
      const note = futureTimeNote(at, nowMs, { zoneless: !first.zoneWritten, readIn: first.zone, ...(writerZone ? { writerZone } : {}) });
      const cause = firstTurn !== undefined
        ? `Its date is carried from line ${firstTurn + 1}, read as the next day (timeline/next-day): if that entry was the same day, write its date`
        : note.cause;
      report({
        range: first.stampRange,
        message: `Expected a time that has happened, found ${formatStamp(at)}, ${note.fact}${more ? ` (and ${more} more ${more === 1 ? 'entry' : 'entries'} after it)` : ''}. ${cause}`,
      });
    }
  },
};
