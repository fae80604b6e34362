import { actionShape, describeActionShape } from '../../actions/actionShaped';
import { TASK_LINE } from '../../actions/extract';
import { headingLabel } from '../../document/commentHiding';
import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { startLine, walk } from '../../document/mdastUtil';

/**
 * A task-list item (`- [ ] …`) typed under another section — "Where we got lucky", the timeline —
 * is not an action item: `postmortem actions`, the Action Items view and the metrics never see it
 * (trial 9 T1: `pm-action` typed at the end of the document, under Lessons, vanished without a word).
 * Without an Action items section at all (none written, or its heading hidden in a comment: trial 12
 * T4) the items that name an owner or a due date are said, not checklist lines.
 *
 * An info in a draft, where sections are still being arranged; from in-review on, an item with an
 * owner or due date outside the section is a warning: the review's follow-ups are tracked from the
 * Action items section, and this one would be missed (a checklist line stays an info).
 */
export const outsideSection: Rule = {
  code: 'actions/outside-section',
  defaultSeverity: 'info',
  description: 'A task-list item (`- [ ] …`) outside the Action items section is not tracked as an action item (not in `postmortem actions`, the Action Items view or the metrics); move it under Action items if it is one. A warning from in-review on for an item with an owner or due date.',
  check(ctx) {
    const { doc } = ctx;
    const hasSection = doc.sections.some((s) => s.id === 'action-items');
    for (const section of doc.sections) {
      if (section.id === 'action-items') continue;
      // Raw text first: most sections hold no task item, and their tree need not be built.
      if (!/\[[ xX]\]/.test(section.text)) continue;
      const base = section.startLine;
      const where = section.headingLine < 0 ? 'the top of the document' : `"${section.title.slice(0, 80)}"`;
      walk(section.mdast, (n) => {
        if (n.type !== 'listItem' || typeof n.checked !== 'boolean') return;
        const line = base + startLine(n);
        const text = doc.lines.lineText(line);
        const task = TASK_LINE.exec(text);
        const shape = task ? actionShape(text.slice(task[0].length)) : undefined;
        // No Action items section and a checklist line: sections/missing and actions/none speak for the section.
        if (!hasSection && !shape) return;
        const indent = text.length - text.trimStart().length;
        const message = hasSection
          ? `Expected action items under "Action items", found a task item under ${where}: it is not tracked (not in postmortem actions, the Action Items view or the metrics); move it under Action items if it is one`
          : `Expected action items under an "Action items" section, found this task item with ${describeActionShape(shape!)} under ${where}${noSection(doc)}`;
        ctx.report({
          range: { start: { line, character: indent }, end: { line, character: text.length } },
          message,
          ...(shape && ctx.status !== 'draft' ? { severity: 'warning' as const } : {}),
        });
      });
    }
  },
};

/** Why there is no Action items section: its heading hidden in a comment, or none written. */
function noSection(doc: PostmortemDocument): string {
  for (const hiding of doc.hidingComments ?? []) {
    const heading = hiding.headings.find((h) => h.id === 'action-items');
    if (heading) return `, while the heading ${headingLabel(heading)} is inside the HTML comment opened on line ${hiding.openLine + 1}: it is not tracked (not in postmortem actions, the Action Items view or the metrics); end that comment before the heading (document/comment-hides-content)`;
  }
  return ' and no "## Action items" heading: it is not tracked (not in postmortem actions, the Action Items view or the metrics); add one above it if it is an action item';
}
