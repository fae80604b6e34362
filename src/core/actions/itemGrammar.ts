/**
 * The grammar of one action item's text (a GFM task-list line after `- [ ] `):
 *
 *   Add pool saturation alert @bob due:2026-12-04 P1 impact:high effort:low OPS-123
 *
 * Tokens may appear in any order; what is left is the description. A token that cannot be read
 * (`due:next week`, `impact:huge`, `P7`, a second `@owner` or `due:`) stays in the description as written and
 * is reported by its actions/ rule: the description never loses or reorders a word. Each token keeps its character
 * span (relative to the text given to `parseActionText`) so fixes and the mark-done command edit
 * exactly that token. A ticket is a tracker key (`OPS-123`, not `UTF-8`: ticketKeys.ts), a GitHub
 * `#123`, a link or URL to a tracker's issue (trackerUrl.ts), or any URL written after `ticket:`. Other links
 * and URLs (a runbook, a dashboard, a webhook) are text wherever they stand, the last word of the item
 * included: taking them as the ticket made `tickets create` skip the item as tracked (trial15a F8; the
 * last word was left out of that rule at first, so `Fix webhook https://hooks.slack.com/…` was still
 * "tracked" by the webhook). Links show their text in the description.
 * docs/format.md states the rules.
 */
import { blankInlineComments } from './inlineComments';
import { blankHiddenInline } from '../text/hiddenInline';
import { isPlaceholderOwner } from './placeholders';
import { isTicketKey } from './ticketKeys';
import { isTrackerUrl } from './trackerUrl';
import { dueYearProblem } from './dueDate';
import { findWrittenDue } from './dueWords';
import { readOwnerToken } from './ownerHandle';
import { trimEndWhile } from '../text/trimChars';
import { isoDay } from '../time/isoDay';

export type Level = 'low' | 'medium' | 'high';

/** What an item does for the system, as in the SRE workbook's action-item template (`kind:prevent`). */
export const ACTION_KINDS = ['prevent', 'mitigate', 'detect', 'process', 'runbook', 'training', 'kb'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface Token<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

export interface ParsedActionText {
  readonly description: string;
  readonly owner?: Token<string>;
  /**
   * An `@` token that is not a handle (`@Devon-/-Kevin`, `@bob-`: ownerHandle.ts), as written
   * without its `@`: not read as an owner, it stays in the description; actions/bad-owner says why.
   */
  readonly badOwner?: Token<string>;
  /** A second `@name` on the line: an item has one owner, so it stays in the description (actions/one-owner). */
  readonly otherOwner?: Token<string>;
  readonly due?: Token<string>;
  /**
   * A second `due:` date on the line (the same date again, or another): the first is the item's due
   * date, this one stays in the description as written (actions/one-due says so).
   */
  readonly otherDue?: Token<string>;
  /**
   * The due date was written in words (`due 2026-12-14`, `due on …`, `by …` at the end: dueWords.ts),
   * not as the `due:` token: `due` then spans those words, and this is what was written there.
   * Read as the due date, as the writer meant; actions/due-in-words asks for `due:DATE`.
   */
  readonly dueInWords?: string;
  /**
   * The due words give a month and day without a year (`due Dec 14`): `due` is unset here and the
   * span is `dueYearlessAt`; the reader of the whole post-mortem takes the year (dueYear.ts) and sets `due`.
   */
  readonly dueYearless?: { readonly month: number; readonly day: number; readonly start: number; readonly end: number };
  /**
   * Due words followed by a date that is not read (`due 03/04`, `due by Friday`): the words as
   * written, their span, and why (dueDate.ts). They stay in the description; actions/missing-due says why.
   */
  readonly dueUnread?: Token<string> & { readonly why: string };
  /** How the year of a year-less due date was taken ("year taken from the incident date (2026-11-20)"), once `due` is set from `dueYearless`. */
  readonly dueYearFrom?: string;
  /** `due:` written but not a valid YYYY-MM-DD date. */
  readonly badDue?: Token<string>;
  readonly done?: Token<string>;
  /** `done:` written but not a valid YYYY-MM-DD date (`done:yesterday`, `done:2026-02-30`): the item has no done date; it stays in the description. */
  readonly badDone?: Token<string>;
  readonly priority?: Token<'P1' | 'P2' | 'P3' | 'P4'>;
  readonly impact?: Token<Level>;
  readonly effort?: Token<Level>;
  readonly ticket?: Token<string>;
  /** A whole-word `P0`, `P5`…`P9`: a priority outside P1–P4. */
  readonly badPriority?: Token<string>;
  /** `impact:` / `effort:` with a value other than low, medium, high. */
  readonly badImpact?: Token<string>;
  readonly badEffort?: Token<string>;
  /** `kind:prevent` … `kind:kb` (ACTION_KINDS). */
  readonly kind?: Token<ActionKind>;
  /** `kind:` with a value outside ACTION_KINDS, as written. */
  readonly badKind?: Token<string>;
  /**
   * Tasks joined on one line with `<br>` (`- [ ] A @kim due:…<br>- [ ] B @lee due:…`, a wiki's
   * style): how many tasks the line holds, and the span from the first `<br>` to the end. Only the
   * first is read: nothing after the `<br>` is a token or in the description, so no owner or due date
   * is borrowed from another task (trial 15a F18); actions/joined-tasks says so.
   */
  readonly joinedTasks?: Token<number>;
}

// One alternative per token kind; all start at the beginning of a word (or after `(`; an owner also
// after `[`, as in `[@kim]`, trial 15a F5: other tokens there are skipped, as before; and after
// emphasis, `**@kim**`, as GitHub users bold a mention, trial16a F10). Owners may
// be written in any script (`@王伟`, `@zoë`), hence the `u` flag and \p{L}. Priorities and keys end
// at a word boundary that also excludes `-`, so `P1-incident` and `TLS-1.2` are ordinary words.
// A link's text and URL hold no `[`, so a long run of unclosed `[` or `[](` stays linear.
// The owner's `@` takes everything up to a space or a stop sign (ownerHandle.ts: OWNER_TOKEN_BODY, the
// same class; a test holds them together), so a token that is not a handle (`@Devon-/-Kevin`) is
// reported whole instead of read as its first name.
const TOKEN =
  /(?:(?<=^|[\s([*])@([^\s,;:!?()[\]{}<>"`*|@]+)|(?<=^|[\s([])(?:due:(\S+)|done:(\S+)|(P\d)(?![\p{L}\p{N}_-])|(impact|effort|kind):(\S+)|\[([^[\]\n]*)\]\(<?([^)\s>[]+)>?\)|([A-Z][A-Z0-9]+-\d+)(?![\p{L}\p{N}_-]|\.\d)|<?(https?:\/\/[^\s)>\]]+)>?|#(\d+)(?![\p{L}\p{N}_])))/gu;

const LEVEL = /^(low|medium|high)$/;
const PRIORITY = /^P[1-4]$/;
const HTTP_URL = /^https?:\/\//;

/**
 * How strongly a token claims to be the item's ticket. The ticket is the last token of the strongest
 * kind present: a tracker key wins over a bare URL or `#123`, which win over the URL of an ordinary
 * link (`[flutter/flutter#27110](https://…)`). Keys are usually written last, after the description,
 * so with several the last one is the item's own and earlier ones are references within the text.
 */
const RANK_LINK_URL = 1;
const RANK_URL_OR_NUMBER = 2;
const RANK_KEY = 3;

interface TicketCandidate {
  readonly rank: number;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** What the description shows when this token is not the ticket (link text for links). */
  readonly asText: string;
  /** True when the description keeps `asText` even when this token is the ticket (ordinary links). */
  readonly keepsText: boolean;
}

export function isIsoDate(value: string): boolean {
  return isoDay(value) !== undefined;
}

export interface ParseOptions {
  /**
   * Read a due date written in words when the text has no `due:` (task items, and the action cell of
   * a table without a Due column); off for a Due cell's own reading and for a table whose Due column
   * is where its dates go.
   */
  readonly dueInWords?: boolean;
}

export function parseActionText(written: string, options: ParseOptions = {}): ParsedActionText {
  // An inline comment is not shown: nothing in it is a token or the description (spans stay).
  const whole = asciiTokenSigns(blankInlineComments(written));
  const joined = joinedTasksOf(whole);
  const text = joined ? whole.slice(0, joined.start) : whole;
  const result: { -readonly [K in keyof ParsedActionText]: ParsedActionText[K] } = { description: '', ...(joined ? { joinedTasks: joined } : {}) };
  // What the description leaves out (or shows instead: link text) of each token.
  const spans: { start: number; end: number; text: string }[] = [];
  const tickets: TicketCandidate[] = [];
  // Code, HTML tags and attributes, <code>/<kbd> text, link titles and alt text are not tokens
  // (trial17a F5); the description is still made from the written text.
  const shown = blankHiddenInline(text);
  for (const m of shown.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (m[1] === undefined && text[start - 1] === '[') continue;
    const take = () => spans.push({ start, end, text: '' });
    // `(due:2026-12-01)`: `\S+` took the `)`; the token ends at its value so the bracket pair is
    // seen whole (and dropped with it) instead of leaving "Add alert (" in the label.
    const takeValue = (prefix: number, value: string) => spans.push({ start, end: /[)\]]/.test(m[0].slice(prefix + value.length)) ? start + prefix + value.length : end, text: '' });
    if (m[1] !== undefined) {
      if (text[end] === '@') {
        // `@kim@acme.com`: an e-mail address after the `@`, not owner `@kim` with "@acme.com" left in
        // the title (trial 15a F15); the whole word is reported (actions/bad-owner), no owner read.
        const wordEnd = endOfAddress(text, end);
        if (!result.badOwner) result.badOwner = { value: text.slice(start + 1, wordEnd), start, end: wordEnd };
        continue;
      }
      const read = readOwnerToken(m[1]);
      const ownerEnd = start + 1 + read.written.length;
      if (read.problem !== undefined) {
        // Not a handle: it stays in the description as written, and actions/bad-owner says why.
        if (!result.badOwner) result.badOwner = { value: read.written, start, end: ownerEnd };
        continue;
      }
      const value = read.written;
      const takeOwner = () => spans.push({ start, end: ownerEnd, text: '' });
      if (result.owner && isPlaceholderOwner(result.owner.value) && !isPlaceholderOwner(value)) {
        // `Fix it @TBD @alex`: the first real person is the owner, not the placeholder before them;
        // the placeholder stays in the text as written and actions/one-owner says to remove it.
        const placeholder = result.owner;
        const at = spans.findIndex((s) => s.start === placeholder.start);
        if (at !== -1) spans.splice(at, 1);
        result.otherOwner = placeholder;
        result.owner = { value, start, end: ownerEnd };
        takeOwner();
        continue;
      }
      if (result.owner) {
        if (!result.otherOwner) result.otherOwner = { value, start, end: ownerEnd };
        continue;
      }
      result.owner = { value, start, end: ownerEnd };
      // `**@kim**`: the emphasis around the owner leaves with it (no "****" in the title).
      const around = emphasisAround(text, start, ownerEnd);
      if (around) spans.push({ start: start - around, end: ownerEnd + around, text: '' });
      else takeOwner();
    } else if (m[2] !== undefined) {
      const value = trimPunctuation(m[2]);
      // `due:0226-12-20` is a calendar date, but no deadline: read, it was never overdue, or 657,425 days overdue (trial19b F5).
      if (isIsoDate(value) && !dueYearProblem(Number(value.slice(0, 4)))) {
        if (result.due) {
          if (!result.otherDue) result.otherDue = { value, start, end: start + 4 + value.length };
          continue;
        }
        result.due = { value, start, end: start + 4 + value.length };
        takeValue(4, value);
      } else if (!result.badDue) {
        // Not a date (`due:next week`): it stays in the description as written, so no word of the
        // item moves ("Next week week"); actions/bad-due names it.
        result.badDue = { value, start, end: start + 4 + value.length };
      }
    } else if (m[3] !== undefined) {
      const value = trimPunctuation(m[3]);
      if (!isIsoDate(value)) {
        // Not a date: it stays in the description as written; actions/bad-done names it (it was dropped without a word).
        if (!result.done && !result.badDone) result.badDone = { value, start, end: start + 5 + value.length };
        continue;
      }
      result.done = { value, start, end };
      takeValue(5, value);
    } else if (m[4] !== undefined) {
      if (PRIORITY.test(m[4])) {
        if (result.priority) continue;
        result.priority = { value: m[4] as 'P1', start, end };
        take();
      } else {
        // `P0`, `P5`…`P9`: perhaps meant as a priority (actions/bad-priority says so), perhaps prose
        // ("move to P5 instances"): it stays in the description either way.
        if (!result.badPriority) result.badPriority = { value: m[4], start, end };
      }
    } else if (m[5] === 'kind' && m[6] !== undefined) {
      const value = trimPunctuation(m[6]);
      const tokenEnd = start + 5 + value.length;
      const kind = value.toLowerCase();
      if ((ACTION_KINDS as readonly string[]).includes(kind)) {
        if (result.kind) continue;
        result.kind = { value: kind as ActionKind, start, end: tokenEnd };
        spans.push({ start, end: tokenEnd, text: '' });
      } else if (!result.badKind) result.badKind = { value, start, end: tokenEnd };
    } else if (m[5] !== undefined && m[6] !== undefined) {
      const value = trimPunctuation(m[6]);
      const key = m[5] as 'impact' | 'effort';
      const tokenEnd = start + m[5].length + 1 + value.length;
      if (LEVEL.test(value)) {
        if (result[key]) continue;
        result[key] = { value: value as Level, start, end: tokenEnd };
        spans.push({ start, end: tokenEnd, text: '' });
      } else {
        const badKey = key === 'impact' ? 'badImpact' : 'badEffort';
        if (result[badKey]) continue;
        result[badKey] = { value, start, end: tokenEnd };
      }
    } else if (m[7] !== undefined && m[8] !== undefined) {
      const label = m[7].trim();
      const url = m[8];
      // `[@kim](https://github.com/kim)`: a mention written as a link to the profile, as GitHub shows it — the owner (trial16a F10).
      const mention = !result.owner && label.startsWith('@') ? readOwnerToken(label.slice(1)) : undefined;
      if (mention && mention.problem === undefined && mention.written.length === label.length - 1) {
        const at = start + m[0].indexOf('@');
        result.owner = { value: mention.written, start: at, end: at + label.length };
        spans.push({ start, end, text: '' });
        continue;
      }
      if (isTicketKey(label)) {
        // `[OPS-1](url)` is a key with its link: the URL is kept so "open ticket" can follow it.
        tickets.push({ rank: RANK_KEY, value: HTTP_URL.test(url) ? url : label, start, end, asText: label, keepsText: false });
      } else if (HTTP_URL.test(url) && isTrackerUrl(url)) {
        tickets.push({ rank: RANK_LINK_URL, value: url, start, end, asText: label, keepsText: true });
      } else {
        spans.push({ start, end, text: label });
      }
    } else if (m[9] !== undefined) {
      if (isTicketKey(m[9])) tickets.push({ rank: RANK_KEY, value: m[9], start, end, asText: m[9], keepsText: false });
    } else if (m[10] !== undefined) {
      const url = trimPunctuation(m[10]);
      const urlEnd = m[0].startsWith('<') ? end : start + url.length;
      const field = ticketFieldBefore(text, start);
      // A runbook, dashboard or webhook link is text, also as the item's last word; see the file comment.
      if (!isTrackerUrl(url) && field === undefined) continue;
      tickets.push({ rank: RANK_URL_OR_NUMBER, value: url, start: field ?? start, end: urlEnd, asText: text.slice(field ?? start, urlEnd), keepsText: false });
    } else if (m[11] !== undefined) {
      // `#123` is a GitHub issue of the same repository.
      tickets.push({ rank: RANK_URL_OR_NUMBER, value: `#${m[11]}`, start, end, asText: m[0], keepsText: false });
    }
  }
  if (options.dueInWords && !result.due && !result.badDue) {
    const words = findWrittenDue(shown);
    // Not inside a link or another token's span (`[due 2026-12-14](url)` stays the link's text).
    if (words && !spans.some((s) => s.start < words.end && words.start < s.end) && !tickets.some((t) => t.start < words.end && words.start < t.end)) {
      const written = text.slice(words.start, words.end);
      if (words.unread !== undefined) {
        result.dueUnread = { value: written, why: words.unread, start: words.start, end: words.end };
      } else {
        if (words.value !== undefined) result.due = { value: words.value, start: words.start, end: words.end };
        if (words.yearless) result.dueYearless = { ...words.yearless, start: words.start, end: words.end };
        result.dueInWords = written;
        spans.push({ start: words.start, end: words.end, text: '' });
      }
    }
  }
  const ticket = chooseTicket(tickets);
  if (ticket) result.ticket = { value: ticket.value, start: ticket.start, end: ticket.end };
  for (const t of tickets) {
    // Links show their text; the chosen key or URL leaves the description; other keys stay as written.
    if (t === ticket) spans.push({ start: t.start, end: t.end, text: t.keepsText ? t.asText : '' });
    else if (t.keepsText || t.asText !== text.slice(t.start, t.end)) spans.push({ start: t.start, end: t.end, text: t.asText });
  }
  // With a valid priority on the item, a `P5` elsewhere is prose, not a second, broken priority.
  if (result.priority) delete result.badPriority;
  result.description = describe(text, spans);
  return result;
}

/** A `<br>` and a task's marker and box after it: the next task of a joined line. Bounded: linear. */
const JOINED_TASK = /<br[ \t]{0,3}\/?>[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]{1,3}\[[ xX]\]/gi;

function joinedTasksOf(text: string): Token<number> | undefined {
  let first: number | undefined;
  let count = 1;
  for (const m of text.matchAll(JOINED_TASK)) {
    first ??= m.index;
    count++;
  }
  return first === undefined ? undefined : { value: count, start: first, end: text.length };
}

/** Where a token left the description, until the brackets around it are looked at. */
const GONE = '\u0000';
/** A bracket pair and what is between (no bracket: each `(` scans to the next bracket only). */
const BRACKETED = /[([]([^()[\]]*)[)\]]/g;

/**
 * A label whose value was a token that left (`Owner: @lee`, `**Owner:** @lee`, `assigned to @raj`,
 * `Ticket: OPS-1`): it labels nothing now. The colon is needed for `owner` ("ask the owner @kim"
 * keeps its words). Bounded quantifiers: linear.
 */
const LABEL_BEFORE_GONE = /(?<![\p{L}\p{N}])[*_]{0,2}(?:(?:owners?|assignee|dri|ticket|tracking)[ \t]{0,3}:|assigned[ \t]{1,3}to:?)[*_]{0,2}[ \t]{0,3}(?=\u0000)/giu;
/**
 * A separator before a token that left, when nothing follows but another separator, a closing
 * bracket or the end: "Bold task — @kim — due 2026-12-27" reads "Bold task", not "Bold task — —";
 * "Call alice, @bob and carol" keeps its comma.
 */
const SEPARATOR_BEFORE_GONE = /[ \t]{0,3}(?:[,;\u2013\u2014]|(?<=[ \t])-)[ \t]{0,3}\u0000(?=[ \t]{0,3}(?:$|[,;)\]\u2013\u2014\u0000]|-[ \t]))/gu;

/**
 * The item's text as prose: tokens removed, links shown as their text, spacing normalised. Brackets
 * that held only tokens go with them: `Add alert (OPS-12)` reads "Add alert", not "Add alert ()";
 * brackets written empty (`init()`) stay.
 */
function describe(text: string, spans: { start: number; end: number; text: string }[]): string {
  spans.sort((a, b) => a.start - b.start);
  const mark = text.includes(GONE) ? '' : GONE;
  let description = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    description += text.slice(at, s.start) + (s.text || mark);
    at = s.end;
  }
  description += text.slice(at);
  if (mark) {
    description = description
      .replace(LABEL_BEFORE_GONE, '')
      .replace(SEPARATOR_BEFORE_GONE, '')
      .replace(BRACKETED, (pair: string, inside: string) => (inside.includes(GONE) && /^[\s,;\u0000]*$/.test(inside) ? '' : pair))
      .replace(/ \u0000(?=[)\]])/g, '')
      .replace(/\u0000/g, '');
  }
  return description.replace(/\s+/g, ' ').replace(/ ([,.;])/g, '$1').trim();
}

/**
 * Text that is not read for tokens (an item's continuation lines) as the description shows it:
 * links as their text, spacing normalised.
 */
export function readableText(written: string): string {
  const text = blankInlineComments(written);
  const spans: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(LINK)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[1].trim() });
  return describe(text, spans);
}

// Link text and URL hold no `[`: otherwise every unclosed `[` of a long run scans to the end (quadratic).
const LINK = /(?<!!)\[([^[\]\n]*)\]\(<?[^)\s>[]+>?\)/g;

/** `Ticket: https://…`: where the `ticket:` word starts, when it is written right before `at`. */
function ticketFieldBefore(text: string, at: number): number | undefined {
  // A bounded look back: the word and a few spaces, never a scan of the line.
  const m = /(?:^|[\s(])(ticket:\s{0,3})$/i.exec(text.slice(Math.max(0, at - 12), at));
  return m ? at - m[1]!.length : undefined;
}

function chooseTicket(candidates: readonly TicketCandidate[]): TicketCandidate | undefined {
  let best: TicketCandidate | undefined;
  for (const c of candidates) if (!best || c.rank >= best.rank) best = c;
  return best;
}

/** `due:2026-12-04,` → the date without the sentence's punctuation. */
/**
 * A full-width `＠` (U+FF20) and a full-width colon after `due`/`done`/`impact`/`effort`/`kind`
 * (`due：2026-12-20`), as a Japanese or Chinese input method types them, read as `@` and `:` (trial16a
 * F10: `＠kim` was "no owner" and `due：…` "no due date" with the value in plain sight). One UTF-16
 * unit each way, so every token's offsets stay those of the written text.
 */
function asciiTokenSigns(text: string): string {
  if (!text.includes('\uff20') && !text.includes('\uff1a')) return text;
  return text.replace(/\uff20/g, '@').replace(/(?<=\b(?:due|done|impact|effort|kind))\uff1a/gi, ':');
}

/** The length of a matching emphasis run (`*`, `**`, `_`, `__`) right before `start` and right after `end`, or 0. */
function emphasisAround(text: string, start: number, end: number): number {
  let n = 0;
  while (n < 3 && start - n - 1 >= 0 && (text[start - n - 1] === '*' || text[start - n - 1] === '_') && text[end + n] === text[start - n - 1]) n++;
  return n;
}

function trimPunctuation(value: string): string {
  return trimEndWhile(value, (ch) => '.,;:!?)'.includes(ch));
}

/** Where the word from `from` ends: at a space or a sign that ends an owner token (`@` goes on: `kim@acme.com`). */
function endOfAddress(text: string, from: number): number {
  let end = from;
  while (end < text.length && !/[\s,;:!?()[\]{}<>"`*|]/.test(text[end])) end++;
  // A sentence's dots after the address are not part of it.
  while (end > from && text[end - 1] === '.') end--;
  return end;
}
