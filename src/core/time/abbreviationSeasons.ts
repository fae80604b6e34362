import { sameZone } from './zoneNames';
import { ZONE_ABBREVIATIONS } from './zones';

/** One abbreviation's row: its region, its seasons' names, and where part of the region keeps standard time. */
export interface AbbreviationSeasons {
  readonly region: string;
  readonly standard?: string;
  readonly daylight?: string;
  /** " (not in Arizona, which keeps MST)": said when the table's region is named, not the document's. */
  readonly except?: string;
}

/**
 * A region with daylight saving and the names of its two seasons. Each name is a key of the table
 * below unless `only` says which one is (`AST` is Arabia's too, `GMT` is UTC's). `except` qualifies
 * the region where part of it keeps standard time all year: it goes with the standard name's row
 * only, as a document in such a zone gets no note (its clock showed the abbreviation's offset).
 */
interface SeasonPair {
  readonly region: string;
  readonly standard: string;
  readonly daylight: string;
  readonly except?: string;
  readonly only?: 'daylight';
}

/** In table order: a pair's standard name's row comes before its daylight name's (seasonNameIn takes the first row that fits). */
const SEASON_PAIRS: readonly SeasonPair[] = [
  { region: 'America/Los_Angeles', standard: 'PST', daylight: 'PDT' },
  { region: 'America/Denver', standard: 'MST', daylight: 'MDT', except: ' (not in Arizona, which keeps MST)' },
  { region: 'America/Chicago', standard: 'CST', daylight: 'CDT' },
  { region: 'America/New_York', standard: 'EST', daylight: 'EDT' },
  { region: 'America/Anchorage', standard: 'AKST', daylight: 'AKDT' },
  { region: 'America/Halifax', standard: 'AST', daylight: 'ADT', only: 'daylight' },
  { region: 'America/St_Johns', standard: 'NST', daylight: 'NDT' },
  { region: 'Europe/Berlin', standard: 'CET', daylight: 'CEST' },
  { region: 'Europe/Berlin', standard: 'MEZ', daylight: 'MESZ' },
  { region: 'Europe/Athens', standard: 'EET', daylight: 'EEST' },
  { region: 'Europe/Athens', standard: 'OEZ', daylight: 'OESZ' },
  { region: 'Europe/Lisbon', standard: 'WET', daylight: 'WEST' },
  { region: 'Europe/Lisbon', standard: 'WEZ', daylight: 'WESZ' },
  { region: 'Europe/London', standard: 'GMT', daylight: 'BST', only: 'daylight' },
  { region: 'Australia/Sydney', standard: 'AEST', daylight: 'AEDT', except: ' (not in Queensland, which keeps AEST)' },
  { region: 'Australia/Adelaide', standard: 'ACST', daylight: 'ACDT', except: ' (not in the Northern Territory, which keeps ACST)' },
  { region: 'Australia/Lord_Howe', standard: 'LHST', daylight: 'LHDT' },
  { region: 'Pacific/Auckland', standard: 'NZST', daylight: 'NZDT' },
  { region: 'Pacific/Chatham', standard: 'CHAST', daylight: 'CHADT' },
  { region: 'America/Santiago', standard: 'CLT', daylight: 'CLST' },
  // Brazil has kept BRT all year since 2019: a BRST time is an hour off, which the note says.
  { region: 'America/Sao_Paulo', standard: 'BRT', daylight: 'BRST' },
];

/** Abbreviations of regions that keep one name all year. */
const ONE_SEASON: Readonly<Record<string, string>> = {
  HST: 'Pacific/Honolulu',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  MSK: 'Europe/Moscow',
};

/**
 * Each abbreviation's region and, for regions with daylight saving, the names of their two
 * seasons: the one table behind the out-of-season check (outOfSeason.ts: lint, convert, the start
 * prompt) and the region suggested for `timezone: CEST`.
 * test/unit/time/abbreviationSeasons.test.ts checks every row against the zone data.
 */
const ABBREVIATIONS: Readonly<Record<string, AbbreviationSeasons>> = abbreviationRows();

function abbreviationRows(): Record<string, AbbreviationSeasons> {
  const rows: Record<string, AbbreviationSeasons> = {};
  for (const { region, standard, daylight, except, only } of SEASON_PAIRS) {
    if (only !== 'daylight') rows[standard] = except === undefined ? { region, standard, daylight } : { region, standard, daylight, except };
    rows[daylight] = { region, standard, daylight };
  }
  for (const [abbreviation, region] of Object.entries(ONE_SEASON)) rows[abbreviation] = { region };
  return rows;
}

/** The table's rows with two seasons, for the test that checks them against the zone data. */
export const SEASONAL_ABBREVIATIONS: readonly string[] = Object.keys(ABBREVIATIONS).filter((a) => ABBREVIATIONS[a].daylight !== undefined);

/** The region and season names behind an abbreviation (`PST` → America/Los_Angeles, PST/PDT). */
export function seasonsOf(abbreviation: string): AbbreviationSeasons | undefined {
  return ABBREVIATIONS[abbreviation.trim().toUpperCase()];
}

/** The IANA zone whose clocks an abbreviation names (`CEST` → Europe/Berlin), undefined when it names several or none. */
export function regionOfAbbreviation(zone: string): string | undefined {
  return ABBREVIATIONS[zone.trim().toUpperCase()]?.region;
}

/**
 * The name the table gives `zone`'s clock when it shows `offset` (`BST` for Europe/London at UTC+1,
 * `GMT` at UTC+0, `EDT` for America/New_York at UTC−4): said beside the offset where a reading is
 * named. Undefined for zones the table does not name (Europe/Paris is not Berlin's row).
 */
export function seasonNameIn(zone: string, offset: number): string | undefined {
  for (const row of Object.values(ABBREVIATIONS)) {
    if (!row.standard || !row.daylight || !sameZone(zone, row.region)) continue;
    const named = [row.standard, row.daylight].find((n) => ZONE_ABBREVIATIONS[n] === offset);
    if (named) return named;
  }
  return undefined;
}
