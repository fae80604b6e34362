/**
 * The date and time forms spreadsheets write when a CSV is exported from Excel or Google Sheets, read
 * into their parts: `2026-12-06 7:02 PM`, `12/13/2026 19:02`, `Dec 6, 2026 7:02 PM`, `06-Dec-2026 19:02`,
 * `Sun, 06 Dec 2026 19:02:00 GMT`, an Excel serial day number (`46362.79306`), and a date and a time
 * of day from two cells. A numeric date whose two first numbers are both 12 or less (`12/6/2026`) is
 * 6 December or 12 June: it keeps both readings here, and the export's other rows, or the user, decide
 * (csvTimes.ts), never a silent guess (trial 13a F8: such values were refused with a message that
 * said neither why nor what to write).
 *
 * Every regular expression is anchored with bounded repeats, and values are cut to MAX_VALUE first.
 */
import { ImportError } from './events';
import { monthOf as monthNumber } from '../time/monthNames';
import { utcMsOf } from '../time/zones';

/** A date whose day/month order is settled, or two numbers that could be either (`12/6/2026`). */
export type SheetDate =
  | { readonly kind: 'date'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: 'numeric'; readonly year: number; readonly first: number; readonly second: number };

export interface SheetTimeOfDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface SheetValue {
  readonly date?: SheetDate;
  readonly time?: SheetTimeOfDay;
  /** The zone written after the time (`Z`, `+05:30`, `PST`, `Europe/Berlin`). */
  readonly zone?: string;
  /** Read as an Excel serial day number: the summary says how. */
  readonly serial?: boolean;
  /** Written in ISO order with a 24-hour time, as readExportTime reads it unchanged. */
  readonly iso?: boolean;
}

/** Longer cells are no time a spreadsheet writes: refused before any pattern reads them. */
const MAX_VALUE = 80;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
/** `Dec 6, 2026`, `Sunday, December 6, 2026`, `Dec. 6th 2026`. */
const MONTH_NAME_FIRST = /^(?:([a-z]{3,9})\.?,? )?([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?!\d)/i;
/** `6 Dec 2026`, `06-Dec-2026` (Excel's d-mmm-yyyy), `Sun, 06 Dec 2026` (e-mail dates). */
const DAY_FIRST_NAME = /^(?:([a-z]{3,9})\.?,? )?(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]{3,9})\.?[ -](\d{4})(?!\d)/i;
/** What may stand between the date and the time. */
const DATE_TIME_GAP = /^(?:T|,? (?:at )?)/i;
/** `19:02`, `7:02:10 PM`, `7:02pm`, `19:02:10.250Z`, `7:02 p.m. EST`: the hour, minutes, seconds, the half of the day, the rest (a zone). */
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?: ?([ap])\.?m\.?(?![a-z]))?(?: ?(\S.*))?$/i;
/** What readExportTime takes as a zone (times.ts STAMP), written after the time. */
const ZONE = /^(?:Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}|[A-Za-z]{1,30}\/[A-Za-z_/+-]{1,60})$/i;
/** Excel's serial day number, with the time of day as its fraction: days since 1899-12-30 (the 1900 date system). */
const SERIAL = /^(\d{5})(?:\.(\d{1,17}))?$/;
/** An Excel time of day alone: a fraction of a day. */
const DAY_FRACTION = /^0?\.(\d{1,17})$/;
/** Serials from 1970 to 2100: outside them a five-digit number is no date of an incident. */
const SERIAL_FIRST = 25569;
const SERIAL_LAST = 73051;
const DAY_MS = 86_400_000;

/** 1–12 for a month's name or usual abbreviation (`Dec`, `Sept`, `December`: the one table, time/monthNames.ts), else 0. */
function monthOf(word: string): number {
  return monthNumber(word) ?? 0;
}

function weekdayOf(word: string): number {
  const w = word.toLowerCase();
  return WEEKDAYS.findIndex((d) => d.startsWith(w) && w.length >= 3);
}

/**
 * Reads one cell a spreadsheet wrote: a date, a time of day, or both, and a zone after the time.
 * Throws ImportError naming `where`, the value and what to write instead when it is a form with no
 * safe reading (a two-digit year, `13:30 PM`, a weekday that does not match the date).
 */
export function readSheetValue(raw: string, where: string): SheetValue {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.length > MAX_VALUE) throw new ImportError(`${where}: expected a date and time such as 2026-11-20T14:09:00Z, found a value of ${value.length} characters`);
  const serial = SERIAL.exec(value);
  if (serial && Number(serial[1]) >= SERIAL_FIRST && Number(serial[1]) <= SERIAL_LAST) return fromSerial(Number(serial[1]), serial[2]);
  const fraction = DAY_FRACTION.exec(value);
  if (fraction) return { time: fromDayFraction(Number(`0.${fraction[1]}`)) };
  const dated = readDate(value, where);
  if (!dated) {
    const time = readTimeOfDay(value, value, where);
    if (time) return time;
    throw new ImportError(`${where}: expected a date and time such as 2026-11-20T14:09:00Z, found "${value}"`);
  }
  const rest = value.slice(dated.length);
  if (!rest) return { date: dated.date };
  const gap = DATE_TIME_GAP.exec(rest);
  const time = gap ? readTimeOfDay(rest.slice(gap[0].length), value, where) : undefined;
  if (!time) throw new ImportError(`${where}: expected a time of day after the date in "${value}" (such as 14:09 or 2:09 PM), found "${rest.trim()}"`);
  return { date: dated.date, ...time, ...(dated.iso && gap && time.twentyFourHour ? { iso: true } : {}) };
}

/** The date at the start of `value`, how many characters it took, and whether it was ISO. */
function readDate(value: string, where: string): { date: SheetDate; length: number; iso?: boolean } | undefined {
  let m = ISO_DATE.exec(value);
  if (m) return { date: { kind: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, length: m[0].length, iso: true };
  m = YEAR_FIRST.exec(value);
  if (m) return { date: { kind: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, length: m[0].length };
  m = NUMERIC_DATE.exec(value);
  if (m) {
    if (m[4].length === 2) throw new ImportError(`${where}: "${value}" has a two-digit year; write the year in full (${m[1]}${m[2]}${m[3]}${m[2]}20${m[4]}), or the date as YYYY-MM-DD`);
    const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (first > 12 && second > 12) throw new ImportError(`${where}: "${value}" is not a date: neither ${first} nor ${second} is a month`);
    if (first === second) return { date: { kind: 'date', year, month: first, day: second }, length: m[0].length };
    // Even `13/12/2026`, which has one reading, stays numeric: it tells the order of the export's other rows.
    return { date: { kind: 'numeric', year, first, second }, length: m[0].length };
  }
  m = MONTH_NAME_FIRST.exec(value);
  if (m && monthOf(m[2])) return named(value, where, m[1], Number(m[4]), monthOf(m[2]), Number(m[3]), m[0].length);
  m = DAY_FIRST_NAME.exec(value);
  if (m && monthOf(m[3])) return named(value, where, m[1], Number(m[4]), monthOf(m[3]), Number(m[2]), m[0].length);
  return undefined;
}

/** A date written with its month's name; a weekday before it must be that date's (a mismatch means a typo somewhere). */
function named(value: string, where: string, weekday: string | undefined, year: number, month: number, day: number, length: number): { date: SheetDate; length: number } {
  if (weekday !== undefined) {
    const said = weekdayOf(weekday);
    if (said === -1) throw new ImportError(`${where}: expected a weekday or nothing before the date in "${value}", found "${weekday}"`);
    const actual = new Date(utcMsOf(year, month - 1, day)).getUTCDay();
    if (day >= 1 && day <= 31 && actual !== said) {
      throw new ImportError(`${where}: "${value}" says ${WEEKDAYS[said][0].toUpperCase()}${WEEKDAYS[said].slice(1)}, but ${year}-${pad(month)}-${pad(day)} is a ${WEEKDAYS[actual][0].toUpperCase()}${WEEKDAYS[actual].slice(1)}`);
    }
  }
  return { date: { kind: 'date', year, month, day }, length };
}

/** A time of day (12- or 24-hour) and a zone after it, or undefined when `text` is no time of day. */
function readTimeOfDay(text: string, value: string, where: string): (Pick<SheetValue, 'time' | 'zone'> & { twentyFourHour: boolean }) | undefined {
  const m = TIME_OF_DAY.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2]), Number(m[3] ?? 0)];
  const half = m[4]?.toLowerCase();
  if (half) {
    if (hour > 12) throw new ImportError(`${where}: "${value}" mixes a 24-hour time (${m[1]}:${m[2]}) with ${half === 'a' ? 'AM' : 'PM'}; write ${m[1]}:${m[2]} or ${hour - 12}:${m[2]} ${half === 'a' ? 'AM' : 'PM'}`);
    if (hour === 0) throw new ImportError(`${where}: "${value}" has hour 0 with ${half === 'a' ? 'AM' : 'PM'}; write 12:${m[2]} ${half === 'a' ? 'AM' : 'PM'} or a 24-hour time`);
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  const zone = m[5];
  if (zone !== undefined && !ZONE.test(zone)) throw new ImportError(`${where}: expected a time zone or nothing after the time in "${value}", found "${zone}"`);
  return { time: { hour, minute, second }, ...(zone !== undefined ? { zone } : {}), twentyFourHour: !half };
}

function fromSerial(days: number, fraction: string | undefined): SheetValue {
  const at = new Date((days - SERIAL_FIRST) * DAY_MS);
  const date: SheetDate = { kind: 'date', year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
  if (fraction === undefined) return { date, serial: true };
  return { date, time: fromDayFraction(Number(`0.${fraction}`)), serial: true };
}

/** A fraction of a day as a time of day, to the nearest second (Excel stores 19:02:10 as 0.79317…). */
function fromDayFraction(f: number): SheetTimeOfDay {
  const seconds = Math.min(Math.round(f * 86_400), 86_399);
  return { hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
