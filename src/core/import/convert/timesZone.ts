import { ZONE_ABBREVIATIONS } from '../../time/zones';
import { REGION_ZONES } from './stamps';
import { ianaZoneOf } from './zoneNameAfterTime';

/** The zone most of a document's written times carry, and the times that carry another. */
export interface TimesZone {
  readonly zone: string;
  /** How many times carry it, of how many that carry a zone at all. */
  readonly count: number;
  readonly total: number;
  /** The other zones written on times, each with the 0-based line of its first time (for the note). */
  readonly others: readonly { readonly zone: string; readonly line: number; readonly count: number }[];
}

/**
 * A time of day and the word after it: "15:09 UTC", "9:16 PM PDT", "4:23PM PST", "(PT)", "19:30
 * US/Pacific", "14:05 Europe/Berlin", "9:00 Pacific Time". The word is judged by `zoneWritten`
 * (a plain run of name characters here keeps the pattern provably linear).
 */
const ZONED_TIME = /\b\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?(?![A-Za-z])\s?)?\(?([A-Za-z][\w/+-]{0,60})/g;
/** After "Pacific", "Eastern" …: the words that make it the region's clock ("Pacific Time", "Eastern Standard Time"). */
const REGION_TIME_WORDS = /^\s(?:(?:Standard|Daylight)\s)?[Tt]ime(?![A-Za-z])/;
/** What stands between a time and the same time in another zone: "(", " / ", " = ", ", ". */
const RESTATEMENT = /^\s{0,2}[(/=,]\s{0,2}$/;
/** The text looked at: more than any post-mortem, so a hostile file costs a bounded scan. */
const MAX_TEXT = 1_000_000;
/** Times of other zones that do not unsettle the main one, per time of it: "most" means twice as many. */
const MAJORITY = 2;
/** A zone must be written on this many times to win over others (one "0:59 CET" beside two PST settles nothing). */
const MIN_MAJORITY = 3;

/**
 * The zone a document states on its times rather than once ("### 16:22 PST" on every entry): every
 * time that carries a zone carries this one, or most do — at least three, and twice as many as all
 * the others together (trial 14a F8: a review whose entries were all "… PST" and whose prose said
 * once "noticed at 0:59 CET" was read as stating no zone, and got `timezone: UTC`, which dated a
 * Californian evening incident on the next day). Undefined when no zone is written on times or
 * none is clearly the document's. The others are returned for the note that names them.
 */
export function zoneOnTimes(text: string): TimesZone | undefined {
  const counts = new Map<string, { count: number; line: number }>();
  const scanned = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  let line = 0;
  let lineFrom = 0;
  let lastEnd = -10;
  for (const m of scanned.matchAll(ZONED_TIME)) {
    // "10:00 PST (18:00 UTC)", "16:22 PST / 00:22 UTC": the same instant restated in another zone
    // is no second zone of the document's.
    const restated = m.index - lastEnd <= 4 && RESTATEMENT.test(scanned.slice(lastEnd, m.index));
    lastEnd = m.index + m[0].length;
    if (restated) continue;
    // "14:02Z", the format's own entries: UTC by the text itself (trial18a F10: a converted file was
    // read as stating no zone, and got `timezone: UTC # assumed`). Not the seconds of an ISO stamp
    // (`07:45:00Z`, after a colon), nor a word after a space ("14:02 Zone B").
    const zulu = m[1] === 'Z' && /\d{2}Z$/.test(m[0]) && (m.index === 0 || scanned[m.index - 1] !== ':');
    const zone = zulu ? 'UTC' : zoneWritten(m[1], scanned.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (zone === undefined) continue;
    // The line of this time: newlines counted from the last match on, so the whole scan stays linear.
    for (let k = scanned.indexOf('\n', lineFrom); k !== -1 && k < m.index; k = scanned.indexOf('\n', k + 1)) {
      line++;
      lineFrom = k + 1;
    }
    const seen = counts.get(zone);
    if (seen) seen.count++;
    else counts.set(zone, { count: 1, line });
  }
  if (counts.size === 0) return undefined;
  const ranked = [...counts].sort((a, b) => b[1].count - a[1].count || a[1].line - b[1].line);
  const [zone, top] = ranked[0];
  const total = ranked.reduce((sum, [, c]) => sum + c.count, 0);
  const rest = total - top.count;
  if (rest > 0 && (top.count < MIN_MAJORITY || top.count < MAJORITY * rest)) return undefined;
  return { zone, count: top.count, total, others: ranked.slice(1).map(([z, c]) => ({ zone: z, line: c.line, count: c.count })) };
}

/** The zone a word written after a time names: an abbreviation as written, `PT` / `Pacific Time` as the region's clock, an IANA name under today's name. */
function zoneWritten(word: string, after: string): string | undefined {
  // An abbreviation as zones are named ("UTC", "PDT"), not a glued "Z" (an ISO stamp's) or a word.
  if (/^(?:UTC|GMT|[A-Z]{2,4}T)$/.test(word) && word in ZONE_ABBREVIATIONS) return word === 'GMT' ? 'UTC' : word;
  if (/^[PECM]T$/.test(word)) return REGION_ZONES[word[0]];
  if (/^(?:Pacific|Eastern|Central|Mountain)$/.test(word)) return REGION_TIME_WORDS.test(after) ? REGION_ZONES[word[0]] : undefined;
  return word.includes('/') ? ianaZoneOf(word) : undefined;
}
