import { formatDuration } from '../../time/duration';
import { AMBIGUOUS_ABBREVIATIONS, type ZoneReading } from '../../time/zoneMarker';
import { sameZone } from '../../time/zoneNames';
import { offsetAtInstant, ZONE_ABBREVIATIONS } from '../../time/zones';
import type { ConvertLog } from './model';

/**
 * `14:05 CST` in an original is read as US Central time (`CST` is UTC−6 in the zone table), `BST`
 * as British summer time, `IST` as India's: the usual meanings. Written in Shanghai, Dhaka or Dublin
 * the times come out hours off. Said once per abbreviation, as a warning (exit 1), as lint's
 * timeline/ambiguous-zone says it on an entry: the meaning taken, the others and how far apart
 * they put the times, and the writer's own zone when it is one of the others' regions.
 */
export function sayAbbreviationReading(zone: string, line: number, writerZone: string | undefined, log: ConvertLog): void {
  const upper = zone.trim().toUpperCase();
  const readings = AMBIGUOUS_ABBREVIATIONS[upper];
  const offset = ZONE_ABBREVIATIONS[upper];
  if (!readings || offset === undefined) return;
  const taken = readings.find((r) => fixedOffset(r) === offset);
  if (!taken) return;
  const others = readings.filter((r) => r !== taken);
  const yours = writerZone ? others.find((r) => r.regions.some((region) => sameZone(writerZone, region))) : undefined;
  const named = others.map((r, i) => `as ${r.label} ${i === 0 ? 'they would be ' : ''}${apart(offset, r)}`);
  const hint = yours ? ` (your zone, ${writerZone}, is ${yours.label}'s)` : '';
  log.flagOnce('ambiguous-zone',
    line,
    `"${upper}" has several meanings: its times were read as ${taken.label}, its usual meaning; ${named.join(', ')}${hint} — if another is meant, write its offset on the original's times (such as "14:05 UTC${fixedText(others[0])}") and convert again`,
    'warning',
    upper);
}

/** "14 hours earlier": where the other meaning puts the same clock. */
function apart(taken: number, other: ZoneReading): string {
  const o = fixedOffset(other);
  if (o === undefined || o === taken) return 'elsewhere';
  return `${formatDuration(Math.abs(o - taken))} ${o > taken ? 'earlier' : 'later'}`;
}

function fixedOffset(r: ZoneReading): number | undefined {
  return /^[+-]\d\d:\d\d$/.test(r.zone) ? offsetAtInstant(r.zone, 0) : undefined;
}

function fixedText(r: ZoneReading | undefined): string {
  return r && /^[+-]\d\d:\d\d$/.test(r.zone) ? r.zone : '+00:00';
}
