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

/**
 * `text` with the container markers past MAX_NESTING on each line turned into spaces (same length,
 * so every offset and column stays), or `text` itself when nothing nests that deep.
 */
export function flattenDeepNesting(text: string): string {
  let out = '';
  let from = 0;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end);
    const { cutAt, prefixEnd } = containerDepth(line);
    if (cutAt !== undefined) {
      out += text.slice(from, start + cutAt) + ' '.repeat(prefixEnd - cutAt);
      from = start + prefixEnd;
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return from === 0 ? text : out + text.slice(from);
}
