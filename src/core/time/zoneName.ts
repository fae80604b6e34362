import { likelyMeant } from '../text/editDistance';
import { currentZoneName } from './zoneNames';
import { isValidTimeZone, offsetAtInstant, ZONE_ABBREVIATIONS } from './zones';

/**
 * How a written zone name (the front matter's `timezone:`) reads: an IANA name (daylight saving
 * follows the date), a fixed offset (`+05:30`, `UTC+2`), an abbreviation (`CEST`, a fixed offset
 * all year), or unknown (a typo such as `Europe/Berln`: times without their own zone cannot be read
 * until it is fixed, never silently as UTC). One place decides, for the lint, metrics and lists.
 */
export type ZoneName =
  | { readonly kind: 'iana' | 'abbreviation'; readonly zone: string }
  /** `minutes`: the offset as the stamps read it (`UTC+2` → 120), so no reader parses it again. */
  | { readonly kind: 'offset'; readonly zone: string; readonly minutes: number }
  | { readonly kind: 'unknown'; readonly written: string; readonly suggestion?: string };

const OFFSET = /^(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?$/i;

export function readZoneName(written: string): ZoneName {
  const zone = written.trim();
  // Abbreviations first, as `offsetFor` reads them (`PST` is also an ICU alias of America/Los_Angeles).
  if (zone.toUpperCase() in ZONE_ABBREVIATIONS) return { kind: 'abbreviation', zone };
  if (OFFSET.test(zone)) {
    const minutes = offsetAtInstant(zone, 0);
    return minutes === undefined ? { kind: 'unknown', written: zone } : { kind: 'offset', zone, minutes };
  }
  if (zone && isValidTimeZone(zone)) return { kind: 'iana', zone };
  return { kind: 'unknown', written: zone, suggestion: nearestZone(zone) };
}

/** The IANA zone a slip most likely meant (`Europe/Berln` → `Europe/Berlin`), undefined when none is close. */
function nearestZone(written: string): string | undefined {
  // Bounded work: a long value is not a zone name with a slip in it.
  if (written.length < 3 || written.length > 40) return undefined;
  const names = new Set<string>(['UTC']);
  try {
    // Suggested under today's IANA name (Asia/Kolkata, not ICU's Asia/Calcutta).
    for (const name of Intl.supportedValuesOf('timeZone')) names.add(currentZoneName(name));
  } catch {
    return undefined;
  }
  const meant = likelyMeant(written, names, written.length >= 8 ? 3 : 2);
  return meant && isValidTimeZone(meant) ? meant : undefined;
}
