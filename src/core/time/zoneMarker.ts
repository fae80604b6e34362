import { regionOfAbbreviation } from './abbreviationSeasons';
import { catalogueClocks, catalogueReadingNote } from './zoneAbbreviationCatalogue';
import { readZoneName } from './zoneName';
import { sameZone } from './zoneNames';
import { isValidTimeZone, offsetAtInstant, offsetFor, offsetText, ZONE_ABBREVIATIONS } from './zones';

/**
 * What the zone written right after a timeline time says. A marker the tools can read gives the
 * zone to read the time in (`PT` → America/Los_Angeles, `(UTC)` → UTC, `UTC−3` → UTC-3); a marker
 * with several meanings (`IST`, `CT`, `AST`) gives its readings, for the document's `timezone:` to
 * choose from; a marker that names a zone the tools cannot read (`Europe/Berln`, `UTC+15`, a bare
 * `Pacific`) gives a problem. Anything else (`DB`, `CI/CD`, `(deploy)`) is not a marker: it is the
 * entry's text. A time is never read in another zone than the one its marker names.
 */
export type ZoneMarker =
  /** `taken`: how an abbreviation only the time-zone data knows was read (`IRST` → UTC+3:30), for the messages to say. */
  | { readonly kind: 'zone'; readonly zone: string; readonly length: number; readonly taken?: string }
  | { readonly kind: 'ambiguous'; readonly zone: string; readonly readings: readonly ZoneReading[]; readonly length: number }
  | { readonly kind: 'problem'; readonly problem: string; readonly length: number };

/** One meaning of an ambiguous marker: a zone the tools read (an offset or an IANA name), and how to say it. */
export interface ZoneReading {
  readonly label: string;
  readonly zone: string;
  /** The regions whose clocks it names: a document in one of these zones means this reading. */
  readonly regions: readonly string[];
  /** Read so when the document's zone does not choose (BST as British summer time, CST as US Central). */
  readonly isDefault?: boolean;
}

/** A North American document naming another US zone's abbreviation means the US one (`CDT` in a New York review). */
const NORTH_AMERICA = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Toronto', 'America/Winnipeg', 'America/Edmonton', 'America/Vancouver', 'America/Halifax', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Mexico_City'];
const AUSTRALIA_CENTRAL = ['Australia/Adelaide', 'Australia/Darwin', 'Australia/Broken_Hill'];
const AUSTRALIA_EASTERN = ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Hobart', 'Australia/Canberra', 'Australia/Lindeman'];

/**
 * Abbreviations with several meanings in current use. Without a default they are read only when the
 * document's `timezone:` is one of their regions (or has their offset); otherwise the entry is reported.
 */
export const AMBIGUOUS_ABBREVIATIONS: Readonly<Record<string, readonly ZoneReading[]>> = {
  IST: [
    { label: 'India Standard Time (UTC+5:30)', zone: '+05:30', regions: ['Asia/Kolkata'] },
    { label: 'Irish Standard Time (UTC+1)', zone: '+01:00', regions: ['Europe/Dublin'] },
    { label: 'Israel Standard Time (UTC+2)', zone: '+02:00', regions: ['Asia/Jerusalem'] },
  ],
  AST: [
    { label: 'Atlantic Standard Time (UTC−4)', zone: '-04:00', regions: ['America/Halifax', 'America/Puerto_Rico', 'Atlantic/Bermuda'] },
    { label: 'Arabia Standard Time (UTC+3)', zone: '+03:00', regions: ['Asia/Riyadh', 'Asia/Baghdad', 'Asia/Kuwait', 'Asia/Qatar', 'Asia/Bahrain', 'Asia/Aden'] },
  ],
  CT: [
    { label: 'US Central time (America/Chicago)', zone: 'America/Chicago', regions: ['America/Chicago'] },
    { label: 'China time (UTC+8)', zone: '+08:00', regions: ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Macau'] },
  ],
  CST: [
    { label: 'US Central Standard Time (UTC−6)', zone: '-06:00', regions: NORTH_AMERICA, isDefault: true },
    { label: 'China Standard Time (UTC+8)', zone: '+08:00', regions: ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Macau'] },
    // Australians write CST/CDT/EST/EDT for their own zones (trial 13a F7: an Adelaide post-mortem's `09:00 CST` was read 15.5 h off).
    { label: 'Australian Central Standard Time (UTC+9:30)', zone: '+09:30', regions: AUSTRALIA_CENTRAL },
  ],
  CDT: [
    { label: 'US Central Daylight Time (UTC−5)', zone: '-05:00', regions: NORTH_AMERICA, isDefault: true },
    { label: 'Australian Central Daylight Time (UTC+10:30)', zone: '+10:30', regions: AUSTRALIA_CENTRAL },
  ],
  EST: [
    { label: 'US Eastern Standard Time (UTC−5)', zone: '-05:00', regions: NORTH_AMERICA, isDefault: true },
    { label: 'Australian Eastern Standard Time (UTC+10)', zone: '+10:00', regions: AUSTRALIA_EASTERN },
  ],
  EDT: [
    { label: 'US Eastern Daylight Time (UTC−4)', zone: '-04:00', regions: NORTH_AMERICA, isDefault: true },
    { label: 'Australian Eastern Daylight Time (UTC+11)', zone: '+11:00', regions: AUSTRALIA_EASTERN },
  ],
  BST: [
    { label: 'British Summer Time (UTC+1)', zone: '+01:00', regions: ['Europe/London'], isDefault: true },
    { label: 'Bangladesh Standard Time (UTC+6)', zone: '+06:00', regions: ['Asia/Dhaka'] },
  ],
  // Singapore's SST is written there daily, while tzdata's only SST is American Samoa's (a `15:00 SST`
  // in a Singapore review was read 19 h off and `lint --fix` wrote it so). Perth wrote WST (tzdata's
  // until 2014); the Eastern Caribbean writes ECT. None is the usual meaning: the document's zone chooses.
  SST: [
    { label: 'Samoa Standard Time (UTC−11)', zone: '-11:00', regions: ['Pacific/Pago_Pago', 'Pacific/Midway'] },
    { label: 'Singapore Standard Time (UTC+8)', zone: '+08:00', regions: ['Asia/Singapore'] },
  ],
  ECT: [
    { label: 'Ecuador Time (UTC−5)', zone: '-05:00', regions: ['America/Guayaquil'] },
    { label: 'Eastern Caribbean Time (UTC−4)', zone: '-04:00', regions: ['America/Port_of_Spain', 'America/Barbados', 'America/St_Lucia', 'America/Grenada', 'America/Antigua', 'America/Dominica', 'America/St_Vincent', 'America/St_Kitts'] },
  ],
  WST: [
    { label: 'Australian Western Standard Time (UTC+8)', zone: '+08:00', regions: ['Australia/Perth'] },
    { label: 'West Samoa Time (UTC+13)', zone: '+13:00', regions: ['Pacific/Apia'] },
  ],
};

/** Generic region names that follow daylight saving (`PT` is PST or PDT, as the date says). */
const GENERIC: Readonly<Record<string, string>> = {
  PT: 'America/Los_Angeles', MT: 'America/Denver', ET: 'America/New_York', AKT: 'America/Anchorage',
  PACIFIC: 'America/Los_Angeles', MOUNTAIN: 'America/Denver', CENTRAL: 'America/Chicago', EASTERN: 'America/New_York', ATLANTIC: 'America/Halifax',
};

/** Top-level IANA areas: `Europe/Berln` is a zone name with a slip, `read/write` is text. */
const IANA_AREA = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada|Brazil|Mexico|Chile)\//i;

// One token, optionally in brackets: Z, UTC/GMT with an offset (ASCII hyphen, Unicode minus U+2212 or
// en dash U+2013), a bare offset, an IANA name, an abbreviation or a pair of them (`CET/CEST`), or a
// capitalised region word with an optional "time". Anchored and bounded: linear in the text.
const MARKER =
  /^([ \t\u00a0\u202f]*)(?:([([])[ \t]*)?(z|(?:utc|gmt|ut)(?:[ \t]?[+\-\u2212\u2013][ \t]?\d{1,2}(?::?\d{2})?)?|[+\-\u2212]\d{2}(?::?\d{2})?|[A-Za-z][A-Za-z_]{0,30}(?:\/[A-Za-z0-9_+-]{1,30}){1,2}|(?:Pacific|Mountain|Central|Eastern|Atlantic)(?:[ \t]+time)?(?![A-Za-z])|[A-Z]{2,5}(?:\/[A-Z]{2,5})?(?![A-Za-z]))(?:[ \t]*([)\]]))?/i;

export function readZoneMarker(text: string): ZoneMarker | undefined {
  const m = MARKER.exec(text.slice(0, 80));
  if (!m) return undefined;
  const [whole, space, open, token, close] = m;
  // A bracket is part of the marker only when both are there and match: `(UTC)`, `[UTC]`.
  const bracketed = open !== undefined && close !== undefined && (open === '(' ? close === ')' : close === ']');
  if (open !== undefined && !bracketed) return undefined;
  const length = bracketed ? whole.length : space.length + token.length;
  const zone = (z: string): ZoneMarker => ({ kind: 'zone', zone: z, length });
  const problem = (p: string): ZoneMarker => ({ kind: 'problem', problem: p, length });
  const after = text.charAt(length);
  if (!bracketed && /[A-Za-z0-9/]/.test(after)) return undefined;

  if (/^z$/i.test(token)) return zone('Z');
  const utc = /^(?:utc|gmt|ut)(?:[ \t]?([+\-\u2212\u2013])[ \t]?(\d{1,2})(?::?(\d{2}))?)?$/i.exec(token);
  if (utc) {
    // Lower-case `utc` counts; a mixed-case word ("Ut") is text.
    if (token.slice(0, 2) !== token.slice(0, 2).toUpperCase() && token.slice(0, 2) !== token.slice(0, 2).toLowerCase()) return undefined;
    if (!utc[1]) return zone('UTC');
    return offsetZone(utc[1], utc[2], utc[3], token, zone, problem);
  }
  const bare = /^([+\-\u2212])(\d{2})(?::?(\d{2}))?$/.exec(token);
  if (bare) {
    // `+05` alone is an offset attached to the time (`15:05+05`). Spaced (`10:20 -02`, as Brazilians
    // write it), it is one too when only the entry's markers follow (`[detected]`, `(alert)`, a dash
    // before the text): read as written, never as text beside a time read in the document's zone
    // (trial16a F5). Before a word, "14:05 +10 nodes" is text; "14:05 -02 nodes" is asked.
    if (bare[3] === undefined && (space !== '' || bracketed)) {
      const rest = text.slice(length);
      if (bracketed || /^[ \t]*(?:$|[[(]|[-\u2013\u2014:|][ \t])/.test(rest)) return offsetZone(bare[1], bare[2], undefined, token, zone, problem);
      if (bare[1] === '+') return undefined;
      return problem(`Expected either a UTC offset or the entry's text after the time, found "${token}" before a word: write "UTC${bare[1]}${bare[2]}:00" after the time if it is the offset, or a word before "${token}" if it is text`);
    }
    return offsetZone(bare[1], bare[2], bare[3], token, zone, problem);
  }
  if (token.includes('/')) {
    const pair = /^([A-Z]{2,5})\/([A-Z]{2,5})$/.exec(token);
    if (pair) {
      const [a, b] = [pair[1], pair[2]];
      if (!(a in ZONE_ABBREVIATIONS) || !(b in ZONE_ABBREVIATIONS)) return undefined;
      // `CET/CEST`: the region's clock, whichever season the date falls in.
      const region = regionOfAbbreviation(a);
      return region && region === regionOfAbbreviation(b)
        ? zone(region)
        : problem(`Expected one time zone after the time, found "${token}" (two zones with different clocks); write the UTC time or an offset`);
    }
    if (!IANA_AREA.test(token)) return undefined;
    return isValidTimeZone(token) ? zone(token) : problem(`Expected a known time zone after the time, found "${token}"`);
  }
  const upper = token.toUpperCase();
  const region = upper.split(/[ \t]/)[0];
  if (/^[A-Z]{2,5}$/.test(token)) {
    const readings = AMBIGUOUS_ABBREVIATIONS[token];
    if (readings) return { kind: 'ambiguous', zone: token, readings, length };
    if (token in ZONE_ABBREVIATIONS) return zone(token);
    if (token === 'CT') return { kind: 'ambiguous', zone: token, readings: AMBIGUOUS_ABBREVIATIONS.CT, length };
    if (token in GENERIC) return zone(GENERIC[token]);
    return catalogueMarker(token, length);
  }
  if (/^[A-Z][a-z]+(?:[ \t]+[Tt]ime)?$/.test(token) && region in GENERIC) {
    // "Pacific time", "(Eastern)": the US region's clock. A bare "Pacific" may be the start of the
    // entry's text ("Eastern DC lost power"): reported, never read in some zone silently.
    if (upper !== region || bracketed) return zone(GENERIC[region]);
    return problem(`Expected a zone the tools can read after the time, found "${token}": if it is ${token} time (${GENERIC[region]}), write "${token} time" or the UTC time`);
  }
  return undefined;
}

/**
 * An abbreviation only the time-zone data knows (`IRST`, `IDT`, `GST`): one clock is read as its
 * offset and said; several (`GST`: the Gulf's or South Georgia's) are readings for the document's
 * zone to choose from, else the entry is reported. Never the entry's text, read in the document's zone.
 */
function catalogueMarker(token: string, length: number): ZoneMarker | undefined {
  const clocks = catalogueClocks(token);
  if (!clocks) return undefined;
  if (clocks.length === 1) return { kind: 'zone', zone: offsetText(clocks[0].offset), length, taken: catalogueReadingNote(token, clocks[0]) };
  const readings = clocks.map((c): ZoneReading => ({ label: c.label, zone: offsetText(c.offset), regions: c.zones }));
  return { kind: 'ambiguous', zone: token, readings, length };
}

function offsetZone(
  signChar: string, hours: string, minutes: string | undefined, written: string,
  zone: (z: string) => ZoneMarker, problem: (p: string) => ZoneMarker,
): ZoneMarker {
  const sign = signChar === '+' ? '+' : '-';
  const normalised = `${sign}${hours.padStart(2, '0')}:${minutes ?? '00'}`;
  if (offsetFor(normalised, { year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) === undefined) {
    return problem(`Expected a UTC offset from −12:00 to +14:00 after the time, found "${written}"`);
  }
  // As written when the tools read that spelling (`GMT+2`, `-0800`); a Unicode minus or en dash and
  // spaces (`UTC−3`, `UTC – 3`) are spelt the ASCII way.
  const asWritten = /^[\x21-\x7e]+$/.test(written) && offsetFor(written, { year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) !== undefined;
  return zone(asWritten ? written : normalised);
}

/**
 * The reading of an ambiguous marker and whether the document's zone chose it. `byDocument`: the
 * document's `timezone:` is one of the reading's regions (Asia/Shanghai for `CST`) or has its fixed
 * offset (`+08:00`, `HKT`). Otherwise a guess, said by timeline/ambiguous-zone: the document's zone is
 * the abbreviation itself (`timezone: BST`: the reading its zone-less times get, British summer
 * time), or no zone chose and the abbreviation has a usual meaning (`CST` as US Central, `BST` as
 * British summer time). Undefined when nothing chooses (`IST` in Berlin): the entry is reported.
 */
export interface ChosenReading {
  readonly reading: ZoneReading;
  readonly byDocument: boolean;
}

export function chooseReading(readings: readonly ZoneReading[], documentZone: string): ChosenReading | undefined {
  const name = readZoneName(documentZone);
  if (name.kind === 'iana') {
    const region = readings.find((r) => r.regions.some((z) => sameZone(name.zone, z)));
    if (region) return { reading: region, byDocument: true };
  } else if (name.kind === 'offset' || name.kind === 'abbreviation') {
    // An abbreviation is compared by its offset, never by the ICU alias of the same letters (`BST` is Asia/Dhaka to ICU).
    const offset = offsetAtInstant(name.zone, 0);
    // Only readings that are fixed offsets: CT's America/Chicago has no one offset to compare.
    const same = readings.find((r) => /^[+-]\d\d:\d\d$/.test(r.zone) && offsetAtInstant(r.zone, 0) === offset);
    if (same) return { reading: same, byDocument: !(name.zone.toUpperCase() in AMBIGUOUS_ABBREVIATIONS) };
  }
  const usual = readings.find((r) => r.isDefault);
  return usual ? { reading: usual, byDocument: false } : undefined;
}

/** "IST" may be India Standard Time (UTC+5:30), Irish … or Israel …: the message for an unresolved marker. */
export function ambiguousZoneProblem(written: string, readings: readonly ZoneReading[], remedy = "set the front matter's `timezone:` to the zone meant"): string {
  const labels = readings.map((r) => r.label);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : labels[0];
  return `Expected a zone with one meaning after the time, found "${written}" (${list}); write the UTC time or an offset, or ${remedy}`;
}
