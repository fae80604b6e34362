import type { LineIndex } from '../text/lineIndex';

/**
 * The comment `postmortem convert` writes in the front matter when it left an incident time out or
 * in doubt: a start it withheld (the title and the timeline disagree), the end of several incidents
 * it did not write as one incident's, a date that is not the start's day (trial17c F9, F10). A note
 * on the terminal is lost once the file is committed, and a `Conversion:` line under "Notes from the
 * original" is read by no tool: the comment is, by time/convert-doubt, until a person settles the
 * time and deletes it.
 */
export const CONVERT_DOUBT_PREFIX = '# doubt from postmortem convert:';

/** Recognises the comment by its opening words. */
const MARKER = /^\s{0,8}#\s{0,3}doubt from postmortem convert:/;

/** The comment line for one doubt: one line, without characters that would end or break it. */
export function convertDoubtComment(doubt: string): string {
  const line = doubt.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return `${CONVERT_DOUBT_PREFIX} ${line.length > 400 ? `${line.slice(0, 399)}…` : line}`;
}

/** The front-matter lines (between `---` and `---`) that carry such a comment. */
export function convertDoubtLines(lines: LineIndex, openLine: number, closeLine: number): number[] {
  const found: number[] = [];
  for (let l = openLine + 1; l < closeLine && l < openLine + 2000; l++) if (MARKER.test(lines.lineText(l))) found.push(l);
  return found;
}
