import type { Rule } from '../../lint/rule';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterTimes, MILESTONE_KEYS, type FrontMatterTime } from './frontMatterTimes';

/**
 * `started_at ≤ detected_at ≤ mitigated_at ≤ resolved_at`, and `published_at` after the incident.
 * Each value is compared with the nearest earlier milestone that is present, so one wrong value gives
 * one diagnostic (on the later key, the earlier one as related). No fix: only a person knows which is wrong.
 */
export const timeOrder: Rule = {
  code: 'time/order',
  defaultSeverity: 'error',
  description: 'Incident times must be in order: started_at ≤ detected_at ≤ mitigated_at ≤ resolved_at ≤ published_at.',
  check({ doc, report }) {
    const times = frontMatterTimes(doc);
    let previous: FrontMatterTime | undefined;
    for (const key of MILESTONE_KEYS) {
      const time = times.get(key);
      if (!time) continue;
      if (previous && time.parsed.ms < previous.parsed.ms) reportPair(time, previous, 'at or after');
      previous = time;
    }
    const published = times.get('published_at');
    if (published && previous && published.parsed.ms < previous.parsed.ms) reportPair(published, previous, 'at or after');

    function reportPair(later: FrontMatterTime, earlier: FrontMatterTime, relation: string): void {
      report({
        range: later.range,
        message: `Expected \`${later.key}\` ${relation} \`${earlier.key}\` (${formatIsoUtc(earlier.parsed.ms)}), found ${formatIsoUtc(later.parsed.ms)}`,
        related: [{ range: earlier.range, message: `\`${earlier.key}\` is ${formatIsoUtc(earlier.parsed.ms)}` }],
      });
    }
  },
};
