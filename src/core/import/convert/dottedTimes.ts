import { asciiDigits } from '../../text/halfWidth';
import type { SourceLine } from './model';

/**
 * Whether a timeline writes its times with a dot between hour and minutes (`- 20.00 Deployment
 * gestartet`, Danish, Norwegian, Finnish, German, Dutch habit). Alone, `21.05` may as well be the
 * 21st of May; the timeline shows which it means when its entries include a dotted time that is no
 * day and month (`20.00`, `09.15`, `21.35`) among at least two such leads, or one marked as a time
 * (`21.05 Uhr`, `kl. 21.05`, `21.05h`). Then every bare `21.05` leading an entry there is a time.
 * `example` is the line that showed it, for the note the report gives.
 */
export interface DottedTimes {
  readonly line: number;
  readonly example: string;
}

/** A dotted clock leading a line, after its bullet and emphasis; the word or marker that makes it a time. */
const DOTTED_LEAD = /^\s{0,3}(?:[-*+]\s{1,4})?(?:\*\*|__)?(?:(kl\.?|klo\.?|klockan|klokka|kello|um|om)\s{1,2})?(\d{1,2})\.(\d{2})(?![\d.])(\s?(?:Uhr|uur|hrs?)|[hu])?(?![\p{L}\p{N}])/iu;

/** At most this many lines are looked at: the evidence is in a timeline's first entries. */
const LIMIT = 2000;

export function dottedTimes(lines: readonly SourceLine[]): DottedTimes | undefined {
  let leads = 0;
  let unmistakable: DottedTimes | undefined;
  for (const src of lines.slice(0, LIMIT)) {
    const m = DOTTED_LEAD.exec(asciiDigits(src.text.slice(0, 80)));
    if (!m || +m[2] > 23 || +m[3] > 59) continue;
    leads++;
    const example = { line: src.line, example: m[0].replace(/^[\s\-*+_]+/, '').trim() };
    if (m[1] || m[4]) return example;
    // No month is 00 or above 12: `20.00` and `09.15` are times.
    const month = +m[3];
    if (!unmistakable && (month === 0 || month > 12)) unmistakable = example;
  }
  return unmistakable && leads >= 2 ? unmistakable : undefined;
}
