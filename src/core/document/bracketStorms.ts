import { eachParagraphLine } from './paragraphLines';

/**
 * How many of each of `[`, `]`, `~`, `*` and `_` one paragraph may hold before the Markdown reader
 * sees the rest as plain text. micromark, remark's reader, matches each `]` against the label
 * openers before it and slices the label's text from that opener every time; GFM's strikethrough
 * pairs `~` runs, and emphasis pairs `*` and `_` runs, by walking back over the whole paragraph
 * from each closer: one paragraph of `[` then `](` took 12 s at 200 KB, 20,000 `[*_\`` 13.9 s,
 * 40,000 `~a` 5 s (all quadratic). A real paragraph holds a few links and a few bold words; 256
 * brackets is 128 links.
 */
export const MAX_BRACKETS_PER_PARAGRAPH = 256;

/** Stand-ins of one UTF-16 unit each (offsets stay) with no Markdown meaning. */
const NEUTRAL: Readonly<Record<number, string>> = { 91: '\uFF3B', 93: '\uFF3D', 126: '\uFF5E', 42: '\uFF0A', 95: '\uFF3F' };

/** Which counter a character adds to: `[`, `]`, `~`, `*`, `_`; -1 for any other. */
function kindOf(c: number): number {
  return c === 91 ? 0 : c === 93 ? 1 : c === 126 ? 2 : c === 42 ? 3 : c === 95 ? 4 : -1;
}

export interface BracketStorm {
  /** 0-based line of the paragraph's first line. */
  readonly line: number;
  /** How many `[`, `]`, `~`, `*` and `_` the paragraph holds in all. */
  readonly count: number;
}

interface Scan {
  readonly storms: BracketStorm[];
  /** Offsets of the characters past the limit in their paragraph, ascending. */
  readonly excess: number[];
}

/**
 * One pass over the paragraphs of `text` (paragraphLines.ts). Counts `[`, `]`, `~`, `*`, `_` per
 * paragraph (each kind on its own) and notes the ones past `limit`.
 */
function scan(text: string, limit: number): Scan {
  const storms: BracketStorm[] = [];
  const excess: number[] = [];
  let counts = [0, 0, 0, 0, 0];
  let paragraphLine = -1;
  let stormAt = -1;
  eachParagraphLine(text, (_start, from, end, line, opens) => {
    if (opens) {
      counts = [0, 0, 0, 0, 0];
      paragraphLine = line;
      stormAt = -1;
    }
    for (let i = from; i < end; i++) {
      const kind = kindOf(text.charCodeAt(i));
      if (kind < 0) continue;
      if (++counts[kind] <= limit) continue;
      excess.push(i);
      if (stormAt < 0) {
        stormAt = storms.length;
        storms.push({ line: paragraphLine, count: 0 });
      }
    }
    if (stormAt >= 0) storms[stormAt] = { line: paragraphLine, count: counts[0] + counts[1] + counts[2] + counts[3] + counts[4] };
  });
  return { storms, excess };
}

/** False when `text` holds at most `limit` of each kind in all: no paragraph can have more. */
function mayStorm(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  // One native indexOf scan per kind (each stops past `limit`): a real post-mortem holds a few dozen
  // of them, and a character loop in script over every text was a measurable part of a lint.
  for (const kind of STORM_CHARACTERS) {
    let count = 0;
    for (let i = text.indexOf(kind); i !== -1; i = text.indexOf(kind, i + 1)) if (++count > limit) return true;
  }
  return false;
}

const STORM_CHARACTERS = ['[', ']', '~', '*', '_'] as const;

/** The paragraphs of `text` holding more than `limit` of one of `[`, `]`, `~`, `*`, `_` (for the diagnostic). */
export function bracketStorms(text: string, limit = MAX_BRACKETS_PER_PARAGRAPH): BracketStorm[] {
  if (!mayStorm(text, limit)) return [];
  return scan(text, limit).storms;
}

/**
 * `text` with each `[`, `]`, `~`, `*` and `_` past the limit in its paragraph replaced by a stand-in of the
 * same length (every offset and column stays), or `text` itself when no paragraph has that many.
 * Fenced code is left as written. Linear: one pass.
 */
export function neutraliseBracketStorms(text: string, limit = MAX_BRACKETS_PER_PARAGRAPH): string {
  if (!mayStorm(text, limit)) return text;
  const { excess } = scan(text, limit);
  if (excess.length === 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (const at of excess) {
    parts.push(text.slice(copied, at), NEUTRAL[text.charCodeAt(at)]);
    copied = at + 1;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
