import { seasonsOf } from '../../time/abbreviationSeasons';
import { formatUtcTime, localTimeIssue, utcMsOf, localTimeIssueFact, offsetAtInstant, utcOffset, zonedToUtc, type LocalDateTime, type LocalTimeIssue } from '../../time/zones';

/**
 * A time written without a zone takes the abbreviation of an entry above it ("1:05 AM EST", then
 * "1:40 AM"). When its region's clocks repeat or skip that time (01:40 on the night New York goes
 * back), the abbreviation carried down is only one of two readings: the other season's name fits
 * the clock as well. Trial 16a F13: the carried one was taken without a word, while the same time
 * with nothing above it was "happens twice" and kept as written. Entries run in time order, so when
 * exactly one reading is not before the entry above, that one is taken and said; otherwise the
 * entry is not converted, as lint would not convert it.
 */
export type InheritedSeasonReading =
  | { readonly kind: 'settled'; readonly ms: number; readonly name: string; readonly note: string }
  | { readonly kind: 'unsettled'; readonly issue: LocalTimeIssue; readonly instants: readonly [number, number]; readonly message: string };

export interface CarriedZone {
  /** The abbreviation as written on the entry above ("EST"). */
  readonly name: string;
  /** That entry's line (zero-based), for the message. */
  readonly line: number;
}

/**
 * `local`: the entry's date and clock; `readMs`: the instant at the carried abbreviation; `previous`:
 * the entry above's instant; `region`: the document's region (its stated zone, else the zone that
 * settled its abbreviations), for a name the abbreviation table gives no two seasons — `GMT`, which
 * Dublin and London both show in winter (trial17c F13: "01:35 GMT" then "01:40" in Dublin took GMT
 * without the note). Undefined when the carried name is no season of a region that changes its
 * clocks, or that region's clocks show this time once.
 */
export function inheritedSeasonReading(local: LocalDateTime, carried: CarriedZone, readMs: number, previous: number | undefined, region?: string): InheritedSeasonReading | undefined {
  const name = carried.name.trim().toUpperCase();
  const other = otherReading(local, name, readMs, region);
  if (!other) return undefined;
  const { issue, otherMs, otherName } = other;
  const fact = `${localTimeIssueFact(issue)}; the entry on line ${carried.line + 1} is written ${name}, which the time without a zone takes`;
  const inOrder = (ms: number) => previous !== undefined && ms >= previous;
  if (inOrder(readMs) !== inOrder(otherMs)) {
    const [ms, taken] = inOrder(readMs) ? [readMs, name] : [otherMs, otherName];
    const note = `${fact}: read as ${formatUtcTime(ms)}Z (${taken}), the only reading not before the entry above (${formatUtcTime(previous!)}Z) — check it`;
    return { kind: 'settled', ms, name: taken, note };
  }
  const instants = [Math.min(readMs, otherMs), Math.max(readMs, otherMs)] as const;
  const why = previous === undefined ? 'nothing before it settles which' : `both ${formatUtcTime(instants[0])}Z (${readMs < otherMs ? name : otherName}) and ${formatUtcTime(instants[1])}Z (${readMs < otherMs ? otherName : name}) come after the entry above`;
  return { kind: 'unsettled', issue, instants, message: `${fact}, but ${why}` };
}

const DAY = 86_400_000;

/**
 * The other reading of a clock the carried name was read at: by the name's own two seasons (`EST`
 * and `EDT` in New York), when it was read as the table reads it; else by `region`'s two clocks that
 * night, when the carried name's reading is one of them (`GMT` in Dublin: the other is UTC+1).
 */
function otherReading(local: LocalDateTime, name: string, readMs: number, region: string | undefined): { issue: LocalTimeIssue; otherMs: number; otherName: string } | undefined {
  const seasons = seasonsOf(name);
  if (seasons?.standard && seasons.daylight && zonedToUtc(local, name) === readMs) {
    const issue = localTimeIssue(local, seasons.region);
    if (!issue) return undefined;
    const otherName = name === seasons.standard ? seasons.daylight : seasons.standard;
    const otherMs = zonedToUtc(local, otherName);
    return otherMs === undefined || otherMs === readMs ? undefined : { issue, otherMs, otherName };
  }
  if (!region) return undefined;
  const issue = localTimeIssue(local, region);
  if (!issue) return undefined;
  const naive = utcMsOf(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetAtInstant(region, naive - 1.5 * DAY);
  const after = offsetAtInstant(region, naive + 1.5 * DAY);
  if (before === undefined || after === undefined || before === after) return undefined;
  const readings = [naive - before * 60_000, naive - after * 60_000];
  const k = readings.indexOf(readMs);
  if (k === -1) return undefined;
  return { issue, otherMs: readings[1 - k], otherName: utcOffset(k === 0 ? after : before) };
}
