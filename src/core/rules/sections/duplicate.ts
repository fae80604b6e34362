import { normaliseHeading } from '../../document/sectionNames';
import type { Rule } from '../../lint/rule';

/**
 * The same section heading twice (usually a paste or a merge): readers and the extractors see two
 * halves. Different headings that share a canonical section ("What went well", "What went wrong")
 * are normal and not reported.
 */
export const sectionsDuplicate: Rule = {
  code: 'sections/duplicate',
  defaultSeverity: 'warning',
  description: 'A section heading appears once.',
  check(ctx) {
    const seen = new Map<string, (typeof ctx.doc.sections)[number]>();
    for (const section of ctx.doc.sections) {
      if (!section.id) continue;
      const key = `${section.id}\u0000${normaliseHeading(section.title)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, section);
        continue;
      }
      ctx.report({
        range: section.headingRange,
        message: `Expected "## ${section.title}" once; it already appears on line ${first.headingLine + 1}: merge the two`,
        related: [{ range: first.headingRange, message: 'First occurrence' }],
      });
    }
  },
};
