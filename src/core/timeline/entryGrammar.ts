import { dateProblem, ZONE_ABBREVIATIONS } from '../time/zones';

/**
 * The grammar of one timeline entry's text (what follows the list bullet or sits in a table cell):
 *
 *   2026-11-20 14:09Z [detected] (alert) Pager alert on checkout 5xx rate
 *   14:12 [mitigated] Rolled back the deploy
 *   **2026-11-20T14:20:00+01:00** - [resolved] Error rate back to baseline
 *
 * Date and zone are optional (they are inherited); milestone markers and one source tag are optional.
 */
export interface TimelineStamp {
  /** Character span of the written time (and date, zone) inside the text, wrappers excluded. */
  readonly start: number;
  readonly end: number;
  readonly date?: { year: number; month: number; day: number };
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Zone as written (`Z`, `UTC`, `+02:00`, `PST`), undefined when none was written. */
  readonly zone?: string;
}

export interface ParsedEntryText {
  readonly stamp?: TimelineStamp;
  /** Why no stamp could be read, when the text starts like a time but is not one. */
  readonly stampProblem?: string;
  /** The characters the problem is about (the seconds of `23:59:60`, the date of `2026-02-30`). */
  readonly stampProblemSpan?: { readonly start: number; readonly end: number };
  readonly milestones: readonly string[];
  readonly source?: string;
  readonly description: string;
}

export const MILESTONES = ['started', 'detected', 'acknowledged', 'escalated', 'mitigated', 'resolved'] as const;

// AM/PM (`am`, `PM`, `a.m.`) only as a whole token, and the stamp ends at a word boundary: the
// letters of "ambiguous", "Amazon" or "pm2" belong to the entry's text, never to its time. A zone
// is `Z`, an offset (`+02:00`, `-0530`, and after UTC/GMT also `GMT+2`, `UTC+05:30`) or a word.
const STAMP =
  /^(\*\*|__|`)?(?:(\d{4})-(\d{2})-(\d{2})(?:T|[ \t]+|,\s*))?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?!\d)(?:\s?([AaPp])(?:[Mm]|\.[Mm]\.?)(?![A-Za-z0-9]|\.[A-Za-z0-9]))?(?:\s*(Z|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,5})(?![A-Za-z0-9]))?(\*\*|__|`)?(?![A-Za-z0-9])/;
const DATE_ONLY = /^(\*\*|__|`)?\d{4}-\d{2}-\d{2}\b/;

export function parseEntryText(text: string): ParsedEntryText {
  const leading = text.length - text.trimStart().length;
  const body = text.slice(leading);
  const m = STAMP.exec(body);
  let rest = body;
  let stamp: TimelineStamp | undefined;
  let stampProblem: string | undefined;
  let stampProblemSpan: ParsedEntryText['stampProblemSpan'];
  if (m) {
    let zone: string | undefined = m[9];
    let matched = m[0];
    // A capitalised word after the time is a zone only when it is one we know ("DB restarted" is not).
    if (zone && zone !== 'Z' && !/[+-]/.test(zone) && !(zone.toUpperCase() in ZONE_ABBREVIATIONS)) {
      matched = matched.slice(0, matched.lastIndexOf(zone)).trimEnd();
      zone = undefined;
    }
    let hour = Number(m[5]);
    const minute = Number(m[6]);
    const second = Number(m[7] ?? 0);
    const meridiem = m[8]?.toLowerCase();
    const at = (text: string, from = 0) => {
      const start = leading + m[0].indexOf(text, from);
      return { start, end: start + text.length };
    };
    const timeAt = m[0].indexOf(`${m[5]}:${m[6]}`, m[2] ? 10 : 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) stampProblem = `Expected an hour from 1 to 12 before ${meridiem.toUpperCase()}M, found ${hour}`;
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    const date = m[2] ? { year: Number(m[2]), month: Number(m[3]), day: Number(m[4]) } : undefined;
    if (stampProblem) stampProblemSpan = at(m[5], timeAt);
    else if (hour > 23 || minute > 59) {
      stampProblem = `Expected a time from 00:00 to 23:59, found "${m[5]}:${m[6]}"`;
      stampProblemSpan = at(`${m[5]}:${m[6]}`, timeAt);
    } else if (second > 59) {
      // 23:59:60 is a leap second: real, but not a time the tools (or most clocks) can place.
      stampProblem = `Expected seconds from 00 to 59, found "${m[7]}" in "${m[5]}:${m[6]}:${m[7]}"${second === 60 ? ' (leap seconds are not supported: write :59)' : ''}`;
      stampProblemSpan = at(m[7], timeAt + m[5].length + m[6].length + 1);
    } else if (date && (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)) {
      stampProblem = `Expected a date as YYYY-MM-DD, found "${m[2]}-${m[3]}-${m[4]}"`;
      stampProblemSpan = at(`${m[2]}-${m[3]}-${m[4]}`);
    } else if (date && dateProblem(date.year, date.month, date.day)) {
      // A day the month does not have is not rolled over into the next month.
      stampProblem = dateProblem(date.year, date.month, date.day);
      stampProblemSpan = at(`${m[2]}-${m[3]}-${m[4]}`);
    }
    const wrapOpen = m[1]?.length ?? 0;
    const closing = matched.endsWith(m[10] ?? '\u0000') ? (m[10]?.length ?? 0) : 0;
    if (!stampProblem) {
      stamp = { start: leading + wrapOpen, end: leading + matched.length - closing, date, hour, minute, second, zone };
    }
    rest = body.slice(matched.length);
  } else if (DATE_ONLY.test(body)) {
    stampProblem = 'Expected a time after the date, as "YYYY-MM-DD HH:MMZ"';
  }
  rest = rest.replace(/^\s*(?:[-–—:|]\s*)?/, '');
  const milestones: string[] = [];
  let source: string | undefined;
  for (;;) {
    const marker = /^\[([A-Za-z-]+)\]\s*/.exec(rest);
    if (marker && (MILESTONES as readonly string[]).includes(marker[1].toLowerCase())) {
      milestones.push(marker[1].toLowerCase());
      rest = rest.slice(marker[0].length);
      continue;
    }
    const tag = !source && /^\(([a-z][a-z-]{1,15})\)\s*/.exec(rest);
    if (tag) {
      source = tag[1];
      rest = rest.slice(tag[0].length);
      continue;
    }
    break;
  }
  return { stamp, stampProblem, stampProblemSpan, milestones, source, description: rest.trim() };
}
