/**
 * An ATX heading line (`## Title ##`) read by hand, in one pass over the line: the regular
 * expression it replaces (`(.*?)(?:[ \t]+#+)?[ \t]*$`) backtracked cubically on a line of spaces
 * ending in a character `.` does not match (U+2028), and a 1 KB heading froze the index.
 */
export interface AtxHeading {
  readonly level: number;
  /** The heading's text, without the closing `#` sequence and surrounding spaces/tabs. */
  readonly title: string;
  /** The title's columns on the line (`title` is `text.slice(start, end)`), for edits that replace it. */
  readonly start: number;
  readonly end: number;
}

const isBlank = (c: number) => c === 32 || c === 9;

/** The heading on `text` (CommonMark ATX: ≤ 3 spaces, 1–6 `#`, then a space/tab or the end), or undefined. */
export function atxHeading(text: string): AtxHeading | undefined {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  let level = 0;
  while (text.charCodeAt(i + level) === 35 /* # */) level++;
  if (level === 0 || level > 6) return undefined;
  let from = i + level;
  if (from < text.length && !isBlank(text.charCodeAt(from))) return undefined;
  let to = text.length;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  // A closing sequence: `#`s preceded by a space/tab (or making up the whole rest of the line).
  let hashes = to;
  while (hashes > from && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < to && (hashes === from || isBlank(text.charCodeAt(hashes - 1)))) {
    to = hashes;
    while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  }
  while (from < to && isBlank(text.charCodeAt(from))) from++;
  return { level, title: text.slice(from, to), start: from, end: to };
}
