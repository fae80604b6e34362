import { readDueValue, type DueReadOptions } from './dueDate';

/**
 * The words that name a due date, shared by the converter (`due 2024-04-01` in a parenthesis or a
 * labelled part, convert/itemFields.ts) and the action-item grammar (a date written in an item's
 * words, `due 2026-12-14` without the token's colon): the two read the same words the same way.
 */
export const DUE_LABEL_WORDS = ['due', 'due date', 'due by', 'due on', 'deadline', 'target date'] as const;

/**
 * The due words: `due`, `Due:`, `due on`, `due by`, `due date`, `deadline`, `target date`, and a
 * bare `by` (only before a date that is read, and when nothing but tokens or punctuation follows:
 * "fixed by 2026-12-14's deploy" is not a due date). What follows them is read by the one due-date
 * reader (dueDate.ts). Bounded quantifiers only, so the search is linear on any text; the
 * `due:DATE` token itself is the grammar's (TOKEN) and is looked for first.
 */
const WRITTEN_DUE = /(?<=^|[\s([,;])(?:(due(?:[ \t]{1,3}(?:date|by|on))?|deadline|target[ \t]{1,3}date)(?:[ \t]{0,3}:[ \t]{0,3}|[ \t]{1,3})|(by)[ \t]{1,3})(?=\S)/giu;
/** What may follow `by DATE` for it to be the item's due date: the end, or a token (owner, ticket, priority). */
const AFTER_BY = /^[.,;!)\]]{0,3}(?:[ \t]*$|[ \t]{1,20}(?:[@#(]|due:|done:|P[1-4]\b|https?:|[A-Z][A-Z0-9]{0,20}-\d))/;

export interface WrittenDue {
  /** The date, `YYYY-MM-DD`, when the words give one (`due 2026-12-14`, `due Dec 14, 2026`, `due: 2026/12/14`). */
  readonly value?: string;
  /** A month and day without a year (`due Dec 14`): the year is the caller's to take (dueYear.ts). */
  readonly yearless?: { readonly month: number; readonly day: number };
  /** Why the date after the due words cannot be read (`due 03/04`, `due by Friday`). */
  readonly unread?: string;
  /** Span of the words and the date (`due on 2026-12-14`) in the text searched. */
  readonly start: number;
  readonly end: number;
}

/** The first due date written in words in `text` (an item's text with inline comments blanked), or undefined. */
export function findWrittenDue(text: string, options: DueReadOptions = {}): WrittenDue | undefined {
  WRITTEN_DUE.lastIndex = 0;
  for (let m = WRITTEN_DUE.exec(text); m; m = WRITTEN_DUE.exec(text)) {
    const at = m.index + m[0].length;
    const read = readDueValue(text.slice(at, at + 60), options);
    if (!read) continue;
    const end = at + read.length;
    if (m[2] !== undefined) {
      // A bare "by": only a date that is read, with nothing but tokens after it.
      if (read.kind === 'unread' || !AFTER_BY.test(text.slice(end, end + 200))) continue;
    }
    if (read.kind === 'date') return { value: read.value, start: m.index, end };
    if (read.kind === 'yearless') return { yearless: { month: read.month, day: read.day }, start: m.index, end };
    return { unread: read.why, start: m.index, end };
  }
  return undefined;
}
