import { readLeadingStamp, type DateReading, type LooseDate } from './stamps';
import { formatLocalDate } from '../../time/zones';

/**
 * A word before "Date" that makes it another date than the incident's: the post-mortem's own
 * ("Postmortem date", "Last updated date", "Review date") or another event's ("Due date", "End
 * date", "Release date"). Such a field is not the incident date: nothing is read from it, and a
 * start on another day is no disagreement with it. "Incident date" is the incident's whatever
 * precedes it. (The corpus's Date fields are "Date", "Date/time" and "incident date" beside the
 * incident's other facts; "Postmortem Date" is the review's, in a template's table.)
 */
const OTHER_DATE = /\b(?:post-?mortem|published|publication|publish|posted|written|created|updated|modified|revised|revision|last|review|reviewed|report|document|doc|meeting|retro|retrospective|draft|due|target|end|ending|resolution|resolved|closed|fix|fixed|release)\W{0,4}$/i;
/** `Date: …`, `**Date/time:** …`, `incident date: …`, at the start of a line, after a `<br>` or a space. */
const DATE_FIELD = /(?:^|<br\s?\/?>|\s)(?:\*\*|__)?((?:incident\s)?date(?:\s?\/\s?time)?)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}/gi;
/** Fields looked at on one line (a wiki export may put a whole table on one). */
const MAX_FIELDS = 20;

/** A date field of one line: its label, its value as written (up to 60 characters), and whether the label makes it another date than the incident's. */
interface FieldAt {
  readonly label: string;
  readonly start: number;
  readonly valueStart: number;
  readonly value: string;
  readonly other: boolean;
}

function fieldsOf(text: string): FieldAt[] {
  const found: FieldAt[] = [];
  if (!/date/i.test(text)) return found;
  for (const m of text.matchAll(DATE_FIELD)) {
    if (found.length >= MAX_FIELDS) break;
    // The words before it on the line, unless a `<br>` starts a new field there.
    const before = m[0].startsWith('<') ? '' : text.slice(Math.max(0, m.index - 30), m.index);
    const valueStart = m.index + m[0].length;
    const other = !/^incident/i.test(m[1]) && OTHER_DATE.test(before);
    found.push({ label: m[1], start: m.index, valueStart, value: text.slice(valueStart, valueStart + 60).trim(), other });
  }
  return found;
}

/** The first incident Date field of a line whose value starts with a date: the date, its label and value as written. */
export function readDateField(text: string, reading: DateReading): { date: LooseDate; label: string; text: string } | undefined {
  for (const f of fieldsOf(text)) {
    if (f.other || f.value.length < 6) continue;
    const date = readLeadingStamp(f.value, reading)?.date;
    return date ? { date, label: f.label, text: f.value } : undefined;
  }
  return undefined;
}

/** The line without the values of fields that are another date than the incident's (up to the next `<br>`), so prose reading does not take them as the incident date. */
export function withoutOtherDateFields(text: string): string {
  let out = text;
  for (const f of fieldsOf(text).filter((x) => x.other).reverse()) {
    const br = out.slice(f.valueStart).search(/<br\s?\/?>/i);
    out = out.slice(0, f.start) + (br === -1 ? '' : out.slice(f.valueStart + br));
  }
  return out;
}

/** An instant as written in a front matter: a date, a time and a zone or offset ("2026-12-07T02:30:00Z", "… 14:05 +09:00"). */
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The day of a front-matter start time on the calendar of the document's zone: `started_at:
 * 2026-12-07T02:30:00Z` with `timezone: America/Sao_Paulo` is an incident of 6 December, the day
 * `postmortem list` and the metrics give it (index/incidentDate.ts), not the UTC day (trial 14a F8:
 * convert said 2026-12-07, list 2026-12-06, and dateless entries took the UTC day). A date without
 * a time, or a time without a zone, is the writer's own day already.
 */
export function instantDay(value: unknown, zone: string | undefined): LooseDate | undefined {
  let ms: number | undefined;
  if (value instanceof Date) {
    // YAML reads `2026-12-06` as midnight UTC too: a date alone stays the day it names.
    if (value.getTime() % 86_400_000 !== 0) ms = value.getTime();
  } else if (typeof value === 'string' && value.length <= 40 && INSTANT.test(value.trim())) ms = Date.parse(value.trim().replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (ms === undefined || Number.isNaN(ms) || zone === undefined) return undefined;
  const [year, month, day] = formatLocalDate(ms, zone).split('-').map(Number);
  return { year, month, day };
}
