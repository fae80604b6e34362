/**
 * A value as one line of text: line breaks, tabs and control characters (a pasted title, a shell
 * argument with a newline) become spaces, so a title can never add a line to the document.
 */
export function singleLineTitle(title: string): string {
  return title.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}
