/**
 * A heading's text as the rendered page shows it, as far as naming a section goes: what a reader
 * sees in `## \> Action items`, `## &gt; Action items`, `## [Action items](#ai)` or
 * `## <a id="ai"></a>Action items` is "> Action items" or "Action items", and the section they name
 * is the Action items section for lint, the summary and convert alike (sectionNames.ts). Inline
 * markup that only styles the words is dropped by the caller. One pass over the text, no regular
 * expression: headings are user text.
 */

/** The named character references headings use; a numeric one (`&#62;`, `&#x3E;`) is read too. */
const ENTITIES: Readonly<Record<string, string>> = { gt: '>', lt: '<', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…' };

/** Longest tag, link destination or reference read as such; a longer run is left as written. */
const MAX_INLINE = 300;

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export function renderedHeadingText(title: string): string {
  const parts: string[] = [];
  /** Where the text not yet copied starts: plain runs are copied whole, not character by character. */
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    if (from > copied) parts.push(title.slice(copied, from));
    if (text) parts.push(text);
    copied = to + 1;
  };
  for (let i = 0; i < title.length; i++) {
    const c = title[i];
    // A backslash escape: the character itself (`\>`, `\_`).
    if (c === '\\' && i + 1 < title.length && ASCII_PUNCTUATION.includes(title[i + 1])) {
      replace(i, i + 1, title[i + 1]);
      i++;
    } else if (c === '<') {
      // An HTML tag (`<span id="x">`, `</a>`, `<br/>`): not shown; a space keeps the words apart.
      const end = tagEnd(title, i);
      if (end > 0) {
        replace(i, end, ' ');
        i = end;
      }
    } else if (c === '&') {
      const read = entityAt(title, i);
      if (read) {
        replace(i, read.end, read.text);
        i = read.end;
      }
    } else if (c === ']' && (title[i + 1] === '(' || title[i + 1] === '[')) {
      // A link's text is shown, not its destination: `[Action items](#ai)`, `[Action items][ai]`.
      const close = linkEnd(title, i + 2, title[i + 1] === '(' ? ')' : ']');
      replace(i, close > 0 ? close : i, '');
      if (close > 0) i = close;
    } else if (c === '[' || c === ']') {
      replace(i, i, '');
    }
  }
  if (copied < title.length) parts.push(title.slice(copied));
  return parts.join('');
}

/** The index of the `>` ending an HTML tag that opens at `at`, or -1 (`a < b` is text). */
function tagEnd(text: string, at: number): number {
  const next = text[at + 1] ?? '';
  if (!/[A-Za-z/!]/.test(next)) return -1;
  // Up to the first `<` or `>`: a `<` first is text (`a < b <i>`), and the next tag is looked at from there.
  const end = Math.min(text.length, at + 1 + MAX_INLINE);
  for (let i = at + 1; i < end; i++) {
    if (text[i] === '>') return i;
    if (text[i] === '<') return -1;
  }
  return -1;
}

/** The character a reference at `at` (`&gt;`, `&#62;`, `&#x3E;`) stands for, and the index of its `;`. */
function entityAt(text: string, at: number): { text: string; end: number } | undefined {
  const semi = indexWithin(text, ';', at + 1, 10);
  if (semi < 0) return undefined;
  const name = text.slice(at + 1, semi);
  if (Object.prototype.hasOwnProperty.call(ENTITIES, name)) return { text: ENTITIES[name], end: semi };
  const code = /^#[xX][0-9a-fA-F]{1,6}$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]{1,7}$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return { text: String.fromCodePoint(code), end: semi };
}

/** The index of `close` ending a link's destination or reference from `from`, or -1 when a bracket comes first (the next one is looked at from there). */
function linkEnd(text: string, from: number, close: string): number {
  const end = Math.min(text.length, from + MAX_INLINE);
  for (let i = from; i < end; i++) {
    if (text[i] === close) return i;
    if (text[i] === '[' || text[i] === ']') return -1;
  }
  return -1;
}

/** The index of `ch` in the `limit` characters from `from`, or -1: every look-ahead is bounded, so the pass stays linear. */
function indexWithin(text: string, ch: string, from: number, limit: number): number {
  const end = Math.min(text.length, from + limit);
  for (let i = from; i < end; i++) if (text[i] === ch) return i;
  return -1;
}
