import { normaliseHeading } from '../../document/sectionNames';
import type { Rule } from '../../lint/rule';

/**
 * The same section heading twice (usually a paste or a merge): readers and the extractors see two
 * halves. Different headings that share a canonical section ("What went well", "What went wrong")
 * are normal and not reported, except for Action items: every task under a second heading read as
 * Action items ("Follow-ups" after "Action items") is listed and counted too, which is right for
 * "Short-term" and "Long-term" lists but not for a list of steps already taken under a heading that
 * happens to start like one (trial16a F17: "Actions taken" counted its done response steps as done
 * action items). So that one is said as an info naming both headings, the tasks it holds counted.
 */
export const sectionsDuplicate: Rule = {
  code: 'sections/duplicate',
  defaultSeverity: 'warning',
  description: 'A section heading appears once. A second, differently named heading that is read as Action items ("Follow-ups" after "Action items") is an info: its tasks are counted as action items too.',
  check(ctx) {
    const seen = new Map<string, (typeof ctx.doc.sections)[number]>();
    let firstActions: (typeof ctx.doc.sections)[number] | undefined;
    for (const section of ctx.doc.sections) {
      if (!section.id) continue;
      const key = `${section.id}\u0000${normaliseHeading(section.title)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, section);
        if (section.id === 'action-items' && firstActions && section.headingLine >= 0) {
          const tasks = ctx.doc.actionItems.filter((i) => i.range.start.line > section.headingLine && i.range.start.line < section.endLine).length;
          ctx.report({
            range: section.headingRange,
            severity: 'info',
            message: `Expected one Action items section, found a second heading read as Action items: "${section.title.slice(0, 80)}" (after "${firstActions.title.slice(0, 80)}" on line ${firstActions.headingLine + 1}); its ${tasks === 1 ? 'task is' : `${tasks} tasks are`} listed and counted as action items too. If it records steps already taken, give it another heading (e.g. "Response")`,
            related: [{ range: firstActions.headingRange, message: 'First Action items section' }],
          });
        }
        if (section.id === 'action-items') firstActions ??= section;
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
