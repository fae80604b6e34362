import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { knownInstant } from '../../timeline/knownInstant';
import { futureTimeNote, isFutureTime, isPlaceholderTime, placeholderReason } from '../../time/plausibleTime';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterTimes, TIME_KEYS } from './frontMatterTimes';

/**
 * An incident time that has not happened yet (past a few minutes of clock skew) or that is the Unix
 * epoch's day or earlier is a mistyped year or day, a local time read as UTC, or a placeholder
 * (`1970-01-01T00:00:00Z`, the value of a time never set): it puts the incident in the wrong period
 * of every report and makes durations absurd. `postmortem list`, the metrics, the views and the
 * status bar leave such a time out and say so (time/plausibleTime.ts, one rule for all). A warning,
 * no fix: only the writer knows the time; the message names the likeliest slip (the zone it was read in).
 */
export const timeImplausible: Rule = {
  code: 'time/implausible',
  defaultSeverity: 'warning',
  description: 'Front-matter incident times must have happened (not after now, past a few minutes of clock skew) and must not be the Unix epoch\'s day or earlier (a placeholder or a mistyped year).',
  check({ doc, now, report, writerZone }) {
    const times = frontMatterTimes(doc);
    for (const key of TIME_KEYS) {
      const time = times.get(key);
      if (!time) continue;
      const { ms } = time.parsed;
      if (isFutureTime(ms, now.getTime())) {
        const note = futureTimeNote(ms, now.getTime(), { zoneless: time.parsed.zone === undefined, readIn: doc.timezone, ...(writerZone ? { writerZone } : {}) });
        const fromTimeline = nextDayOrigin(doc, key, ms);
        report({ range: time.range, message: `Expected \`${key}\` not after now, found ${formatIsoUtc(ms)}, ${note.fact}. ${fromTimeline ?? note.cause}` });
      } else if (isPlaceholderTime(ms)) {
        report({ range: time.range, message: `Expected \`${key}\` to be when it happened, found ${formatIsoUtc(ms)}, which ${placeholderReason(ms)}` });
      }
    }
  },
};

/**
 * When the time is the timeline's marked entry's, and the timeline put that entry (or one above it)
 * on the next day: the likeliest cause, named (trial12 T2: `00:30 [mitigated]` under `23:50`, written
 * at 23:39 in São Paulo, read as tomorrow's 00:30 and copied into the front matter).
 */
function nextDayOrigin(doc: PostmortemDocument, key: string, ms: number): string | undefined {
  const marker = key.replace(/_at$/, '');
  const entry = doc.timeline.find((e) => e.milestones.includes(marker) && knownInstant(e) === ms);
  if (!entry) return undefined;
  const turn = doc.timeline.find((e) => e.nextDay !== undefined && e.line <= entry.line);
  if (!turn) return undefined;
  return `It is the time of the timeline's [${marker}] entry (line ${entry.line + 1}), which is on the next day as read from line ${turn.line + 1} (timeline/next-day): if it was the same day, write that entry's date`;
}
