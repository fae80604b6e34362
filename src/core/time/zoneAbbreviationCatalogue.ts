import { ZONE_ABBREVIATION_CATALOGUE } from './zoneAbbreviationCatalogue.data';
import { utcOffset } from './zones';

/**
 * One clock an abbreviation names in the time-zone data (scripts/gen-zone-abbreviations.ts):
 * `IRST` → Iran Standard Time, UTC+3:30, Asia/Tehran. The tools' own table (ZONE_ABBREVIATIONS,
 * AMBIGUOUS_ABBREVIATIONS) says how the names people write most are read; this catalogue covers the
 * rest, so a real abbreviation is never taken for the entry's text (trial16a F18).
 */
export interface CatalogueClock {
  readonly offset: number;
  /** `Iran Standard Time (UTC+3:30)`: how a message names it. */
  readonly label: string;
  readonly zones: readonly string[];
  /** Where the name comes from: `tzdata`, `CLDR`, `tzdata until 2017`. */
  readonly sources: string;
}

/** The clocks an abbreviation names (one, or several: `GST` is the Gulf's and South Georgia's), undefined when the data has none. */
export function catalogueClocks(abbreviation: string): readonly CatalogueClock[] | undefined {
  if (!Object.hasOwn(ZONE_ABBREVIATION_CATALOGUE, abbreviation)) return undefined;
  return ZONE_ABBREVIATION_CATALOGUE[abbreviation].map(([offset, name, sources, ...zones]) => ({
    offset,
    label: `${name || zones[0]} (${utcOffset(offset)})`,
    zones,
    sources,
  }));
}

/** "IRST read as Iran Standard Time (UTC+3:30), Asia/Tehran's clock in the time-zone data (tzdata until 2017)". */
export function catalogueReadingNote(abbreviation: string, clock: CatalogueClock): string {
  return `${abbreviation} read as ${clock.label}, ${clock.zones[0]}'s clock in the time-zone data (${clock.sources})`;
}
