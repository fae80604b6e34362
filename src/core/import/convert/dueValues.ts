import { isIsoDate } from '../../actions/itemGrammar';
import { readDueValue } from '../../actions/dueDate';
import { dueWithYear, type DueAnchor } from '../../actions/dueYear';
import { asciiDigits } from '../../text/halfWidth';
import { MONTH_NAMES, monthOf } from '../../time/monthNames';
import { isValidDate, utcMsOf } from '../../time/zones';
import type { ConvertLog, SourceLine } from './model';
import { isVagueDate } from './dueLabels';

/** How a due date is read in one document: its order of numeric dates, and the date a year-less one takes its year from. */
export interface DueContext {
  /** The document's own order of day and month (from its other dates, or the guess convert/ambiguous-date says). */
  readonly dayFirst?: boolean;
  /**
   * The order its language (else its zone) writes dates in, for a numeric due date the document's
   * dates do not settle (`bis 05/03`): read that way and said. Undefined: such a date is not read, said.
   */
  readonly order?: { readonly dayFirst: boolean; readonly why: string };
  readonly anchor?: DueAnchor;
  /**
   * First names of the people the document names (a chat paste's `**Ana Lima** 11:50 PM` speakers,
   * its authors, facilitator and incident lead): "Ben to add …", "Ana: document …" in an action
   * list name their owner when the name is one of these (trial18c F12).
   */
  readonly people?: ReadonlySet<string>;
  /**
   * Words the document writes in lower case ("need", "time"): a capitalised "Need to …" opening an
   * item is that word, not a name, when the document writes it so elsewhere.
   */
  readonly lowerWords?: ReadonlySet<string>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A due value as the shared reader (actions/dueDate.ts) reads it: digits and `／` as ASCII,
 * Japanese `2026年3月15日` / `3月15日` as ISO / "March 15", the Spanish and Portuguese
 * `15 de marzo de 2026` without its "de", the French `1er mars` as `1 mars`. Anchored, bounded.
 */
function plainDue(value: string): string {
  const t = asciiDigits(value).replace(/／/g, '/').trim();
  const ja = /^(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?日$/.exec(t);
  if (ja) return ja[1] ? `${ja[1]}-${pad(+ja[2])}-${pad(+ja[3])}` : +ja[2] >= 1 && +ja[2] <= 12 ? `${MONTH_NAMES[+ja[2] - 1]} ${+ja[3]}` : t;
  // Jira's `15/Nov/26` (dd/MMM/yy, the month by name, so no order to guess): 15 Nov 2026 (trial 17c F5).
  const jira = /^(\d{1,2})[/-](\p{L}{3,9})\.?[/-](\d{2}|\d{4})$/u.exec(t);
  if (jira && monthOf(jira[2]) !== undefined) return `${jira[1]} ${jira[2]} ${jira[3].length === 2 ? `20${jira[3]}` : jira[3]}`;
  const de = /^(\d{1,2})(?:º|°)?\s{1,3}de\s{1,3}(\p{L}{3,10})(?:,?\s{1,3}(?:de|del)\s{1,3}(\d{4}))?$/iu.exec(t);
  if (de) return `${de[1]} ${de[2]}${de[3] ? ` ${de[3]}` : ''}`;
  return t.replace(/^1er(?=\s)/i, '1');
}

/**
 * "end of Q1 2027", "Q1 2027", "end of March 2027", "Ende März 2026", "fin mars 2026", "end of
 * 2026": a period, written as its last day — a guess (a fiscal quarter may end another day, "by
 * March" may mean its start), always said as one. Undefined for anything else.
 */
const PERIOD = /^(?:(?:by\s{1,3})?(?:the\s{1,3})?end\s{1,3}of\s{1,3}(?:the\s{1,3})?|ende\s{1,3}|fin\s{1,3}(?:de\s{1,3}|du\s{1,3}|d'|d’)?|finales\s{1,3}de\s{1,3}|final\s{1,3}de\s{1,3}|eind\s{1,3}|fine\s{1,3}(?:di\s{1,3})?)?(?:q([1-4])|(\p{L}{3,10})\.?|(\d{4}))(?:\s{1,3}|\s?\/\s?)?(\d{4})?$/iu;

function periodEnd(text: string): { month: number; day: number; year?: number; what: string } | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const ended = /^(?:by\s|the\s|end|ende|fin|final|eind)/i.test(text);
  const lastDay = (y: number, mo: number) => new Date(utcMsOf(y, mo, 0)).getUTCDate();
  if (m[1]) {
    const mo = +m[1] * 3;
    return { month: mo, day: mo === 3 || mo === 12 ? 31 : 30, year: m[4] ? +m[4] : undefined, what: `the last day of calendar Q${m[1]}` };
  }
  // A month or a year alone is a due date only as its end ("end of March"): "by March" may mean its start.
  if (!ended) return undefined;
  if (m[3] && !m[4]) return { month: 12, day: 31, year: +m[3], what: `the last day of ${m[3]}` };
  const month = m[2] ? monthOf(m[2]) : undefined;
  if (month === undefined) return undefined;
  const year = m[4] ? +m[4] : undefined;
  return { month, day: lastDay(year ?? 2023, month), year, what: `the last day of ${MONTH_NAMES[month - 1]}` };
}

/** `05/03`, `15.03.2026`: the order of day and month for this value, and how it was decided (undefined: the caller's order). */
function numericOrder(clean: string, ctx: DueContext, src: SourceLine, log: ConvertLog): { dayFirst?: boolean; said?: string } {
  if (ctx.dayFirst !== undefined || !/^\d{1,2}[/.-]\d{1,2}/.test(clean)) return {};
  // `15.03.2026`: dots are written day first, as the time reader reads them (stamps.ts).
  if (/^\d{1,2}\.\d{1,2}(?:\.|$)/.test(clean)) return { dayFirst: true, said: 'day first, as dates written with dots are' };
  const asDay = readDueValue(clean, { dayFirst: true });
  const asMonth = readDueValue(clean, { dayFirst: false });
  const valid = (r: typeof asDay) => r !== undefined && r.kind !== 'unread';
  if (valid(asDay) && !valid(asMonth)) return { dayFirst: true, said: 'day first, its only reading' };
  if (valid(asMonth) && !valid(asDay)) return { dayFirst: false, said: 'month first, its only reading' };
  // Both readings are dates: only the document's language or zone may decide (a guess, said here and in
  // the file); with neither, the date is not read (said by the reader: "03/04 could be 3 April or 4 March").
  const guess = ctx.order;
  if (!valid(asDay) || !guess) return {};
  const [a, b] = clean.split(/[/.-]/).map(Number);
  if (a !== b) {
    const other = guess.dayFirst ? `${b} ${MONTH_NAMES[a - 1]}` : `${a} ${MONTH_NAMES[b - 1]}`;
    log.flag('due-order', src.line, `Due date "${clean}" could be day/month or month/day: read ${guess.dayFirst ? 'day' : 'month'} first because ${guess.why}, and no date in the document settles the order; it could be ${other}: check it`);
    log.inFile.push(`the due date "${clean}" (line ${src.line + 1} of the original) was read ${guess.dayFirst ? 'day' : 'month'} first because ${guess.why}; it could be ${other}: check it.`);
    return { dayFirst: guess.dayFirst, said: '' };
  }
  return { dayFirst: guess.dayFirst, said: 'the same either way' };
}

/**
 * `due:YYYY-MM-DD` from a cell or labelled part ("2026-12-04", "Dec 4, 2026", "14 December",
 * "2026/12/04", "15.03.2026", "15 de marzo de 2026", "3月15日"), read by the one due-date reader
 * lint uses (actions/dueDate.ts), so a date convert writes is the date lint would read from the same
 * words. A year-less date takes the incident's year (dueYear.ts) and says so; a numeric one is read
 * in the document's own order of day and month, else its language's or zone's (a warning when both
 * readings are dates), else only when one reading is a date; a period ("end of Q1 2027") is its last day, said as a guess; a weekday or
 * a relative word is not read, said. `mustRead`: the words name a due date (a due label, or a date
 * after "bis"), so a value not read at all is said too, never dropped in silence (trial 15a F7);
 * 'quiet': a bare English "by" that names a due date only when a date is read (as lint reads it).
 */
export function dueOf(text: string, src: SourceLine, log: ConvertLog, ctx: DueContext = {}, mustRead: boolean | 'quiet' = false): string | undefined {
  const written = text.replace(/[*_`]/g, '').trim();
  if (isIsoDate(written)) return written;
  const clean = plainDue(written);
  if (isIsoDate(clean)) return clean;
  // A bare "by" before a date that is not read ("by Nov 6" where nothing gives the year, "by 03/04") is said
  // too: only "by" before no date at all ("by 50%", "by the team") stays quiet (trial18c F12).
  const notRead = (why: string): undefined => {
    log.flag('due-not-read', src.line, `Due date "${written}" is not read: ${why}`);
    return undefined;
  };
  const period = periodEnd(clean.replace(/\.$/, ''));
  if (period) {
    const dated = period.year !== undefined && isValidDate(period.year, period.month, period.day)
      ? { value: `${period.year}-${pad(period.month)}-${pad(period.day)}`, note: '' } : dueWithYear(period.month, period.day, ctx.anchor);
    if ('why' in dated) return notRead(dated.why);
    log.flag('due-guessed', src.line, `Due date "${written}" read as ${dated.value}, ${period.what}${dated.note ? ` (${dated.note})` : ''}: a guess — check it (a fiscal quarter, or a team's "end of", may fall on another day)`);
    log.inFile.push(`the due date "${written}" (line ${src.line + 1} of the original) was written as ${dated.value}, ${period.what}: a guess, check it.`);
    return dated.value;
  }
  const order = numericOrder(clean, ctx, src, log);
  const dayFirst = order.dayFirst ?? ctx.dayFirst;
  const read = readDueValue(clean, { dayFirst });
  // The whole value, but a closing full stop.
  if (!read || read.length < clean.replace(/\.$/, '').length) {
    if (mustRead !== true) return undefined;
    // "bis 15.03.2026 einführen": a date inside the sentence may be a due date or another date ("keep logs until …").
    if (read && read.kind === 'date') return notRead(`other words follow "${clean.slice(0, read.length)}" ("${clean.slice(read.length).trim()}"): if it is the item's due date, write due:${read.value}`);
    return notRead(isVagueDate(clean) ? 'it names a week, a period or a day relative to when it was written, not a date; write due:YYYY-MM-DD' : 'it is not a date convert reads; write due:YYYY-MM-DD');
  }
  const numeric = /^\d{1,2}[/.-]\d/.test(clean);
  const how = order.said !== undefined ? order.said : `${dayFirst ? 'day' : 'month'} first, as the document's other dates are written`;
  if (read.kind === 'unread') return notRead(read.why);
  if (read.kind === 'yearless') {
    const dated = dueWithYear(read.month, read.day, ctx.anchor);
    if ('why' in dated) return notRead(dated.why);
    log.flag('due-year', src.line, `Due date "${written}" read as ${dated.value}: ${dated.note}${numeric && how ? `, ${how}` : ''}`, 'info');
    return dated.value;
  }
  if (numeric && how) log.flag('due-order', src.line, `Due date "${written}" read as ${read.value}: ${how}`, 'info');
  return read.value;
}
