import { walkLines } from '../../index/sectionWalker';
import type { Rule } from '../../lint/rule';
import { atxHeading } from '../../text/atxHeading';

/** Hidden headings named in the message, at most. */
const NAMED_HEADINGS = 3;

/**
 * An HTML comment opened at the start of a line (`<!--`) and never closed (`-->`) runs to the end
 * of the document (or of the list item it sits in): GitHub and every CommonMark renderer show
 * nothing after it, and every reader here takes what follows as the comment's text, so its sections,
 * timeline entries and action items are gone without a word (trial C20). Typically the line holding
 * a template comment's `-->` was deleted. No fix: where the comment was meant to end is the writer's
 * guess to make, and closing it in the wrong place would publish the notes it was hiding.
 */
export const unclosedComment: Rule = {
  code: 'document/unclosed-comment',
  defaultSeverity: 'warning',
  description: 'An HTML comment (`<!--`) is closed (`-->`): one left open hides the rest of the post-mortem when rendered, and is read as a comment here too.',
  check(ctx) {
    const { text, lines, frontMatter } = ctx.doc;
    // Every comment closes when a `-->` follows the last `<!--` (or the `<!-->` form): no walk needed.
    const lastOpen = text.lastIndexOf('<!--');
    if (lastOpen < 0 || text.lastIndexOf('-->') >= lastOpen + 2) return;
    const bodyStart = frontMatter ? frontMatter.closeLine + 1 : 0;
    let opened: number | undefined;
    walkLines(lines, bodyStart, lines.lineCount, {
      unclosed: (line, block) => {
        if (block.html === 'comment') opened = line;
      },
    });
    if (opened === undefined) return;
    const lineText = lines.lineText(opened);
    const at = Math.max(0, lineText.indexOf('<!--'));
    let end = lines.lineCount;
    while (end > opened + 1 && lines.lineText(end - 1).trim() === '') end--;
    const hiddenLines = end - opened - 1;
    const headings: string[] = [];
    let headingCount = 0;
    for (let l = opened + 1; l < end; l++) {
      const h = atxHeading(lines.lineText(l));
      if (!h || h.level > 2) continue;
      headingCount++;
      if (headings.length < NAMED_HEADINGS) headings.push(`"${'#'.repeat(h.level)} ${h.title.trim()}"`);
    }
    const more = headingCount > headings.length ? ` and ${headingCount - headings.length} more` : '';
    const named = headings.length > 1 && !more ? `${headings.slice(0, -1).join(', ')} and ${headings[headings.length - 1]}` : headings.join(', ') + more;
    const what = headingCount > 0 ? `, with ${headingCount === 1 ? 'the section' : 'the sections'} ${named}` : '';
    ctx.report({
      range: { start: { line: opened, character: at }, end: { line: opened, character: at + 4 } },
      message: `Expected \`-->\` to close the HTML comment opened here, found none: everything after line ${opened + 1} (${hiddenLines} ${hiddenLines === 1 ? 'line' : 'lines'}${what}) is hidden when rendered and read as the comment's text, not as the post-mortem`,
    });
  },
};
