import { isPlaceholderOwner } from '../../actions/placeholders';
import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';

/**
 * A review without a facilitator tends to drift or turn into blame. A missing key is checked on
 * drafts only: from `in-review` on the schema requires `facilitator` (`schema/required`), so this
 * never doubles it. A placeholder (`TODO`, `TBD`, `@someone`) satisfies the schema but names nobody:
 * it is reported at every status, a warning once the review is under way (trial19c F8: `facilitator:
 * TBD` passed in-review without a word, while a `@TBD` owner and `severity: TBD` were reported).
 */
export const noFacilitator: Rule = {
  code: 'review/no-facilitator',
  defaultSeverity: 'info',
  description: 'A draft names the `facilitator` who will run the review (required by the schema from `in-review` on); a placeholder (`TBD`, `TODO`, `@someone`) names nobody and is reported at every status.',
  check(ctx) {
    const fm = ctx.doc.frontMatter;
    // Broken YAML gives unreliable values: yaml/syntax speaks first.
    if (!fm?.data || isYamlBroken(fm)) return;
    const value = ctx.doc.meta.facilitator;
    if (typeof value === 'string' && isPlaceholderOwner(value)) {
      const range = yamlNodeRange(fm, ctx.doc.lines, nodeAtPath(fm, ['facilitator']).value) ?? ctx.doc.lines.lineRange(fm.openLine);
      ctx.report({
        range,
        ...(ctx.status === 'draft' ? {} : { severity: 'warning' as const }),
        message: `Expected a \`facilitator\` who runs the review, found "${value.trim()}", which names nobody yet`,
      });
      return;
    }
    if (ctx.status !== 'draft') return;
    // Present but empty or of the wrong type is the schema rule's finding.
    if ('facilitator' in ctx.doc.meta) return;
    ctx.report({
      range: ctx.doc.lines.lineRange(fm.openLine),
      message: 'Expected a `facilitator` in the front matter: who runs the review and keeps it blameless and on time',
    });
  },
};
