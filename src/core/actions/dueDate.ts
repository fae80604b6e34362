import { MONTH_NAMES, monthOf } from '../time/monthNames';
import { isValidDate } from '../time/zones';

/**
 * The one reader of a due date written after due words ("due Dec 14", "deadline 14 December
 * 2026", "due: 2026/12/14", "due by Friday"), for the action-item grammar (actions/dueWords.ts)
 * and `convert` (convert/itemFields.ts), so the two cannot drift. What it reads:
 *
 * - `2026-12-14`, and year-first `2026/12/14`, `2026.12.4`: one reading only.
 * - A month by name with a day: `Dec 14`, `December 14th, 2026`, `14 December`, `14th of Dec`,
 *   after an optional weekday (`Fri, Dec 14`). Without a year the caller takes the year that puts
 *   the date on or after the incident date (dueYear.ts) and says so.
 *
 * What it refuses, saying why, rather than guess: day-and-month numbers (`14/12`, `03/04`, whose
 * order depends on the writer's country) unless the caller knows the document's order (convert's
 * `dayFirst`, from the document's own dates), weekdays (`Friday`: which one depends on the day it
 * was written) and relative words (`next week`, `EOW`, `Q1`). Anything else after the due words
 * ("due to the outage") is not a due date at all.
 *
 * Every pattern is anchored and bounded (no unbounded repetition next to another that can match
 * the same text), so reading is linear; the caller passes at most a short slice.
 */
export type DueValue =
  | { readonly kind: 'date'; readonly value: string; readonly length: number }
  | { readonly kind: 'yearless'; readonly month: number; readonly day: number; readonly length: number }
  | { readonly kind: 'unread'; readonly why: string; readonly length: number };

export interface DueReadOptions {
  /** The document's own order of day and month in numeric dates (convert's evidence); undefined: not read. */
  readonly dayFirst?: boolean;
}

// Literals, so the regular-expression audit proves each linear (test/unit/robustness/regexAudit.test.ts).
// A date ends where no letter or digit follows.
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}])/u;
/** `14/12`, `14.12.`, `03/04/2026`, `14-12-2026` (a hyphen only with a year: "1-2 weeks" is no date). */
const NUMERIC = /^(\d{1,2})(?:([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?|-(\d{1,2})-(\d{4}))(?![\p{L}\p{N}])/u;
const WEEKDAY_BEFORE_DATE = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?[ \t]{1,3}/iu;
const WEEKDAY = /^(?:(?:next|this|coming|on)[ \t]{1,3})?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?(?![\p{L}\p{N}])/iu;
const MONTH_FIRST = /^(\p{L}{3,9}\.?)[ \t]{1,3}(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}])(?:,?[ \t]{1,3}(\d{4})(?![\p{L}\p{N}]))?/u;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th|\.)?[ \t]{1,3}(?:of[ \t]{1,3})?(\p{L}{3,9}\.?)(?!\p{L})(?:,?[ \t]{1,3}(\d{4})(?![\p{L}\p{N}]))?/u;
const RELATIVE = /^(?:today|tomorrow|tonight|eod|eow|eom|eoq|eoy|asap|soon|next[ \t]{1,3}(?:week|month|quarter|year|sprint|release)|this[ \t]{1,3}(?:week|month|quarter|sprint)|end[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?(?:day|week|month|quarter|year|sprint)|q[1-4](?:[ \t]{1,3}\d{4})?)(?![\p{L}\p{N}])/iu;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
/** Years a due date can be in: "0226" is a slip for 2026, "1926" or "2926" are not deadlines anyone set (trial19b F5). */
const FIRST_DUE_YEAR = 1970;
const LAST_DUE_YEAR = 2200;

/** Why a `due:` date of this year is not read as one ("its year is outside 1970–2200"), undefined for a year a deadline can have. */
export function dueYearProblem(year: number): string | undefined {
  if (year >= FIRST_DUE_YEAR && year <= LAST_DUE_YEAR) return undefined;
  const slip = year < 1000 ? `, so ${String(year).padStart(4, '0')} is likely a slip or a placeholder` : '';
  return `its year is outside ${FIRST_DUE_YEAR}–${LAST_DUE_YEAR}${slip}`;
}
const dayMonth = (d: number, m: number) => `${d} ${MONTH_NAMES[m - 1]}`;
const WRITE_ISO = 'write due:YYYY-MM-DD';

/** The due date at the start of `text` (what follows the due words), or undefined when nothing there looks like a date. */
export function readDueValue(text: string, options: DueReadOptions = {}): DueValue | undefined {
  const slice = text.slice(0, 60);
  let m = YEAR_FIRST.exec(slice);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (!isValidDate(y, mo, d)) return { kind: 'unread', why: `${m[0]} is not a calendar date; ${WRITE_ISO}`, length: m[0].length };
    return dated(m[0], y, mo, d);
  }
  m = NUMERIC.exec(slice);
  if (m) return numeric(m, options);
  const weekday = WEEKDAY_BEFORE_DATE.exec(slice);
  const afterWeekday = weekday ? slice.slice(weekday[0].length) : slice;
  const named = monthNamed(afterWeekday);
  if (named) return { ...named, length: named.length + (weekday ? weekday[0].length : 0) } as DueValue;
  m = WEEKDAY.exec(slice);
  if (m) return { kind: 'unread', why: `"${m[0]}" names a weekday, not a date: which one depends on the day it was written; ${WRITE_ISO}`, length: m[0].length };
  m = RELATIVE.exec(slice);
  if (m) return { kind: 'unread', why: `"${m[0]}" is relative: it changes with the day it is read; ${WRITE_ISO}`, length: m[0].length };
  return undefined;
}

/**
 * A calendar date as a due date, or why it is not read as one: a year outside 1970–2200 is a slip
 * (`0226-12-20` for 2026) or a placeholder (`0000-01-01`), and reading it made an item never overdue,
 * or "NaN days overdue" (trial19b F5).
 */
function dated(written: string, year: number, month: number, day: number): DueValue {
  const length = written.length;
  const problem = dueYearProblem(year);
  return problem ? { kind: 'unread', why: `${written} is not a due date: ${problem}; ${WRITE_ISO}`, length } : { kind: 'date', value: iso(year, month, day), length };
}

function numeric(m: RegExpExecArray, options: DueReadOptions): DueValue {
  const written = m[0];
  const a = Number(m[1]);
  const b = Number(m[3] ?? m[5]);
  const yearText = m[4] ?? m[6];
  const year = yearText === undefined ? undefined : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const length = written.length;
  const dayFirst = options.dayFirst;
  if (dayFirst !== undefined) {
    const [day, month] = dayFirst ? [a, b] : [b, a];
    if (month <= 12 && day <= 31) {
      if (year === undefined) return isValidDate(2024, month, day) ? { kind: 'yearless', month, day, length } : { kind: 'unread', why: `${written} is not a calendar date; ${WRITE_ISO}`, length };
      return isValidDate(year, month, day) ? dated(written, year, month, day) : { kind: 'unread', why: `${written} is not a calendar date; ${WRITE_ISO}`, length };
    }
  }
  // Day and month order differs by country: never guessed (the document does not say which it uses).
  const asDayFirst = b <= 12 && a <= 31 && isValidDate(year ?? 2024, b, a);
  const asMonthFirst = a <= 12 && b <= 31 && isValidDate(year ?? 2024, a, b);
  let why: string;
  if (asDayFirst && asMonthFirst && a !== b) why = `${written} could be ${dayMonth(a, b)} or ${dayMonth(b, a)}`;
  else if (asDayFirst && asMonthFirst) why = `${written} is ${dayMonth(a, b)} either way, but numeric dates are not read (day and month order differ by country)`;
  else if (asDayFirst) why = `${written} would be ${dayMonth(a, b)} written day first, but numeric dates are not read (day and month order differ by country)`;
  else if (asMonthFirst) why = `${written} would be ${dayMonth(b, a)} written month first, but numeric dates are not read (day and month order differ by country)`;
  else why = `${written} is not a calendar date`;
  return { kind: 'unread', why: `${why}; ${WRITE_ISO}`, length };
}

/** `Dec 14`, `December 14th, 2026`, `14 December`, `14th of Dec 2026`. */
function monthNamed(text: string): DueValue | undefined {
  let m = MONTH_FIRST.exec(text);
  let month = m ? monthOf(m[1]) : undefined;
  let day = m ? Number(m[2]) : 0;
  let year = m?.[3];
  if (!m || month === undefined) {
    m = DAY_FIRST.exec(text);
    month = m ? monthOf(m[2]) : undefined;
    if (!m || month === undefined) return undefined;
    day = Number(m[1]);
    year = m[3];
  }
  const length = m[0].length;
  if (year !== undefined) {
    return isValidDate(Number(year), month, day)
      ? dated(m[0], Number(year), month, day)
      : { kind: 'unread', why: `${m[0]} is not a calendar date; ${WRITE_ISO}`, length };
  }
  // 29 February is a day in some years: the year decides (dueYear.ts).
  return isValidDate(2024, month, day) ? { kind: 'yearless', month, day, length } : { kind: 'unread', why: `${m[0]} is not a calendar date; ${WRITE_ISO}`, length };
}
