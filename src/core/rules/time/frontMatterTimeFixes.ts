import type { RuleContext } from '../../lint/rule';
import { instantProblem, parseInstant } from '../../time/instant';
import { canonicalZone } from '../../time/writerZone';
import { formatIsoUtc, isUtcZone, zoneOffsetMinutes } from '../../time/zones';
import type { Fix, Range } from '../../types';

/**
 * Fixes for a front-matter time that is not an ISO date-time in UTC (`2026-11-20 14:09`,
 * `2026-11-20T14:09`, `2026-11-20 14:09 PST`). Each title names the zone the value was read in:
 * the zone written on it, else the front matter's `timezone` (UTC by default). When the writer's
 * zone differs from a UTC `timezone`, reading the value as the writer's local time is offered too,
 * and neither is preferred: which one is right only the writer knows (fix-all applies neither).
 */
export function frontMatterTimeFixes(ctx: Pick<RuleContext, 'doc' | 'writerZone'>, value: unknown, range: Range): Fix[] {
  const { doc } = ctx;
  const parsed = parseInstant(value, doc.timezone);
  if (!parsed) return [];
  const iso = formatIsoUtc(parsed.ms);
  if (parsed.zone !== undefined) {
    return [{ title: `Write as ${iso} (${isUtcZone(parsed.zone) ? 'UTC' : `converted from ${parsed.zone}`}, as written)`, edits: [{ range, newText: iso }], isPreferred: true }];
  }
  const declared = typeof doc.meta.timezone === 'string';
  const documentZone: Fix = {
    title: `Write as ${iso} (read as ${doc.timezone}, ${declared ? "the front matter's timezone" : 'the default timezone'})`,
    edits: [{ range, newText: iso }],
    isPreferred: true,
  };
  const writer = ctx.writerZone && canonicalZone(ctx.writerZone);
  if (!writer || !isUtcZone(doc.timezone) || instantProblem(value, writer)) return [documentZone];
  const local = parseInstant(value, writer);
  if (!local || zoneOffsetMinutes(writer, local.ms) === 0) return [documentZone];
  const localIso = formatIsoUtc(local.ms);
  return [
    { ...documentZone, isPreferred: false },
    { title: `Write as ${localIso} (read as ${writer}, your time zone)`, edits: [{ range, newText: localIso }] },
  ];
}
