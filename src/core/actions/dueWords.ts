import { isoDay } from '../time/isoDay';

/**
 * The words that name a due date, shared by the converter (`due 2024-04-01` in a parenthesis or a
 * labelled part, convert/itemFields.ts) and the action-item grammar (a date written in an item's
 * words, `due 2026-12-14` without the token's colon): the two read the same words the same way.
 */
export const DUE_LABEL_WORDS = ['due', 'due date', 'due by', 'due on', 'deadline', 'target date'] as const;

/**
 * `due 2026-12-14`, `Due: 2026-12-14`, `due on 2026-12-14`, `due by 2026-12-14`, `deadline
 * 2026-12-14`, `target date 2026-12-14`, and `by 2026-12-14` when nothing but tokens or punctuation
 * follows (a bare "by" before more words may be "fixed by 2026-12-14's deploy"). Only an ISO date:
 * "due Dec 14" or "due 12/14" could be read two ways. Bounded quantifiers only, so the search is
 * linear on any text; the `due:DATE` token itself is the grammar's (TOKEN) and is looked for first.
 */
const WRITTEN_DUE = /(?<=^|[\s([,;])(?:(due(?:[ \t]{1,3}(?:date|by|on))?|deadline|target[ \t]{1,3}date)(?:[ \t]{0,3}:[ \t]{0,3}|[ \t]{1,3})|(by)[ \t]{1,3})(\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}_-])/giu;
/** What may follow `by DATE` for it to be the item's due date: the end, or a token (owner, ticket, priority). */
const AFTER_BY = /^[.,;!)\]]{0,3}(?:[ \t]*$|[ \t]{1,20}(?:[@#(]|due:|done:|P[1-4]\b|https?:|[A-Z][A-Z0-9]{0,20}-\d))/;

export interface WrittenDue {
  /** The date, `YYYY-MM-DD`. */
  readonly value: string;
  /** Span of the words and the date (`due on 2026-12-14`) in the text searched. */
  readonly start: number;
  readonly end: number;
}

/** The first due date written in words in `text` (an item's text with inline comments blanked), or undefined. */
export function findWrittenDue(text: string): WrittenDue | undefined {
  WRITTEN_DUE.lastIndex = 0;
  for (let m = WRITTEN_DUE.exec(text); m; m = WRITTEN_DUE.exec(text)) {
    const end = m.index + m[0].length;
    if (!isoDay(m[3])) continue;
    if (m[2] !== undefined && !AFTER_BY.test(text.slice(end, end + 200))) continue;
    return { value: m[3], start: m.index, end };
  }
  return undefined;
}
