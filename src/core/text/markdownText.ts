/**
 * User text written into a Markdown page we generate (the metrics report, `postmortem list --format
 * md`): pages teams commit and code hosts render, so a title must stay text — shown exactly as
 * written, on one line. The property test (test/unit/text/markdownText.test.ts) renders the escaped
 * text with the CommonMark + GFM parser and asks for the original back, in a paragraph, a table
 * cell, a heading and a link's text.
 */

/**
 * Every character CommonMark, GFM or GitHub could read as syntax inside a line: backslash, code
 * (`` ` ``), emphasis (`*`, `_`), strikethrough (`~`), links and images (`[`, `]`), headings' closing
 * `#`, tables (`|`), entities (`&`), HTML and autolinks (`<`, `>`), quotes (`>`), math on GitHub (`$`).
 * Each is backslash-escaped, `<` too (CommonMark escapes any ASCII punctuation): `\<script\>`,
 * `\<img` and `\<!--` stay text and read as typed in the file, where `&lt;b\>` mixed an entity with
 * an escape (trial 13a). Matched one character at a time: linear.
 */
const INLINE_SPECIAL = /[\\`*_~[\]#|&<>$]/g;

/**
 * Where GFM starts a bare link (`www.`, `http://`): an autolink literal reads on over backslash
 * escapes (`www.\*` became a link to `www.\*`), so its start is escaped instead.
 */
const AUTOLINK_START = /(?<=www)\.|:(?=\/\/)/gi;

/** Line breaks (also a lone CR, U+2028/2029) and control characters (ESC, BEL, …), in runs. */
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * The text on one line: every line break and control character becomes a space (a title cannot
 * start a heading, a list or a Mermaid block of its own, nor colour a terminal that prints the
 * page), and the spaces around it go (Markdown drops them in a cell, a heading or a paragraph).
 */
export function markdownLine(text: string): string {
  const spaced = text.replace(BREAKS_AND_CONTROLS, ' ');
  let start = 0;
  let end = spaced.length;
  while (start < end && spaced[start] === ' ') start++;
  while (end > start && spaced[end - 1] === ' ') end--;
  return spaced.slice(start, end);
}

/**
 * User text as Markdown that renders as exactly `markdownLine(text)`: the one escaping of every
 * Markdown output (table cells, headings, link text, notes). Also what would open a block when the
 * text starts a line: a list marker (`-`, `+`, `1.`, `1)`); `#` and `>` are escaped everywhere.
 */
export function markdownText(text: string): string {
  const escaped = markdownLine(text).replace(INLINE_SPECIAL, '\\$&').replace(AUTOLINK_START, '\\$&');
  if (escaped.startsWith('-') || escaped.startsWith('+')) return `\\${escaped}`;
  const number = /^\d+[.)]/.exec(escaped);
  return number ? `${number[0].slice(0, -1)}\\${escaped.slice(number[0].length - 1)}` : escaped;
}

/**
 * User text as a code span that shows it exactly (on one line): fenced by one backtick more than its
 * longest run of backticks, padded with a space when it starts or ends with a backtick or a space
 * (CommonMark strips one space from each side of such a span). Not for table cells: GFM splits a
 * cell at a `|` even inside a code span.
 */
export function markdownCode(text: string): string {
  const line = markdownLine(text);
  if (line === '') return '';
  let longest = 0;
  let run = 0;
  for (const c of line) {
    run = c === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
