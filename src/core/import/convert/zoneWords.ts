import { seasonsOf } from '../../time/abbreviationSeasons';
import { currentZoneName } from '../../time/zoneNames';
import { ZONE_ABBREVIATIONS, isValidTimeZone } from '../../time/zones';

/**
 * Zones people name in words rather than as an IANA name or an offset: "Pacific time", "AEST/AEDT",
 * "Newfoundland time", "horário de Brasília", "heure de Paris", "Berliner Zeit", "日本時間", and an
 * abbreviation in the Timeline heading's parentheses whatever the words around it ("(時刻はすべてJST)").
 * Trial 14a F10: these were warned "state the zone" although the writer had stated it. Every
 * expression is anchored or bounded (the text is the user's).
 */

/** Named zones read at the start of what a statement names ("All times <here>"); the IANA name keeps daylight saving right. */
export const ZONE_WORDS: readonly [RegExp, string][] = [
  [/\b(?:PST\s?\/\s?PDT|PDT\s?\/\s?PST|PT|Pacific(?:\s(?:Standard|Daylight))?(?:\s[Tt]ime)?|US\/Pacific|UC\/Pacific)\b/, 'America/Los_Angeles'],
  [/\b(?:EST\s?\/\s?EDT|EDT\s?\/\s?EST|ET|Eastern(?:\s[Tt]ime)?|US\/Eastern)\b/, 'America/New_York'],
  [/\b(?:CST\s?\/\s?CDT|CDT\s?\/\s?CST|US\/Central)\b/, 'America/Chicago'],
  [/\b(?:MST\s?\/\s?MDT|MDT\s?\/\s?MST|Mountain(?:\s[Tt]ime)?|US\/Mountain)\b/, 'America/Denver'],
  [/\b(?:CET\s?\/\s?CEST|CEST\s?\/\s?CET)\b/, 'Europe/Paris'],
  [/\b(?:GMT\s?\/\s?BST|BST\s?\/\s?GMT|UK time|London time)\b/, 'Europe/London'],
  [/(?:日本時間|\bJapan(?:ese)? (?:Standard )?[Tt]ime\b)/, 'Asia/Tokyo'],
  // The abbreviation itself, so a MESZ time in January gets the out-of-season note as CEST does.
  [/\bMESZ\b/, 'MESZ'],
  [/\bMEZ\b/, 'MEZ'],
];

/**
 * "AEST/AEDT", "NZDT / NZST", "NST/NDT": the two season names of one region (the seasons table in
 * time/zoneName.ts), read as that region's zone, whose clocks change between them.
 */
export function seasonPair(text: string): string | undefined {
  const m = /^([A-Z]{2,5})\s?\/\s?([A-Z]{2,5})(?![A-Za-z])/.exec(text);
  if (!m) return undefined;
  const a = seasonsOf(m[1]);
  const b = seasonsOf(m[2]);
  if (!a?.standard || !a.daylight || !b || a.region !== b.region) return undefined;
  const names = new Set([m[1], m[2]]);
  return names.has(a.standard) && names.has(a.daylight) ? a.region : undefined;
}

/** Places and regions whose time people name that are not an IANA city ("Brasília", "Newfoundland", "New Zealand"). */
const PLACE_ZONES: Readonly<Record<string, string>> = {
  brasilia: 'America/Sao_Paulo', brasil: 'America/Sao_Paulo', brazil: 'America/Sao_Paulo', 'sao paulo': 'America/Sao_Paulo',
  newfoundland: 'America/St_Johns', "st john's": 'America/St_Johns', 'st johns': 'America/St_Johns', atlantic: 'America/Halifax',
  'new zealand': 'Pacific/Auckland', nz: 'Pacific/Auckland', 'australian eastern': 'Australia/Sydney', 'australian central': 'Australia/Adelaide',
  'australian western': 'Australia/Perth', japan: 'Asia/Tokyo', japanese: 'Asia/Tokyo', india: 'Asia/Kolkata', indian: 'Asia/Kolkata',
  uk: 'Europe/London', british: 'Europe/London', ireland: 'Europe/Dublin', irish: 'Europe/Dublin', korea: 'Asia/Seoul', korean: 'Asia/Seoul',
  china: 'Asia/Shanghai', beijing: 'Asia/Shanghai', israel: 'Asia/Jerusalem', france: 'Europe/Paris', germany: 'Europe/Berlin',
  german: 'Europe/Berlin', spain: 'Europe/Madrid', peninsular: 'Europe/Madrid', portugal: 'Europe/Lisbon', mexico: 'America/Mexico_City',
  'ciudad de mexico': 'America/Mexico_City', hawaii: 'Pacific/Honolulu', alaska: 'America/Anchorage', arizona: 'America/Phoenix',
  argentina: 'America/Argentina/Buenos_Aires', chile: 'America/Santiago', colombia: 'America/Bogota', turkey: 'Europe/Istanbul',
  'south africa': 'Africa/Johannesburg', singapore: 'Asia/Singapore', 'hong kong': 'Asia/Hong_Kong', taiwan: 'Asia/Taipei',
};
/** IANA cities that are also common words or names ("Wake time", "Easter time", "Casey time"): never read as a place. */
const NOT_PLACES = new Set(['easter', 'wake', 'midway', 'johnston', 'truk', 'chuuk', 'casey', 'davis', 'palmer', 'troll', 'mawson', 'vostok', 'macquarie', 'center', 'knox', 'nome', 'yap']);
const CONTINENTS = /^(?:America|Europe|Asia|Africa|Australia|Pacific|Atlantic|Indian)\/[^/]+$/;

/** A place as people write it: lower case, without accents, dots or underscores ("São Paulo" → "sao paulo"). */
function placeKey(place: string): string {
  return place.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[._]/g, ' ').replace(/’/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

let cities: Map<string, string> | undefined;

/** The IANA zones by their city ("tokyo" → Asia/Tokyo), built once. */
function cityZones(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  let names: string[] = [];
  try {
    names = Intl.supportedValuesOf('timeZone');
  } catch {
    names = [];
  }
  for (const name of names) {
    const current = currentZoneName(name);
    if (!CONTINENTS.test(current)) continue;
    const key = placeKey(current.slice(current.indexOf('/') + 1));
    if (!NOT_PLACES.has(key) && !cities.has(key)) cities.set(key, current);
  }
  return cities;
}

/** The zone of a place named in words: every run of its words, longest first ("Ciudad de México"; "All Newfoundland" → "Newfoundland"). */
function zoneOfPlace(words: string): string | undefined {
  const parts = placeKey(words).split(' ').slice(0, 4);
  for (let n = parts.length; n >= 1; n--) {
    for (let from = 0; from + n <= parts.length; from++) {
      const key = parts.slice(from, from + n).join(' ');
      const zone = Object.hasOwn(PLACE_ZONES, key) ? PLACE_ZONES[key] : cityZones().get(key);
      if (zone) return zone;
    }
  }
  return undefined;
}

/** "Newfoundland time", "Sydney local time", "Australian Eastern Standard Time": a place before "time". */
const PLACE_TIME = /(?<![\p{L}])(\p{Lu}[\p{L}'’.-]{1,20}(?:\s\p{Lu}[\p{L}'’.-]{1,20}){0,2})\s(?:(?:[Ll]ocal|[Ss]tandard|[Dd]aylight|[Ss]ummer)\s){0,2}[Tt]ime\b/gu;
/** "heure de Paris", "horário de Brasília", "hora oficial de Brasília", "hora de Ciudad de México". */
const PLACE_HOUR = /(?<![\p{L}])(?:[Hh]eure|[Hh]ora|[Hh]orário|[Hh]orario)\s(?:oficial\s|légale\s|local\s|locale\s)?(?:de|d['’]|del)\s?(?:la\s)?(\p{Lu}[\p{L}'’.-]{1,20}(?:\s(?:de\s)?\p{Lu}[\p{L}'’.-]{1,20}){0,2})/gu;
/** "Berliner Zeit", "Wiener Ortszeit". */
const PLACE_ZEIT = /(?<![\p{L}])(\p{Lu}\p{Ll}{2,20})er\s(?:Zeit|Ortszeit|Sommerzeit|Winterzeit)\b/gu;
const CJK_ZONES: readonly [RegExp, string][] = [[/日本時間/, 'Asia/Tokyo'], [/北京[时時]间|北京時間/, 'Asia/Shanghai'], [/한국\s?시간/, 'Asia/Seoul'], [/台北時間|台灣時間/, 'Asia/Taipei']];
/** A heading about time: a Timeline's, in the languages the section names cover. */
const TIME_HEADING = /timeline|times?\b|zeit|heure|hora|horário|cronolog|chronolog|linha do tempo|tijdlijn|時刻|時間|タイムライン|时间|経緯/i;
/** An abbreviation standing alone in parentheses (ASCII or full-width). */
const IN_PARENS = /[(（]([^()（）]{0,60})[)）]/g;

/**
 * The zone a line names in words, when no "All times …" statement names one: a place's time in
 * English, Portuguese, Spanish, French or German, a CJK zone name, or — in a heading about the
 * timeline — an abbreviation or a zone's own name (`Europe/Paris`) in its parentheses whatever the
 * words around it. Undefined when none.
 */
export function zoneNamedInWords(text: string): string | undefined {
  const line = text.length > 600 ? text.slice(0, 600) : text;
  for (const [re, zone] of CJK_ZONES) if (re.test(line)) return zone;
  for (const re of [PLACE_HOUR, PLACE_TIME, PLACE_ZEIT]) {
    for (const m of line.matchAll(re)) {
      const zone = zoneOfPlace(m[1]);
      if (zone) return zone;
    }
  }
  const heading = /^\s{0,3}#{1,6}\s/.test(line);
  if (!heading || !TIME_HEADING.test(line)) return undefined;
  for (const m of line.matchAll(IN_PARENS)) {
    // "## Timeline (Europe/Paris)": a zone's own name.
    for (const t of m[1].matchAll(/(?<![A-Za-z_/])([A-Z][A-Za-z]{1,14}\/[A-Z][A-Za-z_-]{1,30})(?![A-Za-z_/-])/g)) if (isValidTimeZone(t[1])) return t[1];
    for (const t of m[1].matchAll(/(?<![A-Za-z])([A-Z]{3,5}(?:\s?\/\s?[A-Z]{3,5})?)(?![A-Za-z])/g)) {
      const pair = seasonPair(t[1]);
      if (pair) return pair;
      const abbr = t[1].slice(0, t[1].search(/[\s/]|$/));
      if (Object.hasOwn(ZONE_ABBREVIATIONS, abbr)) return abbr;
    }
  }
  return undefined;
}
