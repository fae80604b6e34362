import type { RuleContext } from '../../lint/rule';
import { instantProblem, parseInstant } from '../../time/instant';
import { canonicalZone } from '../../time/writerZone';
import { clockInForce, notInForce, outOfSeason } from '../../time/outOfSeason';
import { formatIsoUtc, isUtcZone, utcOffset, zoneOffsetMinutes } from '../../time/zones';
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
    // `2026-12-06 23:30 BST` in a London review: the name or London's clock then (GMT)? Both offered, neither preferred.
    const season = outOfSeason(parsed.zone, parsed.ms, { documentZone: doc.timezone });
    const clock = season && parsed.ms + (season.readAs - season.inForce) * 60000;
    if (season && clock !== undefined && zoneOffsetMinutes(season.region, clock) === season.inForce) {
      return [
        { title: `Write as ${iso} (converted from ${season.abbreviation} as written, ${utcOffset(season.readAs)}; ${notInForce(season)})`, edits: [{ range, newText: iso }], isPreferred: false },
        { title: `Write as ${formatIsoUtc(clock)} (${season.region}'s clock then, ${clockInForce(season)})`, edits: [{ range, newText: formatIsoUtc(clock) }], isPreferred: false },
      ];
    }
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
