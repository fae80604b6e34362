import { formatDurationMs } from './duration';
import { canonicalZone } from './writerZone';
import { formatIsoUtc, isUtcZone, zoneOffsetMinutes } from './zones';

/**
 * How far past now an incident time may be and still count as having happened: two machines'
 * clocks, or a writer rounding to the quarter hour. Anything later has not happened yet — a
 * mistyped year, a local time read as UTC, or a time put on the next day — and a duration or an
 * MTTR built on it is wrong (trial12 T2: 2 h ahead went by without a word, 30 h ahead got "is the year right?").
 */
export const FUTURE_TOLERANCE_MS = 15 * 60_000;

/**
 * The end of 1970-01-01 in every zone (UTC+14 is the earliest to leave it). A time on the Unix
 * epoch's day or before is the usual "unset" value of a time field (0, read in any zone) or a
 * template's placeholder (`1900-01-01`), not when an incident happened (trial12 T9).
 */
const EPOCH_DAY_END_MS = (24 + 12) * 3_600_000;

/** From this far ahead, the likeliest slip is the year, not the zone or the day. */
const YEAR_SLIP_FROM_MS = 60 * 24 * 3_600_000;

/** True for a time on the Unix epoch's day (in any zone) or earlier: a placeholder, not an incident time. */
export function isPlaceholderTime(ms: number): boolean {
  return ms < EPOCH_DAY_END_MS;
}

/** True for a time that has not happened yet at `nowMs` (past the clock-skew tolerance). */
export function isFutureTime(ms: number, nowMs: number): boolean {
  return ms > nowMs + FUTURE_TOLERANCE_MS;
}

/** Why a placeholder time is one, for a message after the value: `… is the Unix epoch (time 0), …`. */
export function placeholderReason(ms: number): string {
  if (ms === 0) return 'is the Unix epoch (time 0), the usual value of a time that was never set';
  // 1970-01-01 in a zone east of UTC starts up to 14 hours before time 0.
  if (ms > -14 * 3_600_000) return 'is on the Unix epoch\'s day (1970-01-01), the usual value of a time that was never set';
  return 'is before 1970: a template\'s placeholder or a mistyped year';
}

/** How the time was read, for the hint: whether it named a zone, the zone its clock time was read in, the writer's zone. */
export interface TimeReading {
  /** True when the value named no zone, so its clock time was read in `readIn`. */
  readonly zoneless: boolean;
  /** The zone a zone-less value was read in: the document's `timezone:`, else UTC. */
  readonly readIn: string;
  /** The writer's zone (TZ, the editor's), when known. */
  readonly writerZone?: string;
}

/**
 * What a time after now says — `fact`: `2 hours 5 minutes after now (2026-12-07T02:39:00Z): it has
 * not happened yet` — and its likeliest `cause`, as a sentence: `It names no zone and was read as
 * UTC; as a time in Asia/Tokyo (your zone) it is …`.
 */
export function futureTimeNote(ms: number, nowMs: number, reading: TimeReading): { readonly fact: string; readonly cause: string } {
  return { fact: `${formatDurationMs(ms - nowMs)} after now (${formatIsoUtc(nowMs)}): it has not happened yet`, cause: futureCause(ms, nowMs, reading) };
}

function futureCause(ms: number, nowMs: number, reading: TimeReading): string {
  if (ms - nowMs >= YEAR_SLIP_FROM_MS) return 'Is the year right?';
  if (reading.zoneless) {
    const writer = reading.writerZone ? canonicalZone(reading.writerZone) : undefined;
    // A clock time in the writer's zone read as UTC lands their offset later: Tokyo's 10:00 is 01:00Z.
    if (isUtcZone(reading.readIn) && writer && !isUtcZone(writer)) {
      const offset = zoneOffsetMinutes(writer, ms) ?? 0;
      const local = ms - offset * 60_000;
      if (offset > 0 && !isFutureTime(local, nowMs)) {
        return `It names no zone and was read as UTC; as a time in ${writer} (your zone) it is ${formatIsoUtc(local)}, which has happened — if that is what it means, write ${formatIsoUtc(local)}`;
      }
    }
    // A UTC clock time read in the document's zone west of UTC lands that offset later: 04:05Z read in São Paulo is 07:05Z.
    if (!isUtcZone(reading.readIn)) {
      const offset = zoneOffsetMinutes(reading.readIn, ms) ?? 0;
      const asUtc = ms + offset * 60_000;
      if (offset < 0 && !isFutureTime(asUtc, nowMs)) {
        return `It names no zone and was read in ${reading.readIn} (the front matter's \`timezone:\`); if it is a UTC time it is ${formatIsoUtc(asUtc)} — if so, write it with Z`;
      }
      return `It was read in ${reading.readIn} (the front matter's \`timezone:\`): is the date right, or the zone?`;
    }
  }
  return 'Is the date right?';
}
