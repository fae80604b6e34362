import { atxHeading } from '../../text/atxHeading';
import type { LineIndex } from '../../text/lineIndex';
import type { Fix } from '../../types';

/**
 * The fix that closes a block left open (a fence, a `<pre>`): `closer` on a line of its own before
 * the first section heading (level 1 or 2) after `openLine`, past the block's trailing blank lines,
 * or at the end of the file. `what` names it in the title ("the code block", "the <pre> block with
 * </pre>"). Never preferred by its rules: where the pasted text ended is the writer's call.
 */
export function closeBlockFix(lines: LineIndex, openLine: number, closer: string, text: string, what: string): Fix {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (let l = openLine + 1; l < lines.lineCount; l++) {
    const h = atxHeading(lines.lineText(l));
    if (!h || h.level > 2) continue;
    let last = l - 1;
    while (last > openLine && lines.lineText(last).trim() === '') last--;
    const where = { line: last + 1, character: 0 };
    return { title: `Close ${what} before line ${l + 1} (${lines.lineText(l).trim().slice(0, 60)})`, edits: [{ range: { start: where, end: where }, newText: `${closer}${eol}` }] };
  }
  const end = lines.lineRange(lines.lineCount - 1).end;
  return { title: `Close ${what} at the end of the file`, edits: [{ range: { start: end, end }, newText: text.endsWith('\n') ? `${closer}${eol}` : `${eol}${closer}${eol}` }] };
}
