import { likelyMeant } from '../text/editDistance';
import { currentZoneName } from './zoneNames';
import { formatUtcDate, isValidTimeZone, offsetAtInstant, ZONE_ABBREVIATIONS, zoneOffsetMinutes } from './zones';

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

/**
 * Where each abbreviation's clocks are and, for regions with daylight saving, the names of their two
 * seasons: the one table behind the out-of-season note (lint, convert) and the region suggested for
 * `timezone: CEST`. `except` qualifies the region where part of it keeps standard time all year.
 */
const ABBREVIATIONS: Readonly<Record<string, { readonly region: string; readonly standard?: string; readonly daylight?: string; readonly except?: string }>> = {
  PST: { region: 'America/Los_Angeles', standard: 'PST', daylight: 'PDT' },
  PDT: { region: 'America/Los_Angeles', standard: 'PST', daylight: 'PDT' },
  MST: { region: 'America/Denver', standard: 'MST', daylight: 'MDT', except: ' (not in Arizona, which keeps MST)' },
  MDT: { region: 'America/Denver', standard: 'MST', daylight: 'MDT' },
  CST: { region: 'America/Chicago', standard: 'CST', daylight: 'CDT' },
  CDT: { region: 'America/Chicago', standard: 'CST', daylight: 'CDT' },
  EST: { region: 'America/New_York', standard: 'EST', daylight: 'EDT' },
  EDT: { region: 'America/New_York', standard: 'EST', daylight: 'EDT' },
  AKST: { region: 'America/Anchorage', standard: 'AKST', daylight: 'AKDT' },
  AKDT: { region: 'America/Anchorage', standard: 'AKST', daylight: 'AKDT' },
  CET: { region: 'Europe/Berlin', standard: 'CET', daylight: 'CEST' },
  CEST: { region: 'Europe/Berlin', standard: 'CET', daylight: 'CEST' },
  EET: { region: 'Europe/Athens', standard: 'EET', daylight: 'EEST' },
  EEST: { region: 'Europe/Athens', standard: 'EET', daylight: 'EEST' },
  WET: { region: 'Europe/Lisbon', standard: 'WET', daylight: 'WEST' },
  WEST: { region: 'Europe/Lisbon', standard: 'WET', daylight: 'WEST' },
  BST: { region: 'Europe/London', standard: 'GMT', daylight: 'BST' },
  AEST: { region: 'Australia/Sydney', standard: 'AEST', daylight: 'AEDT' },
  AEDT: { region: 'Australia/Sydney', standard: 'AEST', daylight: 'AEDT' },
  NZST: { region: 'Pacific/Auckland', standard: 'NZST', daylight: 'NZDT' },
  NZDT: { region: 'Pacific/Auckland', standard: 'NZST', daylight: 'NZDT' },
  HST: { region: 'Pacific/Honolulu' },
  JST: { region: 'Asia/Tokyo' },
  KST: { region: 'Asia/Seoul' },
  SGT: { region: 'Asia/Singapore' },
  HKT: { region: 'Asia/Hong_Kong' },
  MSK: { region: 'Europe/Moscow' },
};

function utcOffset(minutes: number): string {
  const h = Math.abs(minutes) / 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/**
 * An abbreviation naming the other season than the one its region had at `utcMs` (`CEST` in
 * January, `PDT` in December, `PST` in July — people often write PST for Pacific time all year):
 * read as written, a fixed offset, but maybe an hour off, so the reader is told. Undefined for IANA
 * names, offsets, abbreviations without seasons, and abbreviations in their season.
 */
export function abbreviationOutOfSeason(zone: string, utcMs: number): string | undefined {
  const abbr = zone.trim().toUpperCase();
  const season = ABBREVIATIONS[abbr];
  const written = ZONE_ABBREVIATIONS[abbr];
  if (!season?.standard || !season.daylight || written === undefined) return undefined;
  const actual = zoneOffsetMinutes(season.region, utcMs);
  if (actual === undefined || actual === written) return undefined;
  const inForce = abbr === season.daylight ? season.standard : season.daylight;
  const local = formatUtcDate(utcMs + written * 60000);
  return `${abbr} on ${local}, when ${inForce} (${utcOffset(actual)}) was in force in ${season.region}${season.except ?? ''}: read as ${utcOffset(written)} as written; check`;
}

/**
 * Only North American standard time in summer (`PST` in July; not `CEST` in January): the names
 * people write all year, which `convert` notes in the originals it reads.
 */
export function standardTimeInSummer(abbreviation: string, utcMs: number): string | undefined {
  const abbr = abbreviation.trim().toUpperCase();
  const season = ABBREVIATIONS[abbr];
  return season?.standard === abbr && season.region.startsWith('America/') ? abbreviationOutOfSeason(abbr, utcMs) : undefined;
}

/** The IANA zone whose clocks an abbreviation names (`CEST` → Europe/Berlin), undefined when it names several or none. */
export function regionOfAbbreviation(zone: string): string | undefined {
  return ABBREVIATIONS[zone.trim().toUpperCase()]?.region;
}
