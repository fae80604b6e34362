import { seasonNameIn, seasonsOf } from './abbreviationSeasons';
import { readZoneName } from './zoneName';
import { sameZone } from './zoneNames';
import { formatUtcDate, utcOffset, ZONE_ABBREVIATIONS, zoneOffsetMinutes } from './zones';

/**
 * An abbreviation naming the other season than the one its region had (`BST` in December, `CET` in
 * July): the facts every reader of such a time says it with — lint's timeline/not-utc (both readings
 * offered, none chosen), convert's out-of-season warning, the start prompt of *New Post-mortem*.
 */
export interface OutOfSeason {
  /** As the table spells it: `BST`. */
  readonly abbreviation: string;
  /** The offset the time was read in, as written: 60 for `BST`. */
  readonly readAs: number;
  /** The offset the region's clocks showed then: 0 in a London December. */
  readonly inForce: number;
  /** The name of the season then in force, when the table knows it (`GMT`). */
  readonly inForceName?: string;
  readonly region: string;
  /** True when the region is the document's (or writer's) own zone: its clock is the likely meaning. */
  readonly ownRegion: boolean;
  /** " (not in Arizona, which keeps MST)": part of the table's region keeps the name all year. */
  readonly except: string;
  /** The date as written (the local date in the offset read), YYYY-MM-DD. */
  readonly localDate: string;
}

export interface SeasonContext {
  /** The document's `timezone:` (or the writer's zone): its own region, when its clocks show the offset in one season. */
  readonly documentZone?: string;
  /** The offset the time was read in, when not the table's (an abbreviation of several meanings: `CST` as Australian Central). */
  readonly readAs?: number;
}

/** Written names that are UTC itself, never out of season. GMT is checked on its own (gmtOutOfSeason): it is written for UTC at least as often as for London's winter. */
const UTC_ITSELF = new Set(['UTC', 'UT', 'Z', 'GMT']);
const YEAR_MS = 365 * 86_400_000;

/**
 * An abbreviation naming the other season than the one its region had at `utcMs` (`CEST` in
 * January, `PDT` in December, `PST` in July, `ACST` in an Adelaide December — people often write the
 * standard name all year): read as written, a fixed offset, but maybe an hour off. The region is the
 * document's zone when that zone's clocks use the offset read in one season (`CST` in an Adelaide
 * review, read as Australian Central; `BST` in a London one), else the table's. Undefined when the
 * document's zone showed that offset then (Darwin keeps ACST, Phoenix MST, Brisbane AEST), and for
 * IANA names, offsets, UTC and GMT, abbreviations without seasons, or in their season.
 */
export function outOfSeason(zone: string, utcMs: number, context: SeasonContext = {}): OutOfSeason | undefined {
  const abbr = zone.trim().toUpperCase();
  if (!/^[A-Z]{2,5}$/.test(abbr) || UTC_ITSELF.has(abbr)) return undefined;
  const readAs = context.readAs ?? ZONE_ABBREVIATIONS[abbr];
  if (readAs === undefined) return undefined;
  return judged(abbr, readAs, utcMs, context.documentZone, true);
}

/**
 * `GMT` on a date when the document's own zone was not on UTC+0 (`10:00 GMT` in a London July, when
 * clocks showed BST): GMT is UTC, so the time is read as written and nothing is wrong with it — but
 * a Londoner may have meant the clock on the wall. Only the document's own region is asked: without
 * one, GMT is UTC and nothing more.
 */
export function gmtOutOfSeason(utcMs: number, documentZone: string | undefined): OutOfSeason | undefined {
  return judged('GMT', 0, utcMs, documentZone, false);
}

function judged(abbr: string, readAs: number, utcMs: number, documentZone: string | undefined, tableRegionToo: boolean): OutOfSeason | undefined {
  const doc = documentZone !== undefined ? readZoneName(documentZone) : undefined;
  const docZone = doc?.kind === 'iana' ? doc.zone : undefined;
  if (docZone !== undefined && zoneOffsetMinutes(docZone, utcMs) === readAs) return undefined;
  const season = seasonsOf(abbr);
  const tableRegion = tableRegionToo && season?.standard && season.daylight ? season.region : undefined;
  // The document's own region, when its clocks show this offset in one of their seasons.
  const ownRegion = docZone !== undefined && seasonalWith(docZone, utcMs, readAs) ? docZone : undefined;
  const region = ownRegion ?? tableRegion;
  if (region === undefined) return undefined;
  const inForce = zoneOffsetMinutes(region, utcMs);
  if (inForce === undefined || inForce === readAs) return undefined;
  const named = season && (region === tableRegion || sameZone(region, season.region)) && (abbr === season.standard || abbr === season.daylight);
  // GMT has no row: London's clock then is named from its own (BST).
  const ownNamed = !named && abbr === 'GMT' ? seasonNameIn(region, inForce) : undefined;
  return {
    abbreviation: abbr,
    readAs,
    inForce,
    ...(named ? { inForceName: abbr === season.daylight ? season.standard : season.daylight } : ownNamed ? { inForceName: ownNamed } : {}),
    region,
    ownRegion: ownRegion !== undefined,
    except: ownRegion === undefined ? season?.except ?? '' : '',
    localDate: formatUtcDate(utcMs + readAs * 60000),
  };
}

/** "GMT (UTC+0)", "UTC+10:30": the clock in force, named when the table knows its name. */
export function clockInForce(o: OutOfSeason): string {
  return o.inForceName ? `${o.inForceName} (${utcOffset(o.inForce)})` : utcOffset(o.inForce);
}

/** "BST was not in force on 2026-12-06 in Europe/London; clocks there showed GMT (UTC+0)". */
export function notInForce(o: OutOfSeason): string {
  return `${o.abbreviation} was not in force on ${o.localDate} in ${o.region}${o.except}; clocks there showed ${clockInForce(o)}`;
}

/**
 * The out-of-season note as convert and the zone-wide conversion say it ("PST on 2026-07-20, when
 * PDT (UTC−7) was in force in America/Los_Angeles: read as UTC−8 as written; check"), undefined
 * when the abbreviation is in season.
 */
export function abbreviationOutOfSeason(zone: string, utcMs: number, context: SeasonContext = {}): string | undefined {
  const o = outOfSeason(zone, utcMs, context);
  return o && `${o.abbreviation} on ${o.localDate}, when ${clockInForce(o)} was in force in ${o.region}${o.except}: read as ${utcOffset(o.readAs)} as written; check`;
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
