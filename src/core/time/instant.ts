import { dateProblem, describeLocalTimeIssue, isValidDate, localTimeIssue, zonedToUtc, type LocalTimeIssue } from './zones';

/** A date-time value from front matter, as understood by the rules. */
export interface ParsedInstant {
  /** Epoch milliseconds (UTC). */
  readonly ms: number;
  /** The zone as written (`Z`, `+02:00`, `PST`), or undefined when the value had none. */
  readonly zone: string | undefined;
  readonly isUtc: boolean;
}

// RFC 3339 allows a lower-case `t` and `z` (`2026-12-06t12:00:00z`), and so does the schema that
// lint checks with: the readers take what lint accepts (trial13a F9: lint passed it, list dropped it).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2}|[A-Za-z][A-Za-z_/+-]*)?$/;

/**
 * Parse a front-matter time such as `2026-11-20T14:09:00Z`, `2026-11-20 14:09 PST` or
 * `2026-11-20T16:09:00+02:00`. A value without a zone is read in `defaultZone`.
 */
export function parseInstant(value: unknown, defaultZone = 'UTC'): ParsedInstant | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { ms: value.getTime(), zone: 'Z', isUtc: true };
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  // `z` is UTC's `Z`, never a zone named "z".
  const zone = m[7] === 'z' ? 'Z' : m[7];
  const ms = zonedToUtc({ year, month, day, hour, minute, second }, zone ?? defaultZone);
  if (ms === undefined) return undefined;
  const isUtc = zone !== undefined && /^(Z|UTC|GMT|[+-]00:?00)$/i.test(zone);
  return { ms, zone, isUtc };
}

/**
 * Why a front-matter time that looks like one names no single instant: a date the month does not
 * have, second 60, or (written without a zone) a local time a DST change skips or repeats in
 * `defaultZone`. Undefined when there is no such problem (other malformed values are the schema's to report).
 */
export function instantProblem(value: unknown, defaultZone = 'UTC'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = dateProblem(year, month, day);
  if (date) return date;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (second > 59) return `seconds run from 00 to 59, found ${m[6]}${second === 60 ? ' (leap seconds are not supported: write :59)' : ''}`;
  // `24:00` and `23:60` are not read as the next day or hour (trial13a F2: list used 24:00 as the next midnight while lint rejected it).
  if (hour > 23) return `hours run from 00 to 23, found ${m[4]}${hour === 24 && minute === 0 ? ' (write 00:00 of the next day)' : ''}`;
  if (minute > 59) return `minutes run from 00 to 59, found ${m[5]}`;
  const issue = localTimeIssueOf(value, defaultZone);
  return issue && describeLocalTimeIssue(issue);
}

/** The DST gap or repeat a front-matter time falls in (its own zone, else `defaultZone`), for fixes that offer both readings. */
export function localTimeIssueOf(value: unknown, defaultZone = 'UTC'): LocalTimeIssue | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m || m[4] === undefined) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (dateProblem(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return localTimeIssue({ year, month, day, hour, minute, second }, m[7] ?? defaultZone);
}

/**
 * `parseInstant`, but only when the value names one instant: undefined also when `instantProblem`
 * has something to say (a local time a DST change skips or repeats, whether its zone is the
 * default one or written on it). What lint's rules compare with and what the lists and the metrics
 * use, so that no reader takes one reading of a value another says cannot be read (trial13a F19).
 */
export function parseOneInstant(value: unknown, defaultZone = 'UTC'): ParsedInstant | undefined {
  const parsed = parseInstant(value, defaultZone);
  return parsed && !instantProblem(value, defaultZone) ? parsed : undefined;
}

/**
 * Why a front-matter time that is written (not empty) gives no instant, for the lists and the
 * metrics that leave it out: a day or time that does not exist, a zone not known, or not a date and
 * time at all. Undefined when `parseInstant` reads it or nothing is written. Lint reports each as
 * `schema/format` (trial13a F2: the lists dropped `2026-11-31` with no word, exit 0).
 */
export function unreadInstantReason(value: unknown, defaultZone = 'UTC'): string | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (parseInstant(value, defaultZone) !== undefined) return undefined;
  if (typeof value !== 'string') return `${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `the ${typeof value} ${String(value)}`} is not a date and time`;
  const problem = instantProblem(value, defaultZone);
  if (problem) return problem;
  const m = ISO.exec(value.trim());
  // `+14:01`, `-23:59`: an offset RFC 3339 allows, but no clock uses; lint says the same (dateTimeFormat.ts, trial19b F1).
  const offset = m?.[7] === undefined ? null : /^[+-](\d{2}):?(\d{2})$/.exec(m[7]);
  if (offset) return Number(offset[2]) > 59 ? `${m![7]} is not an offset: its minutes run from 00 to 59` : `the offset ${m![7]} is not one a clock uses (they run from −12:00 to +14:00; write Z or an offset such as +05:30)`;
  if (m?.[7] !== undefined) return `the zone ${JSON.stringify(m[7])} is not one the readers know (write Z or an offset such as +05:30)`;
  return 'it is not a date and time the readers know (like 2026-11-20T14:09:00Z)';
}
