import { MAX_NESTING, mayNestPastLimit, NestingScanner } from '../../document/nesting';
import type { Rule } from '../../lint/rule';

/**
 * Lists or quotes nested deeper than the reader follows (a hostile or generated file: one line of
 * thousands of `- `, or hundreds of lines each indented one level more). The reader takes the
 * markers past the limit as spaces instead of overflowing or slowing to a crawl; this says so, so
 * nothing is read differently without a word. Nesting over lines is said once, with a count.
 */
export const nestingTooDeep: Rule = {
  code: 'document/nesting-too-deep',
  defaultSeverity: 'warning',
  description: `Lists and block quotes nest at most ${MAX_NESTING} levels, on one line or over lines (deeper markers are read as spaces).`,
  check(ctx) {
    const { lines, frontMatter } = ctx.doc;
    // No line's container prefix is wide enough to nest that deep (the reader's own precheck): nothing to say.
    if (!mayNestPastLimit(ctx.doc.text)) return;
    const scanner = new NestingScanner();
    let reported = 0;
    let across: { line: number; at: number; depth: number } | undefined;
    let acrossLines = 0;
    let deepest = 0;
    for (let line = frontMatter ? frontMatter.closeLine + 1 : 0; line < lines.lineCount; line++) {
      const { depth, cutAt, acrossLines: overLines } = scanner.line(lines.lineText(line));
      if (cutAt === undefined) continue;
      if (overLines) {
        across ??= { line, at: cutAt, depth };
        acrossLines++;
        deepest = Math.max(deepest, depth);
        continue;
      }
      if (reported >= 20) continue;
      reported++;
      ctx.report({
        range: { start: { line, character: cutAt }, end: { line, character: cutAt } },
        message: `Nested ${depth} levels deep on one line: read as ${MAX_NESTING} levels, the markers after column ${cutAt + 1} as spaces`,
      });
    }
    if (across) {
      const more = acrossLines > 1 ? ` (and ${acrossLines - 1} more ${acrossLines === 2 ? 'line' : 'lines'} below)` : '';
      ctx.report({
        range: { start: { line: across.line, character: across.at }, end: { line: across.line, character: across.at } },
        message: `List items nest more than ${MAX_NESTING} levels deep over lines here${more}: read as ${MAX_NESTING} levels, the deeper items' markers as spaces (their text joins the item above)`,
      });
    }
  },
};
