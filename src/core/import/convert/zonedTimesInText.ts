import { asciiDigits } from '../../text/halfWidth';
import { monthOf } from '../../time/monthNames';
import { readLeadingStamp, type DateReading, type LooseDate, type LooseStamp } from './stamps';
import type { SourceLine } from './model';
import { eachOutsideFences } from './fences';

/**
 * The moments a text states whole — a date, a time of day and a zone — wherever they stand in a
 * sentence: "caused it to hang at ~13:30 UTC on April 21, 2020", "on April 21, 2020 at 13:30 UTC",
 * "2020-04-21 13:30 UTC", "21 April 2020, 13:30 CEST". Read by the stamp reader convert uses for
 * entries (stamps.ts), so a form it reads anywhere is read here. A time without a zone or a date is
 * left out: only a moment the text pins down can contradict a start the original states elsewhere
 * (trial 15a F17). Bounded: lines, positions per line and moments found.
 */
export interface ZonedTime {
  readonly line: number;
  readonly date: LooseDate;
  readonly hour: number;
  readonly minute: number;
  readonly zone: string;
  /** As written ("13:30 UTC on April 21, 2020"). */
  readonly written: string;
}

const MAX_LINES = 20_000;
const MAX_LINE = 4000;
const MAX_FOUND = 500;
/** Stamp reads in the whole text: a hostile file of digits is not read at every one of them. */
const MAX_TRIES = 20_000;
/** Where a stamp may start: a digit or a letter after something that is neither (a word's start). */
const START = /(?<![\p{L}\p{N}:./-])[\p{L}\p{N}]/gu;
/** ", on April 21, 2020", " on the 21st of April" after a time. */
const ON_DATE = /^,?[ \t]{1,3}(?:on|am|le|el|em)[ \t]{1,3}(?:the[ \t]{1,3})?/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?$/i;

function withDate(text: string, at: number, st: LooseStamp, reading: DateReading): { date: LooseDate; end: number } | undefined {
  if (st.date) return { date: st.date, end: at + st.end };
  const rest = text.slice(at + st.end, at + st.end + 80);
  const on = ON_DATE.exec(rest);
  if (!on) return undefined;
  const d = readLeadingStamp(rest.slice(on[0].length), reading);
  return d?.date && d.hour === undefined ? { date: d.date, end: at + st.end + on[0].length + d.end } : undefined;
}

export function zonedTimesInText(lines: readonly SourceLine[], reading: DateReading): ZonedTime[] {
  const found: ZonedTime[] = [];
  let budget = MAX_TRIES;
  eachOutsideFences(lines.slice(0, MAX_LINES), (src) => {
    if (budget <= 0) return;
    const text = asciiDigits(src.text.slice(0, MAX_LINE)).replace(/`[^`]{0,500}`/g, (m) => ' '.repeat(m.length));
    let next = 0;
    let tries = 0;
    START.lastIndex = 0;
    for (let m = START.exec(text); m && tries < 200 && budget > 0 && found.length < MAX_FOUND; m = START.exec(text)) {
      if (m.index < next) continue;
      // A stamp opens with a digit, a month ("April 21, 2020 at …") or a weekday ("Tue, April 21 …").
      if (!/\d/.test(m[0])) {
        const word = /^\p{L}{2,10}/u.exec(text.slice(m.index, m.index + 11))?.[0] ?? '';
        if (monthOf(word) === undefined && !WEEKDAY.test(word)) continue;
      }
      tries++;
      budget--;
      const st = readLeadingStamp(text.slice(m.index, m.index + 120), reading);
      if (!st || st.hour === undefined) continue;
      const dated = withDate(text, m.index, st, reading);
      if (!dated || !st.zone) continue;
      found.push({ line: src.line, date: dated.date, hour: st.hour, minute: st.minute ?? 0, zone: st.zone, written: src.text.slice(m.index, dated.end).replace(/[*_]/g, '').trim() });
      next = dated.end;
      START.lastIndex = dated.end;
    }
  });
  return found;
}
