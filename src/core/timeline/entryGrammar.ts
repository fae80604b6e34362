import { ZONE_ABBREVIATIONS } from '../time/zones';

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
  readonly milestones: readonly string[];
  readonly source?: string;
  readonly description: string;
}

export const MILESTONES = ['started', 'detected', 'acknowledged', 'escalated', 'mitigated', 'resolved'] as const;

const STAMP =
  /^(\*\*|__|`)?(?:(\d{4})-(\d{2})-(\d{2})(?:T|[ \t]+|,\s*))?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:\s?([AaPp])\.?[Mm]\.?)?(?:\s*(Z|(?:UTC|GMT)?[+-]\d{2}:?\d{2}|[A-Z]{1,5})\b)?(\*\*|__|`)?/;
const DATE_ONLY = /^(\*\*|__|`)?\d{4}-\d{2}-\d{2}\b/;

export function parseEntryText(text: string): ParsedEntryText {
  const leading = text.length - text.trimStart().length;
  const body = text.slice(leading);
  const m = STAMP.exec(body);
  let rest = body;
  let stamp: TimelineStamp | undefined;
  let stampProblem: string | undefined;
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
    if (meridiem) {
      if (hour < 1 || hour > 12) stampProblem = `Expected an hour from 1 to 12 before ${meridiem.toUpperCase()}M, found ${hour}`;
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    const date = m[2] ? { year: Number(m[2]), month: Number(m[3]), day: Number(m[4]) } : undefined;
    if (hour > 23 || minute > 59 || second > 59) stampProblem = `Expected a time from 00:00 to 23:59, found "${m[5]}:${m[6]}"`;
    else if (date && (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)) stampProblem = `Expected a date as YYYY-MM-DD, found "${m[2]}-${m[3]}-${m[4]}"`;
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
  return { stamp, stampProblem, milestones, source, description: rest.trim() };
}
