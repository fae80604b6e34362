import { isYamlBroken } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';

/**
 * A review without a facilitator tends to drift or turn into blame. Only drafts are checked here:
 * from `in-review` on the schema requires `facilitator` (`schema/required`), so this never doubles it.
 */
export const noFacilitator: Rule = {
  code: 'review/no-facilitator',
  defaultSeverity: 'info',
  description: 'A draft names the `facilitator` who will run the review (required by the schema from `in-review` on).',
  check(ctx) {
    // Broken YAML gives unreliable values: yaml/syntax speaks first.
    if (ctx.status !== 'draft' || !ctx.doc.frontMatter?.data || isYamlBroken(ctx.doc.frontMatter)) return;
    // Present but empty or of the wrong type is the schema rule's finding.
    if ('facilitator' in ctx.doc.meta) return;
    ctx.report({
      range: ctx.doc.lines.lineRange(ctx.doc.frontMatter.openLine),
      message: 'Expected a `facilitator` in the front matter: who runs the review and keeps it blameless and on time',
    });
  },
};
