import type { Rule } from '../../lint/rule';
import { clockInForce, gmtOutOfSeason } from '../../time/outOfSeason';
import type { Fix } from '../../types';
import { clockReading, ReadingFixes } from './readingFix';
import { entriesOf, formatEntryStamp, timelineSections } from './shared';

/**
 * `10:00 GMT` in a London review dated July, when UK clocks showed BST: GMT is UTC, and the time is
 * read so — nothing is wrong with it, and logs and headers write GMT for UTC all year. But a
 * Londoner may have written GMT for the clock on the wall, an hour later than read. A note (info,
 * never failing a build), only when the document's own zone was off UTC+0 then; both readings are
 * offered as fixes, none applied unseen: `Z` keeps the time read, the clock's reading moves it.
 */
export const timelineGmtInSummer: Rule = {
  code: 'timeline/gmt-in-summer',
  defaultSeverity: 'info',
  description: 'A time written in GMT on a date when the front matter\'s own `timezone` was not on UTC+0 (`10:00 GMT` in a London July, when clocks showed BST): read as UTC, as written, and said, since the clock on the wall may have been meant; fixes write either reading in UTC.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      const raws = section.rawTimeline ?? [];
      if (raws.length !== entries.length) continue;
      const choices = new ReadingFixes(doc, section, entries);
      for (const [index, entry] of entries.entries()) {
        if (entry.instant === undefined || !entry.stampRange || entry.localTimeIssue) continue;
        const stamp = raws[index].parsed.stamp;
        // The reader files GMT under UTC: the written stamp tells them apart.
        if (!stamp || stamp.zone !== 'UTC' || !WRITTEN_GMT.test(raws[index].text.slice(stamp.start, stamp.end))) continue;
        const season = gmtOutOfSeason(entry.instant, doc.timezone);
        const clock = season && clockReading(season, entry);
        if (!season || !clock) continue;
        const asWritten = { instant: entry.instant, ...(entry.rangeEndInstant !== undefined ? { rangeEndInstant: entry.rangeEndInstant } : {}) };
        const found = doc.lines.lineText(entry.line).slice(entry.stampRange.start.character, entry.stampRange.end.character);
        const fixes = [
          choices.fix(index, asWritten, 'GMT as UTC, as read'),
          choices.fix(index, clock, `${season.region}'s clock then, ${clockInForce(season)}`),
        ].filter((f): f is Fix => f !== undefined);
        report({
          range: entry.stampRange,
          message: `Expected Z or the zone of the clock meant, found ${found}: GMT is read as UTC (${formatEntryStamp(asWritten, undefined, true)}), but on ${season.localDate} clocks in ${season.region} showed ${clockInForce(season)}; if their time was meant, it is ${formatEntryStamp(clock, undefined, true)}`,
          fixes,
        });
      }
    }
  },
};

/** A stamp ending in GMT (`10:00 GMT`, `10:00-10:30 (GMT)`), not GMT with an offset (`GMT+1` is read as written). */
const WRITTEN_GMT = /[^A-Za-z]\(?GMT\)?$/i;
