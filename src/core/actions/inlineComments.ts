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

/** The code spans of a line: a run of backticks up to the next run of the same length. Linear. */
function codeSpans(text: string): { start: number; end: number }[] {
  const runs: { start: number; length: number }[] = [];
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
    const start = i;
    while (text.charCodeAt(i) === 96) i++;
    runs.push({ start, length: i - start });
  }
  const spans: { start: number; end: number }[] = [];
  // The next run of each length after a given run, from the right: one pass.
  const nextOfLength = new Map<number, number>();
  const next: number[] = new Array<number>(runs.length).fill(-1);
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = nextOfLength.get(runs[k].length) ?? -1;
    nextOfLength.set(runs[k].length, k);
  }
  for (let k = 0; k < runs.length; k++) {
    const closer = next[k];
    if (closer === -1) continue;
    spans.push({ start: runs[k].start, end: runs[closer].start + runs[closer].length });
    k = closer;
  }
  return spans;
}
