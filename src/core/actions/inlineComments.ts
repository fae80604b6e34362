import { codeSpans } from '../text/hiddenInline';

/**
 * An item line's inline HTML comments (`<!-- old: @bob due:2026-01-01 -->`) as blanks: rendered, they
 * show nothing, so their text is neither description nor tokens (trial U18). Same length, so token
 * spans and columns stay. A comment inside a code span is code, and one not closed on the line is
 * left as written. One pass for the code spans, one indexOf per comment.
 */
export function blankInlineComments(text: string): string {
  let at = text.indexOf('<!--');
  if (at === -1) return text;
  const code = codeSpans(text);
  let out = '';
  let copied = 0;
  let span = 0;
  while (at !== -1) {
    while (span < code.length && code[span].end <= at) span++;
    if (span < code.length && code[span].start <= at) {
      at = text.indexOf('<!--', code[span].end);
      continue;
    }
    // `<!-->` and `<!--->` are whole (empty) comments to CommonMark.
    const close = text.indexOf('-->', at + 2);
    if (close === -1) break;
    const end = close + 3;
    out += text.slice(copied, at) + ' '.repeat(end - at);
    copied = end;
    at = text.indexOf('<!--', end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
