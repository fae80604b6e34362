import { bracketStorms, MAX_BRACKETS_PER_PARAGRAPH } from '../../document/bracketStorms';
import type { Rule } from '../../lint/rule';

/**
 * A paragraph with more `[`, `]`, `~`, `*` or `_` than the reader matches (a hostile or generated file: one
 * line of 50,000 `[`). The reader takes the ones past the limit as plain text instead of slowing
 * to a crawl (bracketStorms.ts); this says so, so no link goes unchecked without a word.
 */
export const tooManyBrackets: Rule = {
  code: 'document/too-many-brackets',
  defaultSeverity: 'warning',
  description: `A paragraph holds at most ${MAX_BRACKETS_PER_PARAGRAPH} of each of \`[\`, \`]\`, \`~\`, \`*\` and \`_\` as Markdown (the rest are read as plain text: no link, emphasis or strikethrough there).`,
  check(ctx) {
    const { lines, frontMatter, text } = ctx.doc;
    const firstLine = frontMatter ? frontMatter.closeLine + 1 : 0;
    if (firstLine >= lines.lineCount) return;
    const storms = bracketStorms(text.slice(lines.lineStart(firstLine)));
    for (const storm of storms.slice(0, 20)) {
      const line = storm.line + firstLine;
      ctx.report({
        range: { start: { line, character: 0 }, end: { line, character: lines.lineText(line).length } },
        message: `This paragraph holds ${storm.count.toLocaleString('en-US')} of [ ] ~ * _: past the ${MAX_BRACKETS_PER_PARAGRAPH}th of each kind they are read as plain text (links, emphasis and strikethrough there are not read or checked); split the paragraph or put the text in a code block`,
      });
    }
  },
};
