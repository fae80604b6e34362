import type { RuleContext } from '../../lint/rule';
import type { PostmortemDocument } from '../../document/model';
import { knownInstant } from '../../timeline/knownInstant';
import { instantProblem, parseInstant, parseOneInstant } from '../../time/instant';
import { misspeltZoneKey } from '../frontMatter/misspeltKey';
import { MARKER_OF, markedEntries } from './timeFromTimeline';
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
 *
 * A value without a zone is also weighed against the document's own evidence (trial18c F11): when
 * a misspelt `timzone:` names a zone the default UTC is not, or when the timeline's entry marked
 * with this milestone agrees with another reading (UTC, your zone) and not with the document's
 * zone, both readings are offered, neither preferred, and `said` (appended to the message) names them.
 */
export function frontMatterTimeFixes(ctx: Pick<RuleContext, 'doc' | 'writerZone'>, value: unknown, range: Range, key?: string): { fixes: Fix[]; said?: string } {
  const { doc } = ctx;
  const parsed = parseInstant(value, doc.timezone);
  if (!parsed) return { fixes: [] };
  const iso = formatIsoUtc(parsed.ms);
  if (parsed.zone !== undefined) {
    // `2026-12-06 23:30 BST` in a London review: the name or London's clock then (GMT)? Both offered, neither preferred.
    const season = outOfSeason(parsed.zone, parsed.ms, { documentZone: doc.timezone });
    const clock = season && parsed.ms + (season.readAs - season.inForce) * 60000;
    if (season && clock !== undefined && zoneOffsetMinutes(season.region, clock) === season.inForce) {
      return { fixes: [
        { title: `Write as ${iso} (converted from ${season.abbreviation} as written, ${utcOffset(season.readAs)}; ${notInForce(season)})`, edits: [{ range, newText: iso }], isPreferred: false },
        { title: `Write as ${formatIsoUtc(clock)} (${season.region}'s clock then, ${clockInForce(season)})`, edits: [{ range, newText: formatIsoUtc(clock) }], isPreferred: false },
      ] };
    }
    return { fixes: [{ title: `Write as ${iso} (${isUtcZone(parsed.zone) ? 'UTC' : `converted from ${parsed.zone}`}, as written)`, edits: [{ range, newText: iso }], isPreferred: true }] };
  }
  const declared = typeof doc.meta.timezone === 'string';
  const why = declared ? "the front matter's timezone" : 'the default timezone';
  const shown = `${key ? `${key}'s ` : ''}${String(value).trim()} (no zone)`;
  const documentZone: Fix = {
    title: `Write as ${iso} (read as ${doc.timezone}, ${why})`,
    edits: [{ range, newText: iso }],
    isPreferred: true,
    readsZone: { zone: doc.timezone, said: `read ${shown} as ${doc.timezone}, ${why}: ${iso}` },
  };
  const readingIn = (zone: string, because: string): Fix | undefined => {
    const other = parseOneInstant(value, zone);
    if (!other || Math.abs(other.ms - parsed.ms) < 60000) return undefined;
    const otherIso = formatIsoUtc(other.ms);
    return { title: `Write as ${otherIso} (read as ${zone}, ${because})`, edits: [{ range, newText: otherIso }], readsZone: { zone, said: `read ${shown} as ${zone}, ${because}: ${otherIso}` } };
  };
  // `timzone: Asia/Kathmandu`: the zone is not used until the key is renamed; which reading is meant is not known yet.
  const misspelt = misspeltZoneKey(doc);
  const named = misspelt && readingIn(misspelt.zone, `which the misspelt \`${misspelt.key}:\` names`);
  if (misspelt && named) {
    return {
      fixes: [{ ...documentZone, isPreferred: false }, named],
      said: `; read as ${doc.timezone} (${why}) it is ${iso}, read as ${misspelt.zone}, which the misspelt \`${misspelt.key}:\` names, ${formatIsoUtc(parseInstant(value, misspelt.zone)!.ms)}: rename the key first (not converted by fix-all until then)`,
    };
  }
  // The timeline's entry for this milestone, read as the document reads it: the evidence of which reading is meant.
  const evidence = key ? markedEntry(doc, key) : undefined;
  if (evidence && Math.abs(evidence.instant - parsed.ms) >= 60000) {
    const writer = ctx.writerZone && canonicalZone(ctx.writerZone);
    const others: [string, string][] = [['UTC', 'as UTC']];
    if (writer) others.push([writer, 'your time zone']);
    for (const [zone, because] of others) {
      if (zone === doc.timezone || (isUtcZone(zone) && isUtcZone(doc.timezone))) continue;
      const other = parseOneInstant(value, zone);
      if (!other || Math.abs(other.ms - evidence.instant) >= 60000) continue;
      const otherIso = formatIsoUtc(other.ms);
      const reading = isUtcZone(zone) ? 'read as UTC' : `read as ${zone}, ${because}`;
      return {
        fixes: [
          { title: `Write as ${otherIso} (${reading}, as the [${evidence.milestone}] entry on line ${evidence.line + 1} says)`, edits: [{ range, newText: otherIso }], readsZone: { zone, said: `read ${shown} as ${zone}: ${otherIso}` } },
          { ...documentZone, isPreferred: false },
        ],
        said: `; read as ${doc.timezone} (${why}) it is ${iso}, but the [${evidence.milestone}] entry on line ${evidence.line + 1} is at ${otherIso}, which is this value ${reading}: say which is meant (not converted by fix-all)`,
      };
    }
  }
  const writer = ctx.writerZone && canonicalZone(ctx.writerZone);
  if (!writer || !isUtcZone(doc.timezone) || instantProblem(value, writer)) return { fixes: [documentZone] };
  const local = parseInstant(value, writer);
  if (!local || zoneOffsetMinutes(writer, local.ms) === 0) return { fixes: [documentZone] };
  const localIso = formatIsoUtc(local.ms);
  return { fixes: [
    { ...documentZone, isPreferred: false },
    { title: `Write as ${localIso} (read as ${writer}, your time zone)`, edits: [{ range, newText: localIso }], readsZone: { zone: writer, said: `read ${shown} as ${writer}, your time zone: ${localIso}` } },
  ] };
}

/** The first timeline entry marked with `key`'s milestone that has a time to compare (the template's example is none). */
function markedEntry(doc: PostmortemDocument, key: string): { milestone: string; line: number; instant: number } | undefined {
  const milestone = MARKER_OF[key];
  if (!milestone) return undefined;
  for (const entry of markedEntries(doc, milestone)) {
    const instant = knownInstant(entry);
    if (instant !== undefined) return { milestone, line: entry.line, instant };
  }
  return undefined;
}
