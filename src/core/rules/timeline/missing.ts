import type { Rule } from '../../lint/rule';
import { entriesOf, timelineSections } from './shared';

/**
 * A Timeline section with no entries (no list items, no time/event table rows). A missing section
 * is `sections/missing`'s job. Drafts often start with an empty timeline, so it is only info there.
 */
export const timelineMissing: Rule = {
  code: 'timeline/missing',
  defaultSeverity: 'warning',
  description: 'The Timeline section lists the incident\'s events, one list item (or `| Time | Event |` row) per entry.',
  check({ doc, status, report }) {
    for (const section of timelineSections(doc)) {
      if (entriesOf(doc, section).length > 0) continue;
      report({
        range: section.headingRange,
        severity: status === 'draft' ? 'info' : undefined,
        message: `Expected timeline entries under "${section.title}", as a list like \`- 2026-11-20 14:09Z [detected] Pager alert\` or a \`| Time | Event |\` table, found none`,
      });
    }
  },
};
