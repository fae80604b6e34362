/**
 * Writes src/core/time/zoneAbbreviationCatalogue.data.ts: every letter abbreviation the time-zone
 * data gives a clock since 2000, with its offset and zones, so a timeline entry's `14:30 IRST` or
 * `15:00 IDT` is read (or reported as ambiguous), never taken as text and read in the document's zone
 * (trial16a F18). Three sources, merged:
 *  - tzdata: the abbreviations of the machine's /usr/share/zoneinfo (TZif files), since 2000;
 *  - CLDR: the short names `Intl` gives in English locales (`GST` for Asia/Dubai in en-GB);
 *  - FORMER_TZDATA below: abbreviations tzdata used until release 2017a, when it replaced the ones
 *    it had invented by numeric offsets (`+0330`). People still write them daily (Iran, the Gulf,
 *    the Caucasus, Central Asia, Russia); each row's offset is checked against the zone data by
 *    test/unit/time/zoneAbbreviationCatalogue.test.ts.
 * Run: npx tsx scripts/gen-zone-abbreviations.ts (after a tzdata update; the output is committed,
 * so the tools read the same table on every machine, whatever its tzdata or ICU).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { currentZoneName } from '../src/core/time/zoneNames';
import { zoneOffsetMinutes } from '../src/core/time/zones';

const OUT = 'src/core/time/zoneAbbreviationCatalogue.data.ts';
const SINCE = Date.UTC(2000, 0, 1) / 1000;

/** [abbreviation, offset in minutes, zone]: tzdata's pre-2017 names still in common use. */
const FORMER_TZDATA: readonly (readonly [string, number, string])[] = [
  ['IRST', 210, 'Asia/Tehran'], ['IRDT', 270, 'Asia/Tehran'], ['AFT', 270, 'Asia/Kabul'],
  ['AZT', 240, 'Asia/Baku'], ['AZST', 300, 'Asia/Baku'], ['GST', 240, 'Asia/Dubai'], ['GST', -120, 'Atlantic/South_Georgia'],
  ['BDT', 360, 'Asia/Dhaka'], ['AMT', 240, 'Asia/Yerevan'], ['AMT', -240, 'America/Manaus'], ['UZT', 300, 'Asia/Tashkent'],
  ['TJT', 300, 'Asia/Dushanbe'], ['TMT', 300, 'Asia/Ashgabat'], ['KGT', 360, 'Asia/Bishkek'], ['ALMT', 360, 'Asia/Almaty'],
  ['YEKT', 300, 'Asia/Yekaterinburg'], ['OMST', 360, 'Asia/Omsk'], ['NOVT', 420, 'Asia/Novosibirsk'], ['KRAT', 420, 'Asia/Krasnoyarsk'],
  ['IRKT', 480, 'Asia/Irkutsk'], ['YAKT', 540, 'Asia/Yakutsk'], ['VLAT', 600, 'Asia/Vladivostok'], ['MAGT', 660, 'Asia/Magadan'],
  ['PETT', 720, 'Asia/Kamchatka'], ['SAMT', 240, 'Europe/Samara'], ['BNT', 480, 'Asia/Brunei'], ['MVT', 300, 'Indian/Maldives'],
  ['MUT', 240, 'Indian/Mauritius'], ['ULAT', 480, 'Asia/Ulaanbaatar'], ['BTT', 360, 'Asia/Thimphu'], ['FJT', 720, 'Pacific/Fiji'],
  ['ECT', -300, 'America/Guayaquil'], ['GYT', -240, 'America/Guyana'], ['SRT', -180, 'America/Paramaribo'],
  ['NCT', 660, 'Pacific/Noumea'], ['PGT', 600, 'Pacific/Port_Moresby'], ['TLT', 540, 'Asia/Dili'],
];

/**
 * Letters that name a zone somewhere but are far more often a word after a time in a post-mortem
 * (`14:30 GET /health`, `14:30 SST …`): kept out, so the entry's text is never read as a zone.
 * (GET: Georgia's former tzdata name; CAT, EAT stay: they are written as zones daily.)
 */
const WORDS = new Set(['GET', 'PUT', 'SET', 'MET', 'PET', 'MIST', 'MART', 'GAMT', 'DAVT', 'MAWT', 'SYOT', 'VOST', 'ROTT']);

const ENGLISH = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-CA', 'en-IE', 'en-ZA', 'en-SG'];

type Row = { offset: number; zones: Set<string>; sources: Set<string> };
const table = new Map<string, Map<number, Row>>();

function add(abbreviation: string, offset: number, zone: string, source: string): void {
  if (!/^[A-Z]{2,5}$/.test(abbreviation) || WORDS.has(abbreviation)) return;
  const byOffset = table.get(abbreviation) ?? new Map<number, Row>();
  table.set(abbreviation, byOffset);
  const row = byOffset.get(offset) ?? { offset, zones: new Set(), sources: new Set() };
  byOffset.set(offset, row);
  row.zones.add(currentZoneName(zone));
  row.sources.add(source);
}

/** The abbreviations and offsets a TZif file's clock used since 2000 (its version-2 body and footer). */
function readTzif(zone: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(`/usr/share/zoneinfo/${zone}`);
  } catch {
    return;
  }
  if (bytes.toString('latin1', 0, 4) !== 'TZif') return;
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => bytes.readUInt32BE(at + 20 + i * 4));
  const [isut1, isstd1, leap1, time1, type1, char1] = counts(0);
  const v2 = 44 + time1 * 5 + type1 * 6 + char1 + leap1 * 8 + isstd1 + isut1;
  if (bytes.toString('latin1', v2, v2 + 4) !== 'TZif') return;
  const [, , , timecnt, typecnt, charcnt] = counts(v2);
  const times = v2 + 44;
  const indices = times + timecnt * 8;
  const types = indices + timecnt;
  const chars = types + typecnt * 6;
  const used = new Set<number>();
  for (let i = 0; i < timecnt; i++) {
    const next = i + 1 < timecnt ? Number(bytes.readBigInt64BE(times + (i + 1) * 8)) : Infinity;
    if (next >= SINCE) used.add(bytes[indices + i]);
  }
  if (timecnt === 0) used.add(0);
  for (const t of used) {
    const offset = bytes.readInt32BE(types + t * 6) / 60;
    const start = bytes[types + t * 6 + 5];
    const end = bytes.indexOf(0, chars + start);
    add(bytes.toString('latin1', chars + start, Math.min(end, chars + charcnt)), offset, zone, 'tzdata');
  }
  // The footer's rule (`IST-2IDT,M3.4.4/26,…`) names the clocks after the last transition.
  const footer = bytes.toString('latin1', chars + charcnt).split('\n')[1] ?? '';
  const rule = /^([A-Za-z]{3,})([+-]?\d{1,2}(?::\d{2})?)(?:([A-Za-z]{3,})([+-]?\d{1,2}(?::\d{2})?)?)?/.exec(footer);
  if (rule) {
    const minutes = (s: string) => { const [h, m = '0'] = s.replace(/^[+-]/, '').split(':'); return (s.startsWith('-') ? 1 : -1) * (Number(h) * 60 + Number(m)); };
    const std = minutes(rule[2]);
    add(rule[1], std, zone, 'tzdata');
    if (rule[3]) add(rule[3], rule[4] ? minutes(rule[4]) : std + 60, zone, 'tzdata');
  }
}

const zones = Intl.supportedValuesOf('timeZone');
for (const zone of zones) readTzif(currentZoneName(zone));
const instants: number[] = [];
for (let year = 2000; year <= 2026; year++) instants.push(Date.UTC(year, 0, 15), Date.UTC(year, 6, 15));
for (const locale of ENGLISH) {
  for (const zone of zones) {
    const f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    for (const t of instants.slice(-4)) {
      const name = f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
      add(name, zoneOffsetMinutes(zone, t)!, zone, 'CLDR');
    }
  }
}
for (const [abbreviation, offset, zone] of FORMER_TZDATA) add(abbreviation, offset, zone, 'tzdata until 2017');

/** The English long name of `zone`'s clock at `offset` (`Iran Standard Time`), from the last year it showed it. */
function longName(zone: string, offset: number): string | undefined {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' });
  for (const t of [...instants].reverse()) {
    if (zoneOffsetMinutes(zone, t) !== offset) continue;
    const name = f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value;
    return name && !/^GMT/.test(name) ? name : undefined;
  }
  return undefined;
}

const lines: string[] = [];
for (const abbreviation of [...table.keys()].sort()) {
  const rows = [...table.get(abbreviation)!.values()].sort((a, b) => a.offset - b.offset);
  const cells = rows.map((r) => {
    const zs = [...r.zones].sort();
    // The name most of its zones give that clock (`MDT`'s Mountain, not Bahia_Banderas's later Central).
    const names = zs.map((z) => longName(z, r.offset)).filter((n): n is string => n !== undefined);
    const name = names.sort((a, b) => names.filter((n) => n === b).length - names.filter((n) => n === a).length || a.localeCompare(b))[0];
    return `[${r.offset}, ${JSON.stringify(name ?? '')}, ${JSON.stringify([...r.sources].sort().join(', '))}, ${zs.slice(0, 4).map((z) => JSON.stringify(z)).join(', ')}]`;
  });
  lines.push(`  ${abbreviation}: [${cells.join(', ')}],`);
}
writeFileSync(OUT, `// Generated by scripts/gen-zone-abbreviations.ts: do not edit by hand.
/**
 * Each letter abbreviation of a clock since 2000 (tzdata, CLDR's English names, and tzdata's names
 * until 2017), by offset: [offset in minutes east, English name, sources, up to four zones].
 */
export const ZONE_ABBREVIATION_CATALOGUE: Readonly<Record<string, readonly (readonly [number, string, string, ...string[]])[]>> = {
${lines.join('\n')}
};
`);
console.log(`${OUT}: ${table.size} abbreviations`);
