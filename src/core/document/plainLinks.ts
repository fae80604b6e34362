import { LineIndex } from '../text/lineIndex';
import type { SectionUnit } from './model';
import { readPlainListSection } from './plainLists';

/** An inline link or image as the section's Markdown tree has it: offsets relative to the section's text. */
export interface PlainLink {
  readonly type: 'link' | 'image';
  readonly url: string;
  /** Images: whether the alt text is empty or white space (what evidence/image-alt reports). */
  readonly emptyAlt: boolean;
  readonly start: number;
  readonly end: number;
}

/** Past this many brackets in a section, the parse neutralises some (bracketStorms.ts): the tree decides. */
const MAX_BRACKETS = 200;
/** A destination the reader vouches for: no white space, parentheses, `<`, escapes, entities or control characters. */
const DESTINATION = /^[^\s()<>\\&`\x00-\x1f\x7f]*$/;
/** Link text and alt text that hold a bare URL or e-mail address (a GFM autolink) are the tree's to read. */
const AUTOLINK_LIKE = /:\/\/|www\.|[A-Za-z0-9._+-]@/i;
/** Alt text that is text whatever inline syntax surrounds it: a character other than white space and emphasis marks. */
const ALT_TEXT = /[^\s*_~]/;

/**
 * The inline links and images of a section, read from its lines without the Markdown tree, when
 * the section is plain (readPlainListSection: every line is a list item, prose, a sub-heading or
 * an HTML comment, so the only inline text is where that reader says, and no reference
 * definitions exist) and every bracket on those lines is one the reader can place: CommonMark's
 * bracket matching (look for link or image, links deactivate earlier `[` openers) for `[`…`](dest)`
 * with a plain destination, where a bracket not followed by `(` is text (no definitions), and code
 * spans closed on their line are skipped. HTML and autolinks (`<`) and backslash escapes outside
 * code spans are not followed (`\[` is no bracket). Undefined
 * when the lines cannot tell: the caller walks the tree. Same links, in the tree's order
 * (test/unit/document/plainLinks.test.ts).
 */
export function readPlainLinks(sectionText: string, title: string): PlainLink[] | undefined {
  const lines = new LineIndex(sectionText);
  const plain = readPlainListSection(lines, title);
  if (!plain) return undefined;
  const out: PlainLink[] = [];
  let brackets = 0;
  for (const { line, from } of plain.inline) {
    const text = lines.lineText(line);
    const base = lines.lineStart(line);
    /** Open brackets of this line: `[` or `![` at `at`; inactive once a link formed after it. */
    const openers: { at: number; image: boolean; active: boolean }[] = [];
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (c === '`') {
        // A code span: its content is no syntax. It closes at the next run of as many backticks;
        // one that does not close on this line may close on the paragraph's next: the tree's call.
        const close = codeSpanEnd(text, i);
        if (close === -1) return undefined;
        i = close - 1;
        continue;
      }
      if (c === '<' || c === '\\') return undefined;
      if (c === '[') {
        if (++brackets > MAX_BRACKETS) return undefined;
        // `[^…]`: a footnote call to GFM.
        if (text[i + 1] === '^') return undefined;
        const image = i > from && text[i - 1] === '!';
        // A bracket right after other characters could sit inside a bare URL (GFM autolink literal).
        if (AUTOLINK_LIKE.test(wordBefore(text, from, image ? i - 1 : i))) return undefined;
        openers.push({ at: image ? i - 1 : i, image, active: true });
        continue;
      }
      if (c !== ']') continue;
      if (++brackets > MAX_BRACKETS) return undefined;
      // Inside a bare URL a `]` is no bracket (GFM autolink literal).
      if (AUTOLINK_LIKE.test(wordBefore(text, from, i))) return undefined;
      const opener = openers.pop();
      // No opener: the `]` is text. An inactive one (inside a link): text too.
      if (!opener || !opener.active) continue;
      if (text[i + 1] !== '(') continue; // `[detected]`: no definitions, so text
      const close = text.indexOf(')', i + 2);
      if (close === -1) return undefined;
      const url = text.slice(i + 2, close);
      if (!DESTINATION.test(url)) return undefined;
      const label = text.slice(opener.image ? opener.at + 2 : opener.at + 1, i);
      if (label.includes('&') || AUTOLINK_LIKE.test(label)) return undefined;
      let emptyAlt = false;
      if (opener.image) {
        if (label.includes('[') || label.includes(']') || label.includes('`')) return undefined;
        if (ALT_TEXT.test(label)) emptyAlt = false;
        else if (/^\s*$/.test(label)) emptyAlt = true;
        else return undefined;
      } else {
        // Links do not nest: every `[` before this one is text from now on.
        for (const o of openers) if (!o.image) o.active = false;
      }
      out.push({ type: opener.image ? 'image' : 'link', url, emptyAlt, start: base + opener.at, end: base + close + 1 });
      i = close;
    }
    // An opener left open may close on the paragraph's next line: the tree's to read.
    if (openers.length) return undefined;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Where the code span opened by the backtick run at `open` ends (after its closing run), or -1 when it does not close on this line. */
function codeSpanEnd(text: string, open: number): number {
  let n = open;
  while (text[n] === '`') n++;
  const length = n - open;
  for (let i = n; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '`') j++;
    if (j - i === length) return j;
    i = j;
  }
  return -1;
}

const memo = new WeakMap<SectionUnit, PlainLink[] | null>();

/**
 * readPlainLinks for a section under its own `##` heading (a preamble has no heading line for the
 * list reader to skip), once per section: links/missing-file and evidence/image-alt both ask.
 */
export function plainLinksOf(section: SectionUnit): readonly PlainLink[] | undefined {
  let links = memo.get(section);
  if (links === undefined) {
    links = (section.headingLine === section.startLine && section.text.startsWith('#') ? readPlainLinks(section.text, section.title) : undefined) ?? null;
    memo.set(section, links);
  }
  return links ?? undefined;
}

/** The characters right before `at` back to white space or the start of the inline text. */
function wordBefore(text: string, from: number, at: number): string {
  let s = at;
  while (s > from && !/\s/.test(text[s - 1])) s--;
  return text.slice(s, at);
}
