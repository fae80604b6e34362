import type { RootContent } from 'mdast';
import { plainText } from '../../document/mdastUtil';
import type { Rule } from '../../lint/rule';
import { isUnansweredWhy } from '../../template/placeholders';

/**
 * A required section that holds nothing but sub-headings, placeholder comments and the template's
 * unanswered five-whys questions, once the review has started: usually the template's skeleton,
 * never filled in. Drafts are still being written.
 */
const ORDERED_ITEM = /^ {0,3}\d{1,9}[.)][ \t]+/;

/** A numbered line that is still one of the template's unanswered why-questions (trial14b F5). */
function isUnansweredWhyLine(line: string): boolean {
  const marker = ORDERED_ITEM.exec(line);
  return marker !== null && isUnansweredWhy(line.slice(marker[0].length));
}

/** Cheap check before the tree: a body line that is neither blank, a heading, inside an HTML comment nor an unanswered why. */
function hasPlainContent(text: string): boolean {
  const body = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return body.split('\n').some((line) => line.trim() !== '' && !/^ {0,3}#/.test(line) && !isUnansweredWhyLine(line));
}

/** A tree node that says nothing yet: a heading, a comment, a list of the template's unanswered whys. */
function isSkeleton(n: RootContent): boolean {
  if (n.type === 'heading') return true;
  if (n.type === 'html') return /^\s*<!--[\s\S]*-->\s*$/.test(n.value);
  return n.type === 'list' && n.ordered === true && n.children.length > 0 && n.children.every((item) => isUnansweredWhy(plainText(item)));
}

export const sectionsEmpty: Rule = {
  code: 'sections/empty',
  defaultSeverity: 'warning',
  description: 'Required sections have content (not only headings, `<!-- placeholders -->` and the template\'s unanswered five-whys questions) once status is in-review or published.',
  check(ctx) {
    if (ctx.status === 'draft') return;
    for (const section of ctx.doc.sections) {
      if (!section.id || !ctx.config.requiredSections.includes(section.id)) continue;
      // An empty Action items section is actions/none's finding, with a more useful message.
      if (section.id === 'action-items') continue;
      const content = hasPlainContent(section.text) || !section.mdast.children.every(isSkeleton);
      if (content) continue;
      const whys = section.text.split('\n').some(isUnansweredWhyLine);
      ctx.report({
        range: section.headingRange,
        message: `Expected content in "${section.title}" once status is ${ctx.status}; it has only headings or placeholders${whys ? ' (the five whys are still the template\'s unanswered questions)' : ''}`,
      });
    }
  },
};
