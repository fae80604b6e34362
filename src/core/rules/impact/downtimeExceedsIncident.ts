import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterTimes } from '../time/frontMatterTimes';
import { describeMinutes } from '../../time/minutesWords';

/**
 * `impact.downtime_minutes: 600` in an incident whose `started_at` and `resolved_at` are 1 h 40 min
 * apart went to leadership with no word (trial 15a F6): downtime (full or partial) happens between
 * the start and the resolution, so it cannot be longer. A minute is allowed for rounding. Times out
 * of order are time/order's; a value that is not a number is the schema's. No fix: only the team
 * knows whether the minutes or a time is wrong.
 */
export const impactDowntimeExceedsIncident: Rule = {
  code: 'impact/downtime-exceeds-incident',
  defaultSeverity: 'warning',
  description: '`impact.downtime_minutes` is not longer than the incident: `resolved_at` − `started_at`.',
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm || isYamlBroken(fm)) return;
    const impact = doc.meta.impact;
    if (!impact || typeof impact !== 'object' || Array.isArray(impact)) return;
    const downtime = (impact as Record<string, unknown>).downtime_minutes;
    if (typeof downtime !== 'number' || !Number.isFinite(downtime)) return;
    const times = frontMatterTimes(doc);
    const started = times.get('started_at');
    const resolved = times.get('resolved_at');
    if (!started || !resolved || resolved.parsed.ms < started.parsed.ms) return;
    const spanMinutes = (resolved.parsed.ms - started.parsed.ms) / 60_000;
    if (downtime <= Math.ceil(spanMinutes) + 1) return;
    const range = yamlNodeRange(fm, doc.lines, nodeAtPath(fm, ['impact', 'downtime_minutes']).value);
    if (!range) return;
    report({
      range,
      message: `Expected \`impact.downtime_minutes\` at most the incident's length, ${describeMinutes(spanMinutes)} from \`started_at\` (${formatIsoUtc(started.parsed.ms)}) to \`resolved_at\` (${formatIsoUtc(resolved.parsed.ms)}), found ${downtime} minutes (${describeMinutes(downtime)}): downtime happens between the start and the resolution, so the minutes or one of the two times is wrong`,
      related: [
        { range: started.range, message: `\`started_at\` is ${formatIsoUtc(started.parsed.ms)}` },
        { range: resolved.range, message: `\`resolved_at\` is ${formatIsoUtc(resolved.parsed.ms)}` },
      ],
    });
  },
};
