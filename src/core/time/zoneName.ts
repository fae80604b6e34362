import { likelyMeant } from '../text/editDistance';
import { currentZoneName, sameZone } from './zoneNames';
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
 * `timezone: CEST`. `except` qualifies the region where part of it keeps standard time all year (a
 * document in such a zone gets no note: its clock showed the abbreviation's offset).
 * test/unit/time/abbreviationSeasons.test.ts checks every row against the zone data.
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
  ADT: { region: 'America/Halifax', standard: 'AST', daylight: 'ADT' },
  NST: { region: 'America/St_Johns', standard: 'NST', daylight: 'NDT' },
  NDT: { region: 'America/St_Johns', standard: 'NST', daylight: 'NDT' },
  CET: { region: 'Europe/Berlin', standard: 'CET', daylight: 'CEST' },
  CEST: { region: 'Europe/Berlin', standard: 'CET', daylight: 'CEST' },
  MEZ: { region: 'Europe/Berlin', standard: 'MEZ', daylight: 'MESZ' },
  MESZ: { region: 'Europe/Berlin', standard: 'MEZ', daylight: 'MESZ' },
  EET: { region: 'Europe/Athens', standard: 'EET', daylight: 'EEST' },
  EEST: { region: 'Europe/Athens', standard: 'EET', daylight: 'EEST' },
  OEZ: { region: 'Europe/Athens', standard: 'OEZ', daylight: 'OESZ' },
  OESZ: { region: 'Europe/Athens', standard: 'OEZ', daylight: 'OESZ' },
  WET: { region: 'Europe/Lisbon', standard: 'WET', daylight: 'WEST' },
  WEST: { region: 'Europe/Lisbon', standard: 'WET', daylight: 'WEST' },
  WEZ: { region: 'Europe/Lisbon', standard: 'WEZ', daylight: 'WESZ' },
  WESZ: { region: 'Europe/Lisbon', standard: 'WEZ', daylight: 'WESZ' },
  BST: { region: 'Europe/London', standard: 'GMT', daylight: 'BST' },
  AEST: { region: 'Australia/Sydney', standard: 'AEST', daylight: 'AEDT', except: ' (not in Queensland, which keeps AEST)' },
  AEDT: { region: 'Australia/Sydney', standard: 'AEST', daylight: 'AEDT' },
  ACST: { region: 'Australia/Adelaide', standard: 'ACST', daylight: 'ACDT', except: ' (not in the Northern Territory, which keeps ACST)' },
  ACDT: { region: 'Australia/Adelaide', standard: 'ACST', daylight: 'ACDT' },
  LHST: { region: 'Australia/Lord_Howe', standard: 'LHST', daylight: 'LHDT' },
  LHDT: { region: 'Australia/Lord_Howe', standard: 'LHST', daylight: 'LHDT' },
  NZST: { region: 'Pacific/Auckland', standard: 'NZST', daylight: 'NZDT' },
  NZDT: { region: 'Pacific/Auckland', standard: 'NZST', daylight: 'NZDT' },
  CHAST: { region: 'Pacific/Chatham', standard: 'CHAST', daylight: 'CHADT' },
  CHADT: { region: 'Pacific/Chatham', standard: 'CHAST', daylight: 'CHADT' },
  CLT: { region: 'America/Santiago', standard: 'CLT', daylight: 'CLST' },
  CLST: { region: 'America/Santiago', standard: 'CLT', daylight: 'CLST' },
  // Brazil has kept BRT all year since 2019: a BRST time is an hour off, which the note says.
  BRT: { region: 'America/Sao_Paulo', standard: 'BRT', daylight: 'BRST' },
  BRST: { region: 'America/Sao_Paulo', standard: 'BRT', daylight: 'BRST' },
  HST: { region: 'Pacific/Honolulu' },
  JST: { region: 'Asia/Tokyo' },
  KST: { region: 'Asia/Seoul' },
  SGT: { region: 'Asia/Singapore' },
  HKT: { region: 'Asia/Hong_Kong' },
  MSK: { region: 'Europe/Moscow' },
};

/** The table's rows with two seasons, for the test that checks them against the zone data. */
export const SEASONAL_ABBREVIATIONS: readonly string[] = Object.keys(ABBREVIATIONS).filter((a) => ABBREVIATIONS[a].daylight !== undefined);

/** The region and season names behind an abbreviation, for that test. */
export function seasonsOf(abbreviation: string): { readonly region: string; readonly standard?: string; readonly daylight?: string } | undefined {
  return ABBREVIATIONS[abbreviation.trim().toUpperCase()];
}

/** `UTC−8`, `UTC+10:30`, `UTC+12:45`: hours, and minutes when there are any. */
export function utcOffset(minutes: number): string {
  const m = Math.abs(minutes);
  const rest = m % 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Math.floor(m / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Written names that are UTC itself, never out of season (GMT is written for UTC at least as often as for London's winter). */
const UTC_ITSELF = new Set(['UTC', 'UT', 'Z', 'GMT']);
const YEAR_MS = 365 * 86_400_000;

/**
 * An abbreviation naming the other season than the one its region had at `utcMs` (`CEST` in
 * January, `PDT` in December, `PST` in July, `ACST` in an Adelaide December — people often write the
 * standard name all year): read as written, a fixed offset, but maybe an hour off, so the reader is
 * told. The region is the document's zone when that zone's clocks use the offset read in one season
 * (`CST` in an Adelaide review, read as Australian Central, `GMT` in a London one), else the table's.
 * No note when the document's zone showed that offset then (Darwin keeps ACST, Phoenix MST, Brisbane
 * AEST), and none for IANA names, offsets, abbreviations without seasons, or in their season.
 * `readAs`: the offset the time was read in, when not the table's (an abbreviation of several meanings).
 */
export function abbreviationOutOfSeason(zone: string, utcMs: number, context: { readonly documentZone?: string; readonly readAs?: number } = {}): string | undefined {
  const abbr = zone.trim().toUpperCase();
  if (!/^[A-Z]{2,5}$/.test(abbr) || UTC_ITSELF.has(abbr)) return undefined;
  const written = context.readAs ?? ZONE_ABBREVIATIONS[abbr];
  if (written === undefined) return undefined;
  const doc = context.documentZone !== undefined ? readZoneName(context.documentZone) : undefined;
  const docZone = doc?.kind === 'iana' ? doc.zone : undefined;
  if (docZone !== undefined && zoneOffsetMinutes(docZone, utcMs) === written) return undefined;
  const season = ABBREVIATIONS[abbr];
  const tableRegion = season?.standard && season.daylight ? season.region : undefined;
  // The document's own region, when its clocks show this offset in one of their seasons.
  const ownRegion = docZone !== undefined && seasonalWith(docZone, utcMs, written) ? docZone : undefined;
  const region = ownRegion ?? tableRegion;
  if (region === undefined) return undefined;
  const actual = zoneOffsetMinutes(region, utcMs);
  if (actual === undefined || actual === written) return undefined;
  const named = season && (region === tableRegion || sameZone(region, season.region)) && (abbr === season.standard || abbr === season.daylight);
  const inForce = named ? `${abbr === season.daylight ? season.standard : season.daylight} (${utcOffset(actual)})` : utcOffset(actual);
  const except = ownRegion === undefined ? season?.except ?? '' : '';
  const local = formatUtcDate(utcMs + written * 60000);
  return `${abbr} on ${local}, when ${inForce} was in force in ${region}${except}: read as ${utcOffset(written)} as written; check`;
}

/** Per zone, half-year and offset: a long timeline asks the same question of every entry. */
const seasonalCache = new Map<string, boolean>();

/** Whether `zone`'s clocks change with the seasons and show `offset` in one of them (within half a year of `utcMs`). */
function seasonalWith(zone: string, utcMs: number, offset: number): boolean {
  const key = `${zone}\u0000${Math.floor(utcMs / (YEAR_MS / 2))}\u0000${offset}`;
  let seasonal = seasonalCache.get(key);
  if (seasonal === undefined) {
    const offsets = new Set<number | undefined>();
    for (let k = -4; k <= 4; k++) offsets.add(zoneOffsetMinutes(zone, utcMs + (k * YEAR_MS) / 8));
    seasonal = offsets.size > 1 && offsets.has(offset);
    if (seasonalCache.size > 1024) seasonalCache.clear();
    seasonalCache.set(key, seasonal);
  }
  return seasonal;
}

/** The IANA zone whose clocks an abbreviation names (`CEST` → Europe/Berlin), undefined when it names several or none. */
export function regionOfAbbreviation(zone: string): string | undefined {
  return ABBREVIATIONS[zone.trim().toUpperCase()]?.region;
}
