import type { TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { entriesOf, formatStamp, lineLabel, timelineSections } from './shared';
import { knownInstant } from '../../timeline/knownInstant';

/**
 * An entry earlier than the entry before it. Usually a typo in the time or the date, sometimes a
 * late addition put in the wrong place; only a person can tell which, so there is no fix.
 * Entries whose time cannot be read are skipped (timeline/unparseable reports them), and so are
 * local times a DST change skips or repeats (timeline/ambiguous-time reports them).
 */
export const timelineOutOfOrder: Rule = {
  code: 'timeline/out-of-order',
  defaultSeverity: 'warning',
  description: 'Timeline entries are in chronological order: each at or after the one before.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      let previous: { entry: TimelineEntry; instant: number } | undefined;
      for (const entry of entriesOf(doc, section)) {
        // A time a DST change skips or repeats has no single instant (timeline/ambiguous-time): not compared.
        const instant = knownInstant(entry);
        if (instant === undefined || !entry.stampRange) continue;
        if (previous && instant < previous.instant) {
          report({
            range: entry.stampRange,
            message: `Expected a time at or after ${formatStamp(previous.instant)} (the entry on ${lineLabel(previous.entry)}), found ${formatStamp(instant)}`,
            related: [{ range: previous.entry.stampRange!, message: `Previous entry: ${formatStamp(previous.instant)}` }],
          });
        }
        // Compare neighbours, not the latest time so far: one mistyped time is one diagnostic.
        previous = { entry, instant };
      }
    }
  },
};
