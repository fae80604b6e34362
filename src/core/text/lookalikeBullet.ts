/**
 * The start of a line that a reader takes for a list item but Markdown reads as text (trial16a F16):
 * - a list marker followed by a no-break or other Unicode space instead of a space or a tab
 *   (`-` + U+00A0 is what pasting a list from Google Docs, Confluence or Slack gives): CommonMark
 *   wants a space or a tab after the marker, so the line is a paragraph;
 * - a bullet character that is no Markdown marker (`•`, `◦`, `–`, …: Word's and Docs' lists).
 * The code host shows such a line as text with no checkbox, so no reader takes it as an item or
 * an entry either; the rules that see one say so, with the standard marker as the fix.
 * A hand scan of at most a few characters: linear on any line.
 */
export interface LookalikeBullet {
  /** Where the written marker starts on the line (after up to three spaces). */
  readonly markerStart: number;
  /** Where the text after the marker and its spaces starts. */
  readonly markerEnd: number;
  /** The marker as Markdown reads it (`-`, `1.`): what the fix writes, with a space. */
  readonly standard: string;
  /** What is wrong, for messages: "a no-break space (U+00A0) after '-'", "a '•' bullet (U+2022 BULLET)". */
  readonly what: string;
  /** The marker stands for a box too (an HTML checkbox): the fix writes it after the marker. */
  readonly box?: '[ ]' | '[x]';
}

/** Bullets that word processors and chat tools write, by name (U+… as Unicode names them). */
const BULLETS: Readonly<Record<string, string>> = {
  '\u2022': 'U+2022 BULLET',
  '\u25e6': 'U+25E6 WHITE BULLET',
  '\u2023': 'U+2023 TRIANGULAR BULLET',
  '\u2043': 'U+2043 HYPHEN BULLET',
  '\u2219': 'U+2219 BULLET OPERATOR',
  '\u25aa': 'U+25AA BLACK SMALL SQUARE',
  '\u25cf': 'U+25CF BLACK CIRCLE',
  '\u25cb': 'U+25CB WHITE CIRCLE',
  '\u25a0': 'U+25A0 BLACK SQUARE',
  '\u00b7': 'U+00B7 MIDDLE DOT',
  '\u30fb': 'U+30FB KATAKANA MIDDLE DOT',
  '\u2013': 'U+2013 EN DASH',
  '\u2014': 'U+2014 EM DASH',
  '\u2010': 'U+2010 HYPHEN',
  '\u2011': 'U+2011 NON-BREAKING HYPHEN',
  '\u2212': 'U+2212 MINUS SIGN',
};

/** Spaces that are not CommonMark's (a space or a tab), by name. */
const SPACES: Readonly<Record<string, string>> = {
  '\u00a0': 'no-break space (U+00A0)',
  '\u202f': 'narrow no-break space (U+202F)',
  '\u2007': 'figure space (U+2007)',
  '\u3000': 'ideographic space (U+3000)',
  '\u2002': 'en space (U+2002)',
  '\u2003': 'em space (U+2003)',
  '\u2009': 'thin space (U+2009)',
  '\u200a': 'hair space (U+200A)',
  '\u2000': 'en quad (U+2000)',
  '\u2001': 'em quad (U+2001)',
  '\u2004': 'three-per-em space (U+2004)',
  '\u2005': 'four-per-em space (U+2005)',
  '\u2006': 'six-per-em space (U+2006)',
  '\u2008': 'punctuation space (U+2008)',
  '\u205f': 'medium mathematical space (U+205F)',
  '\u1680': 'ogham space mark (U+1680)',
};

const isSpaceOrTab = (c: string | undefined) => c === ' ' || c === '\t';
const isAnySpace = (c: string | undefined) => c !== undefined && (isSpaceOrTab(c) || SPACES[c] !== undefined);

/** The look-alike marker `text` starts with, if any (a real list item, or any other line, gives undefined). */
export function lookalikeBullet(text: string): LookalikeBullet | undefined {
  let i = 0;
  while (i < 3 && text[i] === ' ') i++;
  const start = i;
  const c = text[i];
  if (c === undefined) return undefined;
  const bullet = BULLETS[c];
  if (bullet !== undefined) {
    if (!isAnySpace(text[i + 1])) return undefined;
    return { markerStart: start, markerEnd: spacesEnd(text, i + 1), standard: '-', what: `a '${c}' bullet (${bullet}), which is no Markdown list marker` };
  }
  let end = i;
  if (c === '-' || c === '*' || c === '+') end = i + 1;
  else {
    while (end < text.length && end - i < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    if (end === i || (text[end] !== '.' && text[end] !== ')')) return undefined;
    end++;
  }
  const space = SPACES[text[end] ?? ''];
  if (space === undefined) return undefined;
  const marker = text.slice(start, end);
  return { markerStart: start, markerEnd: spacesEnd(text, end), standard: marker, what: `a ${space} after '${marker}', where Markdown needs a plain space` };
}

function spacesEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isAnySpace(text[i])) i++;
  return i;
}

/** "4 spaces", "a tab", "2 spaces and a tab": the indentation that makes a line code. */
export function describeIndent(indent: string): string {
  const spaces = [...indent].filter((c) => c === ' ').length;
  const tabs = indent.length - spaces;
  const parts = [...(spaces ? [spaces === 1 ? 'a space' : `${spaces} spaces`] : []), ...(tabs ? [tabs === 1 ? 'a tab' : `${tabs} tabs`] : [])];
  return parts.join(' and ');
}

/** Where the indentation that makes a line indented code ends: the first four columns (a tab goes to the next multiple of 4). */
export function codeIndentEnd(text: string): number {
  let width = 0;
  let i = 0;
  while (i < text.length && width < 4) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
    i++;
  }
  return width >= 4 ? i : 0;
}

/** How far a tag is looked for on a line (longer is no tag a writer typed): keeps the scan linear. */
const MAX_TAG = 200;

/** The tags at the start of a line (`<ul><li><input type="checkbox">`): their names, whether a checkbox (and checked) is among them, and where the text after them starts. */
export interface LeadingTags {
  readonly names: readonly string[];
  readonly checkbox?: 'checked' | 'unchecked';
  readonly end: number;
}

/** Reads the tags that open `text` (after spaces), by hand: each `<name …>` up to its `>`, at most MAX_TAG characters, no `<` inside. */
export function leadingTags(text: string): LeadingTags {
  const names: string[] = [];
  let checkbox: LeadingTags['checkbox'];
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] !== '<') break;
    const close = tagEnd(text, i);
    if (close < 0) break;
    const tag = text.slice(i + 1, close);
    if (tag.includes('<')) break;
    const name = /^\/?[A-Za-z][A-Za-z0-9-]{0,20}/.exec(tag)?.[0].toLowerCase();
    if (!name) break;
    names.push(name);
    if (name === 'input' && /\btype\s{0,3}=\s{0,3}["']?checkbox\b/i.test(tag)) checkbox = /\bchecked\b/i.test(tag) ? 'checked' : 'unchecked';
    i = close + 1;
  }
  return { names, ...(checkbox ? { checkbox } : {}), end: i };
}

/** `text` with every tag removed (`Add alert</li>` → `Add alert`), by hand; a `<` that opens no tag stays. */
export function withoutTags(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<', i);
    if (open < 0) return out + text.slice(i);
    const close = tagEnd(text, open);
    const tag = close < 0 ? '' : text.slice(open + 1, close);
    if (close < 0 || tag.includes('<') || !/^\/?[A-Za-z]/.test(tag)) {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += text.slice(i, open);
    i = close + 1;
  }
  return out;
}

/** The `>` closing the tag opened at `open`, looked for within MAX_TAG characters only (a line of `<` stays linear), or -1. */
function tagEnd(text: string, open: number): number {
  const rel = text.slice(open + 1, open + 1 + MAX_TAG).indexOf('>');
  return rel < 0 ? -1 : open + 1 + rel;
}
