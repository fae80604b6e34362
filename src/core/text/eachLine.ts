/**
 * Calls `visit(start, end)` for each line of `text`, as Markdown reads lines: ended by LF, CRLF or a
 * lone CR; `end` is where the line's break starts. A text ending with a break has an empty last line,
 * visited too. One pass, no slices: the budget estimates (listWork, quoteWork, markerRuns) read every
 * line of a section before the Markdown reader is asked to.
 */
export function eachLine(text: string, visit: (start: number, end: number) => void): void {
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    visit(start, end);
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}
