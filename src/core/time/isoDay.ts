import { isValidDate } from './zones';

/** A calendar day as the format writes it, `YYYY-MM-DD`. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const LEADING_DAY = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/;
/** Emphasis or code marks around a day: `**2026-11-20**`, `` `2026-11-20` ``. */
const MARKS = ['**', '__', '`'] as const;

/**
 * The one reader of a `YYYY-MM-DD` day: at the start of `text`, not followed by another digit, and
 * a real calendar day (2026-02-30 is not). `end` is where it stops. Timeline sub-headings, Date
 * cells and action items' `due:` dates read days through it, so they agree on what a day is.
 */
export function leadingIsoDay(text: string): (CalendarDay & { readonly end: number }) | undefined {
  const m = LEADING_DAY.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day, end: m[0].length } : undefined;
}

/** The whole of `text` is one day (`2026-11-20`), or undefined. */
export function isoDay(text: string): CalendarDay | undefined {
  const d = leadingIsoDay(text);
  return d && d.end === text.length ? { year: d.year, month: d.month, day: d.day } : undefined;
}

/** `text` without one leading emphasis or code mark (`**`, `__` or `` ` ``), and which it was ('' for none). */
export function withoutLeadingMark(text: string): { readonly mark: string; readonly rest: string } {
  const mark = MARKS.find((m) => text.startsWith(m)) ?? '';
  return { mark, rest: text.slice(mark.length) };
}

/** A cell that is one day, perhaps between emphasis or code marks (`**2026-11-20**`); anything more is not a day. */
export function isoDayCell(text: string): CalendarDay | undefined {
  const { rest } = withoutLeadingMark(text);
  const d = leadingIsoDay(rest);
  if (!d) return undefined;
  const after = rest.slice(d.end);
  return after === '' || (MARKS as readonly string[]).includes(after) ? { year: d.year, month: d.month, day: d.day } : undefined;
}
