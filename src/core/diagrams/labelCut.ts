/**
 * How a long label is shortened for a drawing (never for the Markdown): cut to a few lines with
 * "…", and long words (a URL, a stack trace) set apart in pieces a renderer can wrap. The fishbone
 * and the fault tree cut alike, so a label looks the same length in both kinds of diagram.
 *
 * Lengths are counted and labels cut in graphemes (what a reader sees as one character: 👩‍💻, a flag,
 * a letter with its combining accents), never inside one: cutting by code point left 👩 and a stray
 * zero-width joiner (trial17b F5). Each cut walks the label's graphemes once, and a length check
 * stops after the graphemes it needs: linear in the label, bounded by `max` where it can be.
 */

/** Characters a drawn label keeps, "…" included: about four lines of a fishbone cause. */
export const MAX_DRAWN_LABEL = 60;

type Segmenter = { segment(text: string): Iterable<{ segment: string; index: number }> };
const SEGMENTER: Segmenter | undefined = (() => {
  const intl = (globalThis as { Intl?: { Segmenter?: new (locale: undefined, options: { granularity: 'grapheme' }) => Segmenter } }).Intl;
  return intl?.Segmenter ? new intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;
})();

/**
 * Intl.Segmenter is given windows of this many UTF-16 units, never the whole label: walking its
 * segments of one long string takes time quadratic in the string's length in Node 20 (100,000
 * characters: 6–13 s), and a window is a few microseconds.
 */
const WINDOW = 64;

/**
 * The graphemes of `text` in order, lazily. Each window (never ending inside a surrogate pair) is
 * segmented, all but its last grapheme given (only the boundary after it depends on what follows), and the next window starts at that last one (it may go on past the window). A single
 * grapheme longer than a window (hundreds of stacked combining marks) is given in window-sized
 * pieces. Without Intl.Segmenter (none of our hosts lacks it), code points.
 */
function* graphemeIterator(text: string): Generator<string> {
  if (!SEGMENTER) {
    yield* text;
    return;
  }
  let pos = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + WINDOW);
    // Never between the halves of a surrogate pair: the half would be read as a grapheme of its own.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    // Below U+0300 (Latin, digits, punctuation) and "…" every character is a grapheme of its own,
    // except one a combining mark or joiner follows: the last of the window waits for the next window.
    let plain = pos;
    for (let c = text.charCodeAt(plain); plain < end && ((c < 0x300 && c !== 13) || c === 0x2026); c = text.charCodeAt(++plain));
    if (plain === end) {
      const stop = end === text.length ? end : end - 1;
      for (let i = pos; i < stop; i++) yield text[i];
      pos = stop;
      continue;
    }
    const window = text.slice(pos, end);
    const segments = [...SEGMENTER.segment(window)];
    if (end === text.length) {
      for (const s of segments) yield s.segment;
      return;
    }
    if (segments.length === 1) {
      yield window;
      pos = end;
      continue;
    }
    for (let i = 0; i < segments.length - 1; i++) yield segments[i].segment;
    pos += segments[segments.length - 1].index;
  }
}

/** The first `n` graphemes of `text` and whether more follow: at most n + 1 graphemes read. */
export function graphemeHead(text: string, n: number): { head: string[]; more: boolean } {
  const head: string[] = [];
  for (const g of graphemeIterator(text)) {
    if (head.length >= n) return { head, more: true };
    head.push(g);
  }
  return { head, more: false };
}

/** All graphemes of `text` (one pass). */
export function graphemes(text: string): string[] {
  return graphemeHead(text, text.length).head;
}

/** True when `label` has more than `max` graphemes (at most max + 1 steps). */
export function longerThan(label: string, max: number): boolean {
  return label.length > max && graphemeHead(label, max).more;
}

/** `label` cut to `max` graphemes at a space when one is near the end, else inside the word, with "…". */
export function cutLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  const { head: chars, more } = graphemeHead(label, max);
  return more ? cutChars(chars, max) : label;
}

/** cutLabel of a label given as its graphemes (more than `max` of them). */
function cutChars(chars: readonly string[], max: number): string {
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > head.length * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * `label` cut to `max` graphemes keeping its number: when its last word holds a digit ("Process cause
 * number 14", "Pod 3", "#1234") and is short, the first words, "…", and that word ("Process…14").
 * Numbered causes stay apart when a crowded category cuts them short (trial17b F4: thirteen
 * identical "Process cause…"); any other label is cut as cutLabel cuts it. Linear in the label.
 */
export function cutLabelKeepingEnd(label: string, max: number): string {
  if (!longerThan(label, max)) return label;
  return keepEndChars(graphemes(label.trimEnd()), max);
}

/** cutLabelKeepingEnd of a label given as its graphemes (a drawing tries several lengths of one label). */
export function cutGraphemesKeepingEnd(chars: readonly string[], max: number): string {
  return chars.length <= max ? chars.join('') : keepEndChars(chars, max);
}

function keepEndChars(all: readonly string[], max: number): string {
  let end = all.length;
  while (end > 0 && all[end - 1] === ' ') end--;
  let space = end - 1;
  while (space >= 0 && all[space] !== ' ') space--;
  const last = all.slice(space + 1, end);
  const room = Math.floor((max - 1) / 2);
  if (end <= max) return all.slice(0, end).join('');
  if (space <= 0 || last.length > room || !last.some((g) => g >= '0' && g <= '9')) return cutChars(all, max);
  let headEnd = space;
  while (headEnd > 0 && all[headEnd - 1] === ' ') headEnd--;
  const headChars = all.slice(0, headEnd);
  const head = headChars.length <= max - last.length ? headChars.join('') : cutChars(headChars, max - last.length);
  return `${head.endsWith('…') ? head : `${head}…`}${last.join('')}`;
}

/** Words longer than `width` graphemes split into pieces of `width`, set apart by spaces. */
export function breakLongWords(label: string, width: number): string {
  return label.split(' ').map((word) => {
    if (word.length <= width) return word;
    const chars = graphemes(word);
    if (chars.length <= width) return word;
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
    return pieces.join(' ');
  }).join(' ');
}
