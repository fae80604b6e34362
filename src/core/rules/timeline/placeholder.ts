import type { Rule } from '../../lint/rule';
import { isPlaceholderEntry, placeholderStampLength } from '../../timeline/placeholder';
import { entriesOf, timelineSections } from './shared';

/**
 * The template's example entry still in the timeline (`- YYYY-MM-DD HH:MMZ (alert) [detected]
 * Describe the first signal`): New Post-mortem keeps it when the start is not known yet, as the
 * first line to fill in. Info while drafting, a warning from in-review, like the other template
 * leftovers (actions/placeholder); never timeline/unparseable's "no time" warning on the product's
 * own line.
 */
export const timelinePlaceholder: Rule = {
  code: 'timeline/placeholder',
  defaultSeverity: 'warning',
  description: 'The timeline keeps no example entry of the template (`YYYY-MM-DD HH:MMZ … Describe the first signal`); info in a draft, a warning from in-review.',
  check(ctx) {
    const zone = ctx.doc.timezone;
    const inZone = zone && zone !== 'UTC' ? `, or in ${zone} without the Z (the \`timezone\` above)` : '';
    for (const section of timelineSections(ctx.doc)) {
      for (const entry of entriesOf(ctx.doc, section)) {
        if (!isPlaceholderEntry(entry)) continue;
        const start = { line: entry.line, character: entry.textStart };
        ctx.report({
          range: { start, end: { line: entry.line, character: entry.textStart + placeholderStampLength(entry.text) } },
          severity: ctx.status === 'draft' ? 'info' : undefined,
          message: `Expected a real entry, found the template's example "${entry.text.length > 60 ? `${entry.text.slice(0, 60)}…` : entry.text}": write when it happened (date and time in UTC with Z${inZone}) and what happened, or delete it`,
        });
      }
    }
  },
};
