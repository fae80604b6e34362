/**
 * A heading line as the converter reads it (up to 3 white-space characters, 1–6 `#`, white space)
 * and its text after that white space ('' for a heading with no text). The text is `\S.*` so the
 * white space before it belongs to one run only: `\s+(.*)$` backtracked quadratically on a long run
 * of spaces followed by a line separator.
 */
const HEADING_LINE = /^\s{0,3}#{1,6}\s+((?:\S.*)?)$/;

export function headingText(text: string): string | undefined {
  return HEADING_LINE.exec(text)?.[1];
}
