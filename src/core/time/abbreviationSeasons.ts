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
 * Each abbreviation's region and, for regions with daylight saving, the names of their two
 * seasons: the one table behind the out-of-season check (outOfSeason.ts: lint, convert, the start
 * prompt) and the region suggested for `timezone: CEST`. `except` qualifies the region where part
 * of it keeps standard time all year (a document in such a zone gets no note: its clock showed the
 * abbreviation's offset).
 * test/unit/time/abbreviationSeasons.test.ts checks every row against the zone data.
 */
const ABBREVIATIONS: Readonly<Record<string, AbbreviationSeasons>> = {
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
