/**
 * How many inline HTML openers of one kind in a row (no closer between them) the Markdown reader
 * sees as written. micromark, remark's reader, looks for the closer of an inline comment (`<!--`),
 * processing instruction (`<?`), declaration (`<!X`) or CDATA section (`<![CDATA[`) from every
 * opener to the end of its paragraph, and when there is none there, starts again at the next
 * opener: a line of 16 KB of `<?` took 16 s (quadratic; cmark had the same bug, CVE-2023-22484).
 * No post-mortem writes this many openers in a row.
 */
export const MAX_OPENERS_IN_A_ROW = 32;

/** The stand-in for a neutralised opener's `<`: one UTF-16 unit like it (offsets stay), no Markdown meaning. */
export const NEUTRAL_LT = '\uFF1C';

interface Kind {
  readonly opener: string;
  readonly closer: string;
  /** Where, after the opener's start, its closer may start at the earliest (`<!-->` is a whole comment). */
  readonly closerFrom: number;
}

const KINDS: readonly Kind[] = [
  { opener: '<!--', closer: '-->', closerFrom: 2 },
  { opener: '<?', closer: '?>', closerFrom: 1 },
  { opener: '<![CDATA[', closer: ']]>', closerFrom: 9 },
];

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The starts of `kind`'s openers in `text` (declarations: `<!` and a letter). */
function openers(text: string, kind: Kind | 'declaration'): number[] {
  const found: number[] = [];
  const needle = kind === 'declaration' ? '<!' : kind.opener;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (kind !== 'declaration' || isAsciiLetter(text.charCodeAt(at + 2))) found.push(at);
  }
  return found;
}

/**
 * The openers past the first MAX_OPENERS_IN_A_ROW of each row with no closer between them. Where
 * the row's closer is in the same paragraph, the first opener's comment takes in the others, so
 * their `<` is inside it either way; where it is not, each of them was literal text.
 */
function excessOpeners(text: string, kind: Kind | 'declaration', limit: number): number[] {
  const starts = openers(text, kind);
  if (starts.length <= limit) return [];
  const closer = kind === 'declaration' ? '>' : kind.closer;
  const closerFrom = kind === 'declaration' ? 2 : kind.closerFrom;
  const excess: number[] = [];
  let rowStart = 0;
  // The first closer that can end the row's first opener; the row ends at the first opener past it.
  let close = text.indexOf(closer, starts[0] + closerFrom);
  for (let k = 0; k < starts.length; k++) {
    if (close >= 0 && starts[k] > close) {
      rowStart = k;
      close = text.indexOf(closer, starts[k] + closerFrom);
    }
    if (k - rowStart >= limit) excess.push(starts[k]);
  }
  return excess;
}

/** Spaces and the characters of list and quote markers: what may come before a block on its line. */
const isPrefixChar = (c: number) => c === 32 || c === 9 || c === 62 || c === 45 || c === 42 || c === 43 || c === 46 || c === 41 || (c >= 48 && c <= 57);

/**
 * `sorted` without the openers that come first on their line (after spaces and list or quote
 * markers): those may open an HTML block, not inline HTML, and stay as written. One pass: each
 * line's break and marker prefix are looked at once.
 */
function inlineOnly(text: string, sorted: readonly number[]): number[] {
  const out: number[] = [];
  let scanned = 0;
  let lineStart = 0;
  let prefixOf = -1;
  let prefixEnd = 0;
  for (const at of sorted) {
    for (; scanned < at; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 10 || c === 13) lineStart = scanned + 1;
    }
    if (prefixOf !== lineStart) {
      prefixOf = lineStart;
      prefixEnd = lineStart;
      while (prefixEnd < text.length && isPrefixChar(text.charCodeAt(prefixEnd))) prefixEnd++;
    }
    if (at !== prefixEnd) out.push(at);
  }
  return out;
}

/**
 * `text` with the `<` of each opener past MAX_OPENERS_IN_A_ROW in a row replaced by NEUTRAL_LT
 * (same length, so every offset and column stays), or `text` itself when no row is that long.
 * Linear: one indexOf pass per kind for openers and one for closers.
 */
export function neutraliseOpenerRuns(text: string, limit = MAX_OPENERS_IN_A_ROW): string {
  if (!text.includes('<')) return text;
  const excess = [...KINDS, 'declaration' as const].flatMap((kind) => excessOpeners(text, kind, limit));
  if (excess.length === 0) return text;
  excess.sort((a, b) => a - b);
  let out = '';
  let copied = 0;
  for (const at of inlineOnly(text, excess)) {
    out += text.slice(copied, at) + NEUTRAL_LT;
    copied = at + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
