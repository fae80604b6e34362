import type { Rule } from '../../lint/rule';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterTimes, TIME_KEYS } from './frontMatterTimes';

/** A day of slack: a writer's clock, or a review written just after midnight somewhere east. */
const FUTURE_SLACK_MS = 24 * 3_600_000;
/** Before this, an incident time is a typo (`0226` for `2026`) or a template's placeholder (`1900-01-01`). */
const EARLIEST_YEAR = 1970;

/**
 * An incident time in the future or before 1970 is almost always a mistyped year (`2027` in January,
 * `0226`) or a template's placeholder: it puts the incident in the wrong period of every report and
 * makes durations absurd, and nothing else notices. A warning, no fix: only the writer knows the year.
 */
export const timeImplausible: Rule = {
  code: 'time/implausible',
  defaultSeverity: 'warning',
  description: 'Front-matter incident times must not be in the future or before 1970 (a mistyped year or a placeholder date).',
  check({ doc, now, report }) {
    const times = frontMatterTimes(doc);
    for (const key of TIME_KEYS) {
      const time = times.get(key);
      if (!time) continue;
      const year = new Date(time.parsed.ms).getUTCFullYear();
      if (time.parsed.ms > now.getTime() + FUTURE_SLACK_MS) {
        report({ range: time.range, message: `Expected \`${key}\` not in the future, found ${formatIsoUtc(time.parsed.ms)} (now is ${formatIsoUtc(now.getTime())}): is the year right?` });
      } else if (year < EARLIEST_YEAR) {
        report({ range: time.range, message: `Expected \`${key}\` after ${EARLIEST_YEAR}, found ${formatIsoUtc(time.parsed.ms)}: is the year right, or is it a template's placeholder date?` });
      }
    }
  },
};
