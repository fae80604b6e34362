import type { ZoneReading } from '../../time/zoneMarker';
import { offsetAtInstant, offsetText } from '../../time/zones';

/** The fixed offset of a reading (`+08:00` → 480), undefined for one that follows a region's clock (CT's America/Chicago). */
export function fixedOffset(r: ZoneReading): number | undefined {
  return /^[+-]\d\d:\d\d$/.test(r.zone) ? offsetAtInstant(r.zone, 0) : undefined;
}

/**
 * The stamp with each whole-word `written` (`CST`, in `14:05 CST` or `14:05 CST-14:20 CST`) replaced
 * by the reading's offset (`UTC-06:00`): spaced, so it is never read as a range's end. Undefined
 * for a reading that is no fixed offset.
 */
export function withOffset(stamp: string, written: string, reading: ZoneReading): string | undefined {
  const offset = fixedOffset(reading);
  if (offset === undefined || !written) return undefined;
  let out = '';
  let from = 0;
  // Bounded by the stamp's length: each step moves past one occurrence.
  for (let at = stamp.indexOf(written, from); at >= 0; at = stamp.indexOf(written, from)) {
    const end = at + written.length;
    const whole = !/[A-Za-z]/.test(stamp.charAt(at - 1)) && !/[A-Za-z]/.test(stamp.charAt(end));
    out += stamp.slice(from, at) + (whole ? `UTC${offsetText(offset)}` : written);
    from = end;
  }
  out += stamp.slice(from);
  return out === stamp ? undefined : out;
}
