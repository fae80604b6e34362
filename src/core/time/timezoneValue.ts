import { AMBIGUOUS_ABBREVIATIONS } from './zoneMarker';
import { readZoneName } from './zoneName';
import { isUtcZone, offsetText, ZONE_ABBREVIATIONS } from './zones';

/**
 * The front matter's `timezone:` as a zone that times without their own are read in, for readers
 * that must not guess (Import Timeline reads a whole export in it). Built on `readZoneName`, the
 * reader lint, the metrics, the lists and `convert` use, so all of them accept and refuse the same
 * values: an IANA name; a fixed offset (`+05:30`, `UTC+2`, which `convert` writes), exact; an
 * abbreviation with one meaning (`CEST`), its fixed offset on every date; an abbreviation with
 * several (`IST`: India, Ireland, Israel), no zone until the person says which; an unknown name.
 */
export type TimezoneValue =
  | { readonly kind: 'iana'; readonly zone: string }
  /** `zone`: the offset as the readers write it (`+05:30`); `written`: the value as written. */
  | { readonly kind: 'offset' | 'abbreviation'; readonly zone: string; readonly written: string }
  /** `meanings`: "India Standard Time (UTC+5:30), Irish Standard Time (UTC+1), Israel Standard Time (UTC+2)"; `regions`: one IANA zone per meaning. */
  | { readonly kind: 'ambiguous'; readonly written: string; readonly meanings: string; readonly regions: readonly string[] }
  | { readonly kind: 'unknown'; readonly written: string; readonly suggestion?: string };

export function readTimezoneValue(value: string): TimezoneValue {
  const written = value.trim();
  const readings = AMBIGUOUS_ABBREVIATIONS[written.toUpperCase()];
  if (readings) return { kind: 'ambiguous', written, meanings: readings.map((r) => r.label).join(', '), regions: readings.map((r) => r.regions[0]) };
  const name = readZoneName(written);
  // `UTC`, `GMT`, `Z` are in the abbreviations' table, but are the zone UTC, not a guess at a region's clock.
  if (name.kind === 'abbreviation' && isUtcZone(written)) return { kind: 'iana', zone: 'UTC' };
  switch (name.kind) {
    case 'iana': return { kind: 'iana', zone: name.zone };
    case 'offset': return { kind: 'offset', zone: offsetText(name.minutes), written };
    case 'abbreviation': return { kind: 'abbreviation', zone: offsetText(ZONE_ABBREVIATIONS[name.zone.toUpperCase()]), written };
    default: return { kind: 'unknown', written, ...(name.suggestion ? { suggestion: name.suggestion } : {}) };
  }
}
