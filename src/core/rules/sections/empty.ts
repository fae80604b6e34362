import type { Rule } from '../../lint/rule';

/**
 * A required section that holds nothing but sub-headings and placeholder comments, once the review
 * has started: usually the template's skeleton, never filled in. Drafts are still being written.
 */
/** Cheap check before the tree: a body line that is neither blank, a heading nor inside an HTML comment. */
function hasPlainContent(text: string): boolean {
  const body = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return body.split('\n').some((line) => line.trim() !== '' && !/^ {0,3}#/.test(line));
}

export const sectionsEmpty: Rule = {
  code: 'sections/empty',
  defaultSeverity: 'warning',
  description: 'Required sections have content (not only headings and `<!-- placeholders -->`) once status is in-review or published.',
  check(ctx) {
    if (ctx.status === 'draft') return;
    for (const section of ctx.doc.sections) {
      if (!section.id || !ctx.config.requiredSections.includes(section.id)) continue;
      // An empty Action items section is actions/none's finding, with a more useful message.
      if (section.id === 'action-items') continue;
      const content = hasPlainContent(section.text) || section.mdast.children.some((n) => n.type !== 'heading' && !(n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value)));
      if (content) continue;
      ctx.report({
        range: section.headingRange,
        message: `Expected content in "${section.title}" once status is ${ctx.status}; it has only headings or placeholders`,
      });
    }
  },
};
