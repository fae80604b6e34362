import { severityRank } from '../../library/severity';
import type { Rule } from '../../lint/rule';

/**
 * A SEV1 or SEV2 review that only mitigates and detects will see the incident again: the SRE
 * workbook asks each major incident for at least one item that prevents the recurrence. Items say
 * their kind with `kind:prevent` (docs/format.md). Only once the review starts, and only when the
 * section has items (`actions/none` covers an empty one).
 */
export const noPrevent: Rule = {
  code: 'actions/no-prevent',
  defaultSeverity: 'warning',
  description: 'A SEV1 or SEV2 post-mortem under review has at least one action item with `kind:prevent`.',
  check(ctx) {
    const { doc } = ctx;
    if (ctx.status === 'draft' || doc.actionItems.length === 0) return;
    const severity = typeof doc.meta.severity === 'string' ? doc.meta.severity : undefined;
    if (severityRank(severity) > 2) return;
    if (doc.actionItems.some((item) => item.kind?.value === 'prevent')) return;
    const section = doc.sections.find((s) => s.id === 'action-items');
    if (!section) return;
    const kinds = [...new Set(doc.actionItems.map((i) => i.kind?.value).filter(Boolean))];
    ctx.report({
      range: section.headingRange,
      message: `Expected at least one action item with \`kind:prevent\` in a ${severity!.trim()} review, found ${kinds.length ? `only ${kinds.map((k) => `kind:${k}`).join(', ')}` : 'no item with a kind'}: add \`kind:prevent\` to the item that stops this from happening again`,
    });
  },
};
