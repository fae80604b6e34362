import { formatDuration } from './duration';
import { formatUtcTime, isUtcZone, zoneOffsetMinutes } from './zones';
import { canonicalZone } from './writerZone';

/**
 * Front-matter times written without a zone (`started_at: 2026-12-05 21:35`) that were read as UTC
 * because the file says `timezone: UTC` (`stated`) or says no `timezone:` at all (UTC by default).
 * Kept by the summary reader so that reports built on those times can say they rest on a reading.
 */
export interface ZonelessTimes {
  /** The front-matter keys, in the order of the milestones: `started_at`, `resolved_at`, … */
  readonly keys: readonly string[];
  /** True when the file says `timezone: UTC` (or Etc/UTC, GMT…); false when it has no `timezone:`. */
  readonly stated: boolean;
  /** The first of them as read (UTC), for the example in the note. */
  readonly firstMs: number;
}

/**
 * What to tell the person when times read as UTC may be their local times: the same question
 * `timeline/utc-or-local` and `schema/format` ask in lint, asked where numbers are built on the
 * reading (metrics, list). Undefined when there is nothing to say: no zone-less time, no writer's
 * zone, a writer in UTC, or a writer's zone that is UTC at that date (London in winter).
 */
export function readAsUtcNote(times: ZonelessTimes | undefined, writerZone: string | undefined): string | undefined {
  if (!times || times.keys.length === 0 || !writerZone) return undefined;
  const zone = canonicalZone(writerZone);
  if (!zone || isUtcZone(zone)) return undefined;
  const offset = zoneOffsetMinutes(zone, times.firstMs);
  if (!offset) return undefined;
  const n = times.keys.length;
  const keys = n === 1 ? times.keys[0] : `${times.keys.slice(0, -1).join(', ')} and ${times.keys[n - 1]}`;
  const why = times.stated ? `\`timezone: UTC\` reads ${n === 1 ? 'it' : 'them'}` : `with no \`timezone:\` ${n === 1 ? 'it is' : 'they are'} read`;
  const local = formatUtcTime(times.firstMs - offset * 60_000);
  return `${keys} ${n === 1 ? 'has' : 'have'} no zone, so ${why} as UTC, while you write in ${zone}: ` +
    `${times.keys[0]} is ${formatUtcTime(times.firstMs)}Z if UTC, ${local}Z if ${zone} (${formatDuration(Math.abs(offset))} apart). ` +
    'Add Z to the times, or set `timezone:` (postmortem lint offers both)';
}
