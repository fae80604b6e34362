/**
 * Which imported events are already in the timeline, so importing the same export twice, or a newer
 * export overlapping an earlier one, adds nothing twice. An entry is the event when it is at the same
 * UTC minute, with the same source tag (or none: the user removed it), and says the same thing — also
 * when an earlier version of the importer wrote it differently than today's does:
 *
 * - links: a Slack link was written as its label alone (`grafana`), now as `[grafana](https://…)`;
 * - other columns: a CSV row was its text alone (`5xx > 5%`), now `5xx > 5% (service: checkout-api)`,
 *   and a newer export may fill more of them (`(service: …; notes: …)`);
 * - cut: a long message was kept whole, or cut at another length (marked `…`).
 *
 * Those matches are guesses made on the user's behalf, so each is counted by kind and said. Each
 * entry is one event: it is found once.
 */
import { MILESTONES } from '../timeline/entryGrammar';

/** How an existing entry was recognised as an imported event when the words differ. */
export type LooseMatch = 'links' | 'columns' | 'cut';

export interface ExistingEntry {
  readonly minute: number;
  readonly source?: string;
  /** The entry's text after its time, source tag and milestone markers (`TimelineEntry.description`). */
  readonly description: string;
}

/**
 * Past this many entries at one minute starting with the same words, only exact matches are looked for:
 * a bound on hostile files (no real timeline has so many), as each loose comparison reads the texts.
 */
const LOOSE_CANDIDATES = 64;
/** Loose matches share their first characters (a link's label, the text before the columns, the cut words): entries are looked up by them. */
const LOOKUP_PREFIX = 8;
/** A cut text this short could be a prefix of anything: it is matched only exactly. */
const SHORTEST_CUT = 40;

const MILESTONE_MARKER = new RegExp(`(?:\\*\\*|__)?\\[(?:${MILESTONES.join('|')})\\](?:\\*\\*|__)?`, 'gi');
/** `resolved (https://…)`: how a link labelled with a milestone word is written. */
const ADDRESS_AFTER_LABEL = /\s\((?:https?:\/\/|mailto:)[^\s()]*\)/gi;
const URL_SCHEME = /\b(?:https?:\/\/|mailto:)/gi;
const TRAILING_SLASH = /\/(?=\s|$)/g;
const ESCAPE = /\\([[\]()\\*_`])/g;
/** A kept column's name at the start of what follows ` (`: `service: `. */
const COLUMN_NAME = /[^:;()]{1,60}: /y;

/** The words compared: lower case, milestone markers out (the entry's description has none), escapes undone, whitespace collapsed. */
export function comparedText(text: string): string {
  // Escapes first: `\[resolved]` (an import's text) and `[resolved]` (a marker the entry's description left out) are both left out.
  return text.toLowerCase().replace(ESCAPE, '$1').replace(MILESTONE_MARKER, ' ').replace(/\s+/g, ' ').trim();
}

/** `comparedText` with every link reduced to what an earlier import wrote: its label, a bare address without scheme. */
function withoutAddresses(text: string): string {
  return linksAsLabels(text).replace(ADDRESS_AFTER_LABEL, '').replace(URL_SCHEME, '').replace(TRAILING_SLASH, '');
}

/**
 * Each Markdown link `[label](url)` as its label. A hand scanner, not a regular expression: one over
 * `[` … `](` … `)` tried from every `[` read the rest of the text again from each (quadratic on a text
 * of `\[` repeated). Here a label stops at the next `[` (where the next try starts) and a destination
 * at a bracket, a parenthesis or a blank, so each character is read at most twice.
 */
function linksAsLabels(text: string): string {
  if (!text.includes('](')) return text;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \\ */) {
      i += 2;
      continue;
    }
    if (c !== 91 /* [ */) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 92) j += 2;
      else if (d === 91 || d === 93) break;
      else j++;
    }
    if (j >= text.length || text.charCodeAt(j) === 91) {
      i = j;
      continue;
    }
    // text[j] is `]`: a destination in parentheses must follow.
    if (text.charCodeAt(j + 1) !== 40 /* ( */) {
      i = j + 1;
      continue;
    }
    let k = j + 2;
    while (k < text.length) {
      const d = text.charCodeAt(k);
      if (d === 92) k += 2;
      else if (d === 41 /* ) */ || d === 40 || d === 91 || d === 93 || d === 32 || d === 9) break;
      else k++;
    }
    if (k < text.length && text.charCodeAt(k) === 41) {
      out += text.slice(copied, i) + text.slice(i + 1, j);
      copied = k + 1;
      i = k + 1;
    } else i = j + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The text before kept columns and the columns (`name: value` each), or no columns. Found by hand: one `indexOf` pass. */
function splitColumns(text: string): { base: string; columns?: string[]; cut: boolean } {
  const cut = text.endsWith('…');
  const whole = cut ? text.slice(0, -1).trimEnd() : text;
  for (let at = whole.indexOf(' ('); at !== -1; at = whole.indexOf(' (', at + 1)) {
    COLUMN_NAME.lastIndex = at + 2;
    if (!COLUMN_NAME.test(whole)) continue;
    const closed = whole.endsWith(')');
    if (!closed && !cut) continue;
    const inner = whole.slice(at + 2, closed ? -1 : undefined);
    return { base: whole.slice(0, at), columns: inner.split('; '), cut };
  }
  return { base: whole, cut };
}

/** True when every item of `a` is in `b`; a cut list's last item may be a prefix. */
function columnsWithin(a: readonly string[], b: readonly string[], aCut: boolean): boolean {
  return a.every((c, i) => b.includes(c) || (aCut && i === a.length - 1 && b.some((d) => d.startsWith(c))));
}

/** A text prepared once for loose comparison: links reduced, kept columns split off, the cut marker read. */
interface LooseForm {
  readonly plain: string;
  readonly split: ReturnType<typeof splitColumns>;
  /** The words before `…`, when the text was cut. */
  readonly cutWords?: string;
}

function looseForm(text: string): LooseForm {
  const plain = withoutAddresses(text);
  return { plain, split: splitColumns(plain), ...(plain.endsWith('…') ? { cutWords: plain.slice(0, -1).trimEnd() } : {}) };
}

/** How `existing` and `imported` (both `comparedText`) are the same event written by two versions of the importer, or undefined. */
export function looseMatch(existing: string, imported: string): LooseMatch | undefined {
  return looseFormsMatch(looseForm(existing), looseForm(imported));
}

function looseFormsMatch(a: LooseForm, b: LooseForm): LooseMatch | undefined {
  if (a.plain === b.plain) return 'links';
  const [x, y] = [a.split, b.split];
  if (x.base === y.base && (x.columns || y.columns)) {
    const [xs, ys] = [x.columns ?? [], y.columns ?? []];
    if (columnsWithin(xs, ys, x.cut) || columnsWithin(ys, xs, y.cut)) return 'columns';
  }
  // One of them cut: the cut one's words are where the other starts.
  const [aw, bw] = [a.cutWords, b.cutWords];
  if (aw !== undefined && aw.length >= SHORTEST_CUT && (bw ?? b.plain).startsWith(aw)) return 'cut';
  if (bw !== undefined && bw.length >= SHORTEST_CUT && (aw ?? a.plain).startsWith(bw)) return 'cut';
  return undefined;
}

/**
 * The timeline's entries, looked up by minute: is an imported event already there, and how was it
 * recognised. Each entry stands for one event: once found, it is used up, so two messages saying the
 * same words in one minute (a restart done twice) need two entries to be "already there" — a
 * re-import finds both, a timeline holding one gets the other added (trial 13a F30).
 */
export class PresentEntries {
  /** Entries by minute, source and words, in timeline order; `next`: the first that may be unused (those before it are). */
  private readonly exact = new Map<string, { indexes: number[]; next: number }>();
  private readonly loose = new Map<string, { index: number; source?: string; form: LooseForm }[]>();
  private readonly used: boolean[] = [];

  constructor(entries: Iterable<ExistingEntry>) {
    let index = 0;
    for (const e of entries) {
      const text = comparedText(e.description);
      const k = key(e.minute, e.source, text);
      const same = this.exact.get(k);
      if (same) same.indexes.push(index);
      else this.exact.set(k, { indexes: [index], next: 0 });
      const form = looseForm(text);
      for (const lk of lookupKeys(e.minute, form)) {
        const list = this.loose.get(lk);
        if (!list) this.loose.set(lk, [{ index, source: e.source, form }]);
        else if (list.length < LOOSE_CANDIDATES) list.push({ index, source: e.source, form });
      }
      this.used.push(false);
      index++;
    }
  }

  /**
   * 'same' when an unused entry says the same words, a LooseMatch when an earlier import wrote it
   * differently, undefined when it is new. The entry found is used up.
   */
  find(minute: number, source: string, entryText: string): 'same' | LooseMatch | undefined {
    const text = comparedText(entryText);
    // An entry without a source tag (the user removed it) may be any source's event.
    if (this.take(key(minute, source, text)) || this.take(key(minute, undefined, text))) return 'same';
    const form = looseForm(text);
    for (const k of lookupKeys(minute, form)) {
      for (const e of this.loose.get(k) ?? []) {
        if (this.used[e.index] || (e.source !== undefined && e.source !== source)) continue;
        const how = looseFormsMatch(e.form, form);
        if (how) {
          this.used[e.index] = true;
          return how;
        }
      }
    }
    return undefined;
  }

  /** Uses up the first unused entry filed under `k`, if any. The cursor only moves forward, so each entry is passed once. */
  private take(k: string): boolean {
    const list = this.exact.get(k);
    if (!list) return false;
    while (list.next < list.indexes.length && this.used[list.indexes[list.next]]) list.next++;
    if (list.next === list.indexes.length) return false;
    this.used[list.indexes[list.next++]] = true;
    return true;
  }
}

/** Where a text is filed for loose lookup: its first characters, and a short text before kept columns (`5xx (service: …)`) by that text too. */
function lookupKeys(minute: number, form: LooseForm): string[] {
  const keys = [`${minute}\u0000${form.plain.slice(0, LOOKUP_PREFIX)}`];
  if (form.split.base.length < LOOKUP_PREFIX && form.split.columns) keys.push(`${minute}\u0000${form.split.base}`);
  return keys;
}

function key(minute: number, source: string | undefined, text: string): string {
  return `${minute}\u0000${source ?? ''}\u0000${text}`;
}
