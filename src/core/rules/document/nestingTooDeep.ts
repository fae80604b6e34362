import { containerDepth, MAX_NESTING } from '../../document/nesting';
import type { Rule } from '../../lint/rule';

/**
 * Lists or quotes nested deeper than the reader follows (a hostile or generated file: one line of
 * thousands of `- `). The reader takes the markers past the limit as spaces instead of overflowing;
 * this says so, so nothing is read differently without a word.
 */
export const nestingTooDeep: Rule = {
  code: 'document/nesting-too-deep',
  defaultSeverity: 'warning',
  description: `Lists and block quotes nest at most ${MAX_NESTING} levels on a line (deeper markers are read as spaces).`,
  check(ctx) {
    const { lines } = ctx.doc;
    let reported = 0;
    for (let line = 0; line < lines.lineCount && reported < 20; line++) {
      const text = lines.lineText(line);
      const { depth, cutAt } = containerDepth(text);
      if (cutAt === undefined) continue;
      reported++;
      ctx.report({
        range: { start: { line, character: cutAt }, end: { line, character: cutAt } },
        message: `Nested ${depth} levels deep on one line: read as ${MAX_NESTING} levels, the markers after column ${cutAt + 1} as spaces`,
      });
    }
  },
};
