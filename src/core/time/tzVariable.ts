import { tzZoneName } from './tzName';
import { canonicalZone } from './writerZone';
import { isUtcZone } from './zones';

/**
 * The writer's zone when the process's `TZ` is set to something that is not an IANA zone name
 * (`TZ=UTC+3`, `TZ=Garbage/Zone`, `TZ='<+0330>-3:30'`): the tools used to take UTC without a word,
 * while the OS and Node's own Date used another offset (`TZ=UTC+3` is POSIX for three hours *west*).
 * When the offset the runtime reports is fixed all year and whole hours, it is exactly an IANA
 * `Etc/GMT±N` zone, which is used; otherwise UTC. Either way the notice says what happened, once.
 * Pure: the CLI passes TZ, the zone Intl resolved and the runtime's offsets in January and July.
 */
export interface TzReading {
  /** The zone to use: undefined when no TZ is set and the runtime has no zone (the callers' UTC). */
  readonly zone: string | undefined;
  /** Set when TZ was not understood: what the tools do instead and how to fix it. */
  readonly notice?: string;
}

/** Date#getTimezoneOffset in January and July: minutes *behind* UTC (positive west of Greenwich). */
export interface RuntimeOffsets {
  readonly january: number;
  readonly july: number;
}

export function readTzVariable(tz: string | undefined, resolved: string | undefined, offsets: RuntimeOffsets, howToFix: string): TzReading {
  const named = tz === undefined ? undefined : tzZoneName(tz);
  // No TZ (the machine's zone): nothing to say.
  if (!named) return { zone: resolved };
  // An IANA name, also as `:Area/City` or a zoneinfo path: that zone, nothing to say.
  const zone = canonicalZone(named);
  if (zone) return { zone };
  // Something Intl still read as a zone other than UTC (a zone file path): trust it.
  if (resolved && !isUtcZone(resolved)) return { zone: resolved };
  const written = `TZ=${tz!.trim()}`;
  const fallback = `times without a zone are read as UTC — ${howToFix}`;
  if (offsets.january !== offsets.july) return { zone: 'UTC', notice: `${written} is not an IANA zone name (a daylight-saving rule the tools cannot read); ${fallback}` };
  const minutes = offsets.january;
  if (minutes === 0) return { zone: 'UTC', notice: `${written} is not an IANA zone name; ${fallback}` };
  const offset = `UTC${minutes > 0 ? '\u2212' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  const hours = minutes / 60;
  // Etc/GMT+3 is UTC−3 (POSIX signs, as getTimezoneOffset's); the IANA database has −14 … +12.
  if (Number.isInteger(hours) && hours >= -14 && hours <= 12) {
    const zone = `Etc/GMT${hours > 0 ? '+' : '-'}${Math.abs(hours)}`;
    return { zone, notice: `${written} is not an IANA zone name; using the fixed offset this machine reports for it, ${offset} (${zone}, no daylight saving) — ${howToFix} for a zone with daylight saving` };
  }
  // Etc/GMT zones are whole hours: a half-hour offset has a zone only by its place's name (Asia/Kolkata).
  return { zone: 'UTC', notice: `${written} is not an IANA zone name, and no fixed-offset Etc/GMT zone has its offset (${offset}; they are whole hours); ${fallback}` };
}
