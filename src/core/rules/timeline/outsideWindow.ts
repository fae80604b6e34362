import type { Rule } from '../../lint/rule';
import { frontMatterTimes } from '../time/frontMatterTimes';
import { entriesOf, formatStamp, timelineSections } from './shared';
import { knownInstant } from '../../timeline/knownInstant';

/**
 * Entries long before `started_at` or long after `resolved_at` (beyond `timelineMarginMinutes`,
 * default 24 hours). Context before an incident — the deploy or config change that triggered it —
 * and follow-ups after it are normal, so this is only information; it mostly catches a mistyped
 * date or month. Within the margin nothing is reported.
 */
export const timelineOutsideWindow: Rule = {
  code: 'timeline/outside-window',
  defaultSeverity: 'info',
  description: 'Timeline entries fall within the incident window (started_at … resolved_at, plus timelineMarginMinutes); others are often mistyped dates.',
  check({ doc, config, report }) {
    const times = frontMatterTimes(doc);
    const started = times.get('started_at');
    const resolved = times.get('resolved_at');
    if (!started && !resolved) return;
    const margin = Math.max(0, config.timelineMarginMinutes) * 60000;
    const hours = formatMargin(config.timelineMarginMinutes);
    for (const section of timelineSections(doc)) {
      for (const entry of entriesOf(doc, section)) {
        const instant = knownInstant(entry);
        if (instant === undefined || !entry.stampRange) continue;
        if (started && instant < started.parsed.ms - margin) {
          report({
            range: entry.stampRange,
            message: `Expected a time no more than ${hours} before \`started_at\` (${formatStamp(started.parsed.ms)}), found ${formatStamp(instant)}; if this is earlier context, ignore this, otherwise check the date`,
            related: [{ range: started.range, message: '`started_at`' }],
          });
        } else if (resolved && instant > resolved.parsed.ms + margin) {
          report({
            range: entry.stampRange,
            message: `Expected a time no more than ${hours} after \`resolved_at\` (${formatStamp(resolved.parsed.ms)}), found ${formatStamp(instant)}; if this is a follow-up, ignore this, otherwise check the date`,
            related: [{ range: resolved.range, message: '`resolved_at`' }],
          });
        }
      }
    }
  },
};

function formatMargin(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}
