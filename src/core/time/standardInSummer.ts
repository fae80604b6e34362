import { ZONE_ABBREVIATIONS, formatUtcDate, zoneOffsetMinutes } from './zones';

/** North American standard-time abbreviations, the region whose clocks they name, and its daylight name. */
const STANDARD: Readonly<Record<string, { readonly region: string; readonly daylight: string; readonly except?: string }>> = {
  PST: { region: 'America/Los_Angeles', daylight: 'PDT' },
  MST: { region: 'America/Denver', daylight: 'MDT', except: ' (not in Arizona, which keeps MST)' },
  CST: { region: 'America/Chicago', daylight: 'CDT' },
  EST: { region: 'America/New_York', daylight: 'EDT' },
  AKST: { region: 'America/Anchorage', daylight: 'AKDT' },
};

function utcOffset(minutes: number): string {
  const h = Math.abs(minutes) / 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/**
 * "PST" written on a date when Pacific clocks showed PDT: people often write PST for Pacific time
 * all year. The time is read as written (UTC−8, a fixed offset), but that may be an hour off, so the
 * reader is told. Undefined when the abbreviation is not such a one or standard time was in force.
 */
export function standardTimeInSummer(abbreviation: string, utcMs: number): string | undefined {
  const abbr = abbreviation.trim().toUpperCase();
  const s = STANDARD[abbr];
  if (!s) return undefined;
  const standard = ZONE_ABBREVIATIONS[abbr];
  const actual = zoneOffsetMinutes(s.region, utcMs);
  if (actual === undefined || actual === standard) return undefined;
  const localDate = formatUtcDate(utcMs + standard * 60000);
  return `${abbr} on ${localDate}, when ${s.daylight} (${utcOffset(actual)}) was in force${s.except ?? ''}: read as ${utcOffset(standard)} as written; check`;
}
