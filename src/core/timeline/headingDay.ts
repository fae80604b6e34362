import { leadingIsoDay, withoutLeadingMark, type CalendarDay } from '../time/isoDay';
import { isValidDate, utcMsOf } from '../time/zones';

/**
 * The day a Timeline sub-heading names. `### 2026-11-20` names a whole date; a multi-day review
 * written by hand names days in words — `### Tuesday, 24 November`, `### Nov 26`, `### Day 4 (Nov 27)`,
 * `### Day 2` — which were not read at all, so the entries under them kept the day above and landed
 * days early (trial19c F7). Such a day has no year (taken from the document: resolveHeadingDay), or
 * no date at all (`Day 2`: counted from `started_at`). A heading that looks like a day but cannot be
 * read (`### Nov 31`, `### 24/11`, `### Tuesday`) is `unread`, with why: the entries under it keep
 * the day above, and timeline/day-heading says so.
 */
export interface HeadingDay {
  /** Written in the heading (`2026-11-20`, `24 November 2026`). */
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** `Day 4`: the incident's fourth day. */
  readonly dayNumber?: number;
  /** 0 (Sunday) … 6, when the heading names a weekday. */
  readonly weekday?: number;
  /** True when the day is written in words (not `YYYY-MM-DD`): the reading is said. */
  readonly inWords?: boolean;
  /** The heading looks like a day but names none that can be read: why. */
  readonly unread?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_SHORT: Readonly<Record<string, number>> = { sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6 };

function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  if (word === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m === word || (word.length === 3 && m.startsWith(word)));
  return i < 0 ? undefined : i + 1;
}

function weekdayOf(word: string): number | undefined {
  const i = WEEKDAYS.indexOf(word);
  return i >= 0 ? i : WEEKDAY_SHORT[word];
}

/** One token: a word (an abbreviation's dot kept apart), a number with an ordinal suffix, or punctuation. Sticky, one pass. */
const TOKEN = /[ \t]*(?:([A-Za-z]{1,12})\.?|(\d{1,4})(?:st|nd|rd|th)?(?![A-Za-z0-9])|([,()[\]\-\u2013\u2014:/.]))/y;
/** A numeric day-and-month written with `/` or `.` (`24/11`, `11/24/2026`, `24.11.`): the order depends on the writer's country. */
const NUMERIC_DAY = /^\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{2}|\d{4}))?\.?(?![\d/.])/;
const FILLER = new Set(['of', 'the', 'on']);

/**
 * The day a Timeline sub-heading names, or undefined when it names none and does not look like one
 * (`### Mitigation`, `### Phase 2`). Only the start of the heading is read: `### Nov 26 — rollback`
 * names Nov 26. Linear: one sticky token pass over at most the first 120 characters.
 */
export function readHeadingDay(heading: string): HeadingDay | undefined {
  const text = stripMarks(heading.trim()).slice(0, 120);
  const iso = leadingIsoDay(text);
  if (iso) return { year: iso.year, month: iso.month, day: iso.day };
  if (/^\d{4}-\d{1,2}-\d{1,2}(?!\d)/.test(text)) return { unread: `"${text.slice(0, 10)}" is no calendar day` };
  if (NUMERIC_DAY.test(text)) return { unread: 'a day and month in numbers could be read either way round (the order depends on the writer\'s country)' };
  let month: number | undefined;
  let weekday: number | undefined;
  let dayNumber: number | undefined;
  const numbers: number[] = [];
  let sawDayWord = false;
  TOKEN.lastIndex = 0;
  for (;;) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || m[0].length === 0) break;
    if (m[1] !== undefined) {
      const word = m[1].toLowerCase();
      const mo = monthOf(word);
      const wd = mo === undefined ? weekdayOf(word) : undefined;
      if (mo !== undefined && month === undefined) month = mo;
      else if (wd !== undefined && weekday === undefined) weekday = wd;
      else if (word === 'day' && !sawDayWord) sawDayWord = true;
      else if (!FILLER.has(word)) {
        TOKEN.lastIndex = at;
        break;
      }
    } else if (m[2] !== undefined) {
      const n = Number(m[2]);
      if (sawDayWord && dayNumber === undefined && numbers.length === 0 && month === undefined) dayNumber = n;
      else numbers.push(n);
      if (numbers.length > 2) break;
    }
  }
  // Words after the day are a note (`Nov 26 — rollback`); words before it mean it is no day heading.
  if (month === undefined && weekday === undefined && dayNumber === undefined) return undefined;
  if (month === undefined) {
    if (weekday !== undefined && numbers.length) return { weekday, unread: 'a day without its month' };
    if (dayNumber !== undefined) return { dayNumber, ...(weekday !== undefined ? { weekday } : {}), inWords: true };
    return { weekday: weekday!, unread: 'a weekday names no date' };
  }
  const year = numbers.find((n) => n >= 1000);
  const days = numbers.filter((n) => n < 1000);
  if (days.length !== 1) return { ...(weekday !== undefined ? { weekday } : {}), unread: days.length === 0 ? `${MONTHS[month - 1]![0]!.toUpperCase()}${MONTHS[month - 1]!.slice(1)} without a day` : 'more than one day number' };
  const day = days[0]!;
  const checkYear = year ?? 2000; // a leap year: 29 February is a day until the year says otherwise
  if (!isValidDate(checkYear, month, day)) return { unread: `${cap(MONTHS[month - 1]!)} has no day ${day}${year ? ` in ${year}` : ''}` };
  return {
    ...(year !== undefined ? { year } : {}), month, day,
    ...(dayNumber !== undefined ? { dayNumber } : {}),
    ...(weekday !== undefined ? { weekday } : {}),
    inWords: true,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The heading without emphasis or code marks (`**Nov 26**`, `` `2026-11-20` ``, `_Day 2_`). */
function stripMarks(text: string): string {
  const { rest } = withoutLeadingMark(text);
  return rest.replace(/[*_`]/g, '');
}

/** How a heading's day was dated: the date, and what was inferred (said by timeline/day-heading). */
export interface HeadingDayReading {
  readonly date?: CalendarDay;
  /** `year`: from the reference; `day`: `Day N` counted from started_at. */
  readonly inferred?: 'year' | 'day';
  /** Why it could not be dated. */
  readonly problem?: string;
}

/**
 * A heading's day as a calendar date: a year not written is the one that puts the day nearest to
 * `reference` (the day of the entry above, else `started_at`'s), so `### Jan 2` after 31 December is
 * the next year; `Day N` alone is `started_at`'s day plus N − 1.
 */
export function resolveHeadingDay(h: HeadingDay, reference: CalendarDay | undefined, started: CalendarDay | undefined): HeadingDayReading {
  if (h.unread) return { problem: h.unread };
  if (h.month !== undefined && h.day !== undefined) {
    if (h.year !== undefined) return { date: { year: h.year, month: h.month, day: h.day } };
    if (!reference) return { problem: 'no year is written, and nothing above it (started_at or a dated entry) gives one' };
    let best: CalendarDay | undefined;
    let bestGap = Infinity;
    for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
      if (!isValidDate(year, h.month, h.day)) continue;
      const gap = Math.abs(utcMsOf(year, h.month - 1, h.day) - utcMsOf(reference.year, reference.month - 1, reference.day));
      if (gap < bestGap) {
        bestGap = gap;
        best = { year, month: h.month, day: h.day };
      }
    }
    return best ? { date: best, inferred: 'year' } : { problem: `${cap(MONTHS[h.month - 1]!)} ${h.day} is in no year near ${reference.year}` };
  }
  if (h.dayNumber !== undefined) {
    if (!started) return { problem: `"Day ${h.dayNumber}" is counted from started_at, and there is none` };
    if (h.dayNumber < 1 || h.dayNumber > 366) return { problem: `"Day ${h.dayNumber}" is no day of an incident` };
    const d = new Date(utcMsOf(started.year, started.month - 1, started.day + h.dayNumber - 1));
    return { date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, inferred: 'day' };
  }
  return { problem: 'no day is named' };
}

/** 0 (Sunday) … 6 of a calendar day. */
export function weekdayOfDate(d: CalendarDay): number {
  return new Date(utcMsOf(d.year, d.month - 1, d.day)).getUTCDay();
}

export function weekdayName(n: number): string {
  return cap(WEEKDAYS[n]!);
}
