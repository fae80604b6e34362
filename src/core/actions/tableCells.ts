/**
 * How an action-item table's Owner and Due cells are read, by both readers (the parser's
 * actions/extract.ts and the summary's index/actionLines.ts), so every consumer takes the same owner
 * and the same due date. Spans are relative to the cell's trimmed text.
 *
 * An item has one owner and one due date, as in a task list (docs/format.md "One owner per item"):
 * in `| @alice, @bob |` the owner is alice and bob is the other one (actions/one-owner says so); in
 * `| 2026-08-01, 2026-08-15 |` the due date is the first (actions/one-due says so).
 */
import { isIsoDate, parseActionText, type Token } from './itemGrammar';
import { readOwnerToken } from './ownerHandle';
import { ownerKey } from './ownerKey';
import { isPlaceholderOwner } from './placeholders';

export interface OwnerCell {
  readonly owner?: Token<string>;
  /** The cell's first `@` token when it is not a handle (`@Devon-/-Kevin`): no owner is read from it (actions/bad-owner). */
  readonly badOwner?: Token<string>;
  /** A second person named in the cell: not an owner, reported by actions/one-owner. */
  readonly otherOwner?: Token<string>;
}

// The grammar's `@name` (itemGrammar.ts, ownerHandle.ts), after the start, a space, a separator or a link's `[`.
const AT_NAME = /(?<=^|[\s,;/&+([])@([^\s,;:!?()[\]{}<>"`*|@]+)/gu;
// Between plain names: `,` `;`, a spaced `&`, `+`, `and`, `or`, or a `/` with a space beside it ("Devon / Kevin",
// trial T2) (fixed-length alternatives: linear). A `/` between letters is not one: "Eng/Ops" is usually one team.
const NAME_SEPARATOR = /[,;]| (?:&|\+|and|or) | \/ ?|\/ /gi;

/**
 * The owner of a table row: the first `@name` in the cell when it has any (`@alice, @bob`,
 * `[@xster](https://…)`), else the first of plain names separated by `,` `;` `&` `+` `and` `or` or a spaced `/`
 * (`Alice, Bob`, `Devon / Kevin`), else the cell's text (`SRE team`), without a leading `@`.
 */
export function readOwnerCell(text: string): OwnerCell {
  if (!text) return {};
  const names: Token<string>[] = [];
  // The first name and the first other person (a repeat of the first, `@alice, Alice`, is no one new).
  /** Adds a name; true once there are two people. */
  const push = (t: Token<string>): boolean => {
    if (names.length === 0 || differentOwner(names[0], t)) names.push(t);
    return names.length === 2;
  };
  let badOwner: Token<string> | undefined;
  if (text.includes('@')) {
    for (const m of text.matchAll(AT_NAME)) {
      const start = m.index ?? 0;
      const read = readOwnerToken(m[1], text[start + m[0].length] === '@');
      const token = { value: read.written, start, end: start + 1 + read.written.length };
      if (read.problem !== undefined) {
        badOwner ??= token;
        continue;
      }
      if (push(token)) break;
    }
  }
  // `| @Devon-/-Kevin |`: the token is reported whole (actions/bad-owner), not read as plain names.
  if (names.length === 0 && badOwner) return { badOwner };
  if (names.length === 0) {
    let from = 0;
    const add = (to: number): boolean => {
      const raw = text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const name = raw.trim();
      return name ? push({ value: name.replace(/^@/, ''), start: from + lead, end: from + lead + name.length }) : false;
    };
    let full = false;
    for (const m of text.matchAll(NAME_SEPARATOR)) {
      full = add(m.index ?? 0);
      from = (m.index ?? 0) + m[0].length;
      if (full) break;
    }
    if (!full) add(text.length);
  }
  const [first, second] = names;
  if (!first) return {};
  // `TBD, @alex`: the first real person is the owner; the placeholder is the other one (actions/one-owner).
  const [owner, other] = second && isPlaceholderOwner(first.value) && !isPlaceholderOwner(second.value) ? [second, first] : [first, second];
  const read = other ? { owner, otherOwner: other } : { owner };
  return badOwner ? { ...read, badOwner } : read;
}

export interface DueCell {
  readonly due?: Token<string>;
  /** A second date in the cell (`2026-08-01, 2026-08-15`): not the due date, reported by actions/one-due. */
  readonly otherDue?: Token<string>;
  /** The cell is not a date (`1 Aug 2026`, `Q3`): the whole cell, as written. */
  readonly badDue?: Token<string>;
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}(?!\d)/g;

/**
 * The due date of a table row: the cell read as `due:<cell>` by the action-item grammar (so
 * `2026-08-01.` is a date and `next week` is not). When it holds one date only, the date's span is
 * the whole cell (fixes that move the date replace the cell); a further `YYYY-MM-DD` in it is the
 * other due date.
 */
export function readDueCell(text: string): DueCell {
  if (!text) return {};
  const parsed = parseActionText(`due:${text}`);
  if (!parsed.due) return parsed.badDue ? { badDue: { value: text, start: 0, end: text.length } } : {};
  const firstEnd = parsed.due.end - 4;
  let other: Token<string> | undefined;
  if (parsed.otherDue) other = { value: parsed.otherDue.value, start: parsed.otherDue.start - 4, end: parsed.otherDue.end - 4 };
  else {
    ISO_DATE.lastIndex = firstEnd;
    for (let m = ISO_DATE.exec(text); m; m = ISO_DATE.exec(text)) {
      const before = m.index > 0 ? text[m.index - 1] : ' ';
      if (/\d/.test(before) || !isIsoDate(m[0])) continue;
      other = { value: m[0], start: m.index, end: m.index + m[0].length };
      break;
    }
  }
  if (!other) return { due: { value: parsed.due.value, start: 0, end: text.length } };
  return { due: { value: parsed.due.value, start: 0, end: firstEnd }, otherDue: other };
}

/** `other` unless it names the same person as `owner` (`@alice` in the text and `Alice` in the Owner cell). */
export function differentOwner(owner: Token<string>, other: Token<string> | undefined): Token<string> | undefined {
  return other && ownerKey(other.value) !== ownerKey(owner.value) ? other : undefined;
}
