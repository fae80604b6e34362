import { asciiDigits } from '../../text/halfWidth';

/**
 * What at the start of a timeline line looks like a time of day, for a line the stamp reader did
 * not read: `21,05`, `T+5m`, `午前12時`, `晩9時`, `kl 9`, `9 p.m.` later in the words. The timeline
 * says such a line was not read instead of folding it into the entry above as a detail (trial14a
 * F23: "21.05 Uhr", "kl. 21.05", "21h" were nested under the previous entry, "complete").
 * Every expression is anchored or a bounded class run: linear in the (cut) line.
 */
const OPENER = /^(?:\*\*|__|\*|_|`|\[|\(|~\s?)?/;
/** Clock-like at the very start: `21,05`, `21.05`, `21:05`, `21h`, `21 Uhr`, `9時`, `9시`, `9点`, `T+5m`, `kl 21`. */
const LEAD = /^(?:\d{1,2}\s?[:.,]\s?\d{2}(?![\d%.])|\d{1,2}\s?(?:[hHu]|Uhr|uur|hrs?|時|시|点|點)(?![A-Za-z])|T\s?[+-]\s?\d|(?:午前|午後|오전|오후|上午|下午|凌晨|早上|晚上|中午|晩|朝|夜)\s?\d|(?:kl|klo|klockan|klokka|kello|um|om|à|às|a las|gegen|vers|hacia)\.?\s{1,2}\d)/i;
/** A clock or an hour with am/pm in the first words ("Tuesday around 9am", "at 14:05"). */
const NEAR_START = /(?:^|[^\d:.])(?:\d{1,2}:\d{2}(?![\d:])|\d{1,2}\s?[AaPp]\.?[Mm]\.?(?![\p{L}\p{N}]))/u;

/** What looked like a time, as written; `atStart`: it opens the line (else it is in the first words). */
export interface TimeShape {
  readonly shape: string;
  readonly atStart: boolean;
}

/**
 * The time-like text at the start of `content`, or undefined. `inWords`: also a clock in the first
 * words (a list item's: "- Tuesday around 9am: …"); a paragraph's sentence may give times anywhere.
 */
export function timeShapeAtStart(content: string, inWords: boolean): TimeShape | undefined {
  const head = asciiDigits(content.slice(0, 60));
  const opener = OPENER.exec(head)![0].length;
  const lead = LEAD.exec(head.slice(opener));
  // The shape as written, to the end of its word ("午前12時", not "午前1").
  if (lead) return { shape: (content.slice(opener, opener + lead[0].length) + /^[^\s,;:]{0,12}/.exec(content.slice(opener + lead[0].length))![0]).trim(), atStart: true };
  const near = inWords ? NEAR_START.exec(head) : null;
  return near ? { shape: content.slice(near.index, near.index + near[0].length).replace(/^[^\d]/, '').trim(), atStart: false } : undefined;
}
