import { asciiDigits } from '../../text/halfWidth';
import type { SourceLine } from './model';
import { ianaZoneAt } from './zoneNameAfterTime';

/**
 * Times of day written inside sentences ("… from 9:16 PM to 11:16 PM PDT", "we noticed at 10:41
 * PST", "Around 3am the next day …"). A review told only in prose has no line the converter can
 * turn into a timeline entry without guessing which moment a sentence is about; these are what the
 * report lists, so an empty Timeline is never handed over as "complete" without a word.
 */
export interface ProseTime {
  /** Line of the original (zero-based). */
  readonly line: number;
  /** The time as written, with its zone when one follows ("9:16 PM PDT"). */
  readonly time: string;
  /** A few words either side, so the writer sees which moment the sentence is about. */
  readonly excerpt: string;
}

/**
 * "10:41", "9:16 PM", "23:05:10 UTC", "3am", "11 p.m. PST". Not part of a longer token (a version
 * 1.10:20, a port host:8080, a path, a ratio 3:1 has one digit after the colon). Bounded
 * repetition and one-character look-arounds: linear in the line.
 */
const TIME_OF_DAY = /(?<![\w.:/-])(?:(\d{1,2}):([0-5]\d)(?::[0-5]\d)?(?:\s?[AaPp]\.?[Mm]\.?(?![A-Za-z]))?|(\d{1,2})\s?[AaPp]\.?[Mm]\.?(?![A-Za-z0-9]))(?![\d:])(?:\s?(?:\((?:UTC|GMT|[A-Z]{2,4}T|[PECM]T)\)|(?:UTC|GMT|[A-Z]{2,4}T|[PECM]T)(?![A-Za-z])))?/g;

/**
 * The other ways a time of day is written (trial14a F23, F16): `21.05 Uhr`, `21 Uhr`, `21.05 uur`,
 * `21h05`, `kl. 21.05`, `9時05分`, `午後9時`, `9시 5분`, `9点05分` (full-width digits read as ASCII).
 * The hour is the first group.
 */
const OTHER_TIME = /(?<![\w.:/-])(?:(?:kl\.?|klo)\s)?(\d{1,2})(?:[.:]\d{2}\s?(?:Uhr|uur)(?![\p{L}])|\s?Uhr(?![\p{L}])|[hH]\d{2}(?!\d)|\s?(?:時|시|点|點)(?:\s?\d{1,2}\s?(?:分|분))?)/gu;
const CLOCK_WORD_TIME = /(?<![\w.:/-])(?:kl\.?|klo)\s(\d{1,2})[.:]\d{2}(?!\d)/gu;

/** "Pacific Time", "Eastern Standard Time" after a time: the US region's clock, kept with the time. */
const REGION_TIME = /^\s{1,2}(?:Pacific|Eastern|Central|Mountain)(?:\s(?:Standard|Daylight))?\s[Tt]ime(?![A-Za-z])/;

function regionTimeAt(text: string): { readonly length: number } | undefined {
  const m = REGION_TIME.exec(text.length > 60 ? text.slice(0, 60) : text);
  return m ? { length: m[0].length } : undefined;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** At most this many are collected: the report shows a few, the count says the rest. */
const MAX_FOUND = 1000;
const MAX_LINE = 4000;

/**
 * Times of day in `lines`, in order, outside fenced code, inline code and HTML comments (never
 * content). One entry per time; several on one line are each listed.
 */
export function findProseTimes(lines: readonly SourceLine[]): ProseTime[] {
  const found: ProseTime[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const src of lines) {
    if (found.length >= MAX_FOUND) break;
    const f = FENCE.exec(src.text);
    if (fence) {
      if (f?.[1].startsWith(fence)) fence = undefined;
      continue;
    }
    if (f && !inComment) {
      fence = f[1];
      continue;
    }
    const visible = withoutComments(src.text.slice(0, MAX_LINE), inComment);
    inComment = visible.open;
    const text = visible.text.replace(/`[^`]{0,500}`/g, ' ');
    const plain = asciiDigits(text);
    const times: { at: number; end: number }[] = [];
    // Characters already part of a time: a form read twice ("21:05 Uhr") is one time.
    const taken = new Uint8Array(plain.length);
    const take = (at: number, end: number): void => {
      taken.fill(1, at, end);
      times.push({ at, end });
    };
    for (const m of plain.matchAll(TIME_OF_DAY)) {
      const hour = Number(m[1] ?? m[3]);
      const meridiem = /[AaPp]\.?[Mm]/.test(m[0]);
      // "17:14pm" is a time of day too, written with a stray am/pm (read as 17:14 wherever it is read).
      if (meridiem ? hour < 1 || (hour > 12 && (m[1] === undefined || hour > 23)) : hour > 24) continue;
      // "19:30 US/Pacific", "9:00 Pacific Time": the zone goes with the time handed back (trial 16a F11:
      // listed as "19:30", an entry made from it was read in the document's zone).
      const end = m.index + m[0].length;
      const zoned = /[A-Za-z)]$/.test(m[0]) ? undefined : ianaZoneAt(plain.slice(end)) ?? regionTimeAt(plain.slice(end));
      take(m.index, end + (zoned?.length ?? 0));
    }
    for (const re of [OTHER_TIME, CLOCK_WORD_TIME]) {
      for (const m of plain.matchAll(re)) {
        if (Number(m[1]) > 24 || taken[m.index] || taken[m.index + m[0].length - 1]) continue;
        take(m.index, m.index + m[0].length);
      }
    }
    times.sort((a, b) => a.at - b.at);
    for (const t of times) {
      found.push({ line: src.line, time: text.slice(t.at, t.end).trim(), excerpt: excerptAround(text, t.at, t.end) });
      if (found.length >= MAX_FOUND) break;
    }
  }
  return found;
}

/** Up to 25 characters either side of the time, cut at a space, marked with … where cut. */
function excerptAround(text: string, start: number, end: number): string {
  let a = Math.max(0, start - 25);
  let b = Math.min(text.length, end + 25);
  if (a > 0) a = Math.min(start, text.indexOf(' ', a) + 1 || start);
  if (b < text.length) b = Math.max(end, text.lastIndexOf(' ', b));
  const inner = text.slice(a, b).replace(/\s+/g, ' ').trim();
  return `${a > 0 ? '…' : ''}${inner}${b < text.length ? '…' : ''}`;
}

/** The line with `<!-- … -->` parts blanked; `open`: a comment runs on past the line's end. */
function withoutComments(text: string, open: boolean): { text: string; open: boolean } {
  let out = '';
  let at = 0;
  let inside = open;
  while (at < text.length) {
    if (inside) {
      const end = text.indexOf('-->', at);
      if (end === -1) return { text: out, open: true };
      at = end + 3;
      inside = false;
    } else {
      const start = text.indexOf('<!--', at);
      if (start === -1) return { text: out + text.slice(at), open: false };
      out += `${text.slice(at, start)} `;
      at = start + 4;
      inside = true;
    }
  }
  return { text: out, open: inside };
}
