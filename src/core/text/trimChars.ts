/**
 * Trimming by hand instead of with `/[…]+$/`: an unanchored run-then-end pattern restarts at every
 * character of a long run that is not at the end ("////…x"), which is quadratic on user text.
 */
export function trimEndWhile(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** White space as JavaScript's `\s` defines it (includes U+FEFF, U+2028 and U+00A0), for one character. */
export function isJsSpace(ch: string): boolean {
  return /^\s$/.test(ch);
}
