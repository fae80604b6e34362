import { eachLine } from '../text/eachLine';

/**
 * How deep lists and block quotes may nest before the Markdown reader sees them flat. remark's
 * visitors recurse once per level: a Timeline line of 4,000 `- ` (8 KB) overflowed the call stack,
 * and 4,000 `> ` took seconds. No post-mortem nests anywhere near this deep.
 */
export const MAX_NESTING = 64;

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * The container markers (`- `, `* `, `+ `, `1. `, `1) `, `>`) opening `line`: how many, and where
 * the one past `limit` starts (undefined when there are at most `limit`). One pass, no backtracking.
 */
export function containerDepth(line: string, limit = MAX_NESTING): { depth: number; cutAt?: number; prefixEnd: number } {
  let i = 0;
  let depth = 0;
  let cutAt: number | undefined;
  for (;;) {
    let j = i;
    while (j < line.length && isBlank(line.charCodeAt(j))) j++;
    const c = line.charCodeAt(j);
    let next = -1;
    if (c === 62 /* > */) next = j + 1;
    else if ((c === 45 || c === 42 || c === 43) && (j + 1 === line.length || isBlank(line.charCodeAt(j + 1)))) next = j + 1;
    else {
      let k = j;
      while (k < line.length && k - j < 9 && line.charCodeAt(k) >= 48 && line.charCodeAt(k) <= 57) k++;
      const d = line.charCodeAt(k);
      if (k > j && (d === 46 || d === 41) && (k + 1 === line.length || isBlank(line.charCodeAt(k + 1)))) next = k + 1;
    }
    if (next === -1) return { depth, cutAt, prefixEnd: i };
    depth++;
    if (depth > limit && cutAt === undefined) cutAt = j;
    i = next;
  }
}

/** What `NestingScanner.line` found on one line. */
export interface LineNesting {
  /** Containers open at the line's first character plus those it opens: its depth. */
  readonly depth: number;
  /** Where the first marker past the limit starts, undefined when the line stays within it. */
  readonly cutAt?: number;
  /** Where the line's markers end (the markers from `cutAt` to here are read as spaces). */
  readonly prefixEnd: number;
  /** True when the limit was passed only with the list items opened on earlier lines. */
  readonly acrossLines: boolean;
}

/**
 * Nesting depth line by line, lists spread over lines included: `"  ".repeat(i) + "- item"` for
 * i up to 600 nests 600 levels with one marker per line, and remark's list handling grew with the
 * square of the depth (600 levels, 20 KB: 80 s). The scanner keeps the content columns of the open
 * list items (a stack: each line pushes and pops at most what it has, so linear in the text); a
 * marker that starts left of an item's content closes that item, as in CommonMark. A paragraph line
 * right after another does not close anything (a lazy continuation). An estimate, exact for the
 * shapes that matter: it only decides past MAX_NESTING levels, where no real post-mortem goes.
 */
export class NestingScanner {
  private readonly open: number[] = [];
  private previousBlank = true;

  constructor(private readonly limit = MAX_NESTING) {}

  /** List items open before the next line: each one the Markdown reader checks that line against. */
  get openItems(): number {
    return this.open.length;
  }

  line(text: string): LineNesting {
    const local = containerDepth(text, this.limit);
    let i = 0;
    let column = 0;
    const skipBlanks = () => {
      while (i < text.length && isBlank(text.charCodeAt(i))) {
        column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
        i++;
      }
    };
    skipBlanks();
    if (i === text.length) {
      this.previousBlank = true;
      return { depth: 0, prefixEnd: 0, acrossLines: false };
    }
    const firstColumn = column;
    const paragraphLine = local.depth === 0;
    // A paragraph line closes the items it starts left of after a blank line, or as a heading; right
    // after another line it may be a lazy continuation, which closes nothing.
    if (paragraphLine && (this.previousBlank || (firstColumn < 4 && text.charCodeAt(i) === 35))) this.closeLeftOf(firstColumn);
    this.previousBlank = false;
    if (paragraphLine) return { depth: 0, prefixEnd: local.prefixEnd, acrossLines: false };
    let depth = 0;
    let cutAt: number | undefined;
    let firstItem = true;
    while (i < local.prefixEnd) {
      const markerStart = i;
      const markerColumn = column;
      const c = text.charCodeAt(i);
      const quote = c === 62;
      if (quote || c === 45 || c === 42 || c === 43) i++;
      else while (i < text.length && text.charCodeAt(i) !== 46 && text.charCodeAt(i) !== 41) i++;
      if (!quote && c !== 45 && c !== 42 && c !== 43) i++;
      column += i - markerStart;
      if (!quote && firstItem) {
        // A list item closes the open items whose content starts right of its marker (siblings, uncles).
        this.closeLeftOf(markerColumn);
        depth += this.open.length;
        firstItem = false;
      }
      depth++;
      const markerEnd = column;
      skipBlanks();
      if (depth > this.limit) {
        cutAt ??= markerStart;
        continue;
      }
      // The item's content starts after the marker and one to four spaces (more: indented code, one space).
      if (!quote) this.open.push(column - markerEnd > 4 || i >= text.length ? markerEnd + 1 : column);
    }
    return { depth, cutAt, prefixEnd: local.prefixEnd, acrossLines: cutAt !== undefined && local.cutAt === undefined };
  }

  private closeLeftOf(column: number): void {
    while (this.open.length > 0 && column < this.open[this.open.length - 1]) this.open.pop();
  }
}

/**
 * `text` with the container markers past MAX_NESTING turned into spaces (same length, so every
 * offset and column stays), or `text` itself when nothing nests that deep: on one line, and across
 * lines (NestingScanner): the deeper items are read as text of the deepest item within the limit.
 */
export function flattenDeepNesting(text: string): string {
  if (!mayNestPastLimit(text)) return text;
  let out = '';
  let from = 0;
  const scanner = new NestingScanner();
  eachLine(text, (start, end) => {
    const line = text.slice(start, end);
    const { cutAt, prefixEnd } = scanner.line(line);
    if (cutAt !== undefined) {
      out += text.slice(from, start + cutAt) + ' '.repeat(prefixEnd - cutAt);
      from = start + prefixEnd;
    }
  });
  return from === 0 ? text : out + text.slice(from);
}

// A run of what a line's container prefix is made of (blanks, `>`, list markers) at a line start,
// long enough to reach MAX_NESTING + 1 = 65 columns even if every character were a 4-column tab:
// 17 = ceil(65 / 4) (test/unit/document/nestingPrecheck.test.ts holds the two together).
const LONG_PREFIX = /^[ \t>*+\-0-9.)]{17,}/gm;
export const LONG_PREFIX_CHARS = 17;

/**
 * False when no line can nest past MAX_NESTING, so the scan is skipped (the summary reader runs this
 * on every file of the workspace). A line `depth` levels deep has a container prefix at least `depth`
 * columns wide: each marker on the line takes a column, and each list item still open from earlier
 * lines at least two (its content starts after its marker and a space, right of the one before it).
 */
export function mayNestPastLimit(text: string): boolean {
  LONG_PREFIX.lastIndex = 0;
  for (let m = LONG_PREFIX.exec(text); m; m = LONG_PREFIX.exec(text)) {
    let width = 0;
    for (let i = 0; i < m[0].length && width <= MAX_NESTING; i++) width = m[0].charCodeAt(i) === 9 ? width + 4 - (width % 4) : width + 1;
    if (width > MAX_NESTING) return true;
  }
  return false;
}
