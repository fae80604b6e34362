import type { TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { entriesOf, formatStamp, lineLabel, timelineSections } from './shared';

/**
 * An entry earlier than the entry before it. Usually a typo in the time or the date, sometimes a
 * late addition put in the wrong place; only a person can tell which, so there is no fix.
 * Entries whose time cannot be read are skipped (timeline/unparseable reports them).
 */
export const timelineOutOfOrder: Rule = {
  code: 'timeline/out-of-order',
  defaultSeverity: 'warning',
  description: 'Timeline entries are in chronological order: each at or after the one before.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      let previous: TimelineEntry | undefined;
      for (const entry of entriesOf(doc, section)) {
        if (entry.instant === undefined || !entry.stampRange) continue;
        if (previous && entry.instant < previous.instant!) {
          report({
            range: entry.stampRange,
            message: `Expected a time at or after ${formatStamp(previous.instant!)} (the entry on ${lineLabel(previous)}), found ${formatStamp(entry.instant)}`,
            related: [{ range: previous.stampRange!, message: `Previous entry: ${formatStamp(previous.instant!)}` }],
          });
        }
        // Compare neighbours, not the latest time so far: one mistyped time is one diagnostic.
        previous = entry;
      }
    }
  },
};
