import type { Rule } from '../../lint/rule';
import { startLine, walk } from '../../document/mdastUtil';

/**
 * A task-list item (`- [ ] …`) typed under another section — "Where we got lucky", the timeline —
 * is not an action item: `postmortem actions`, the Action Items view and the metrics never see it
 * (trial 9 T1: `pm-action` typed at the end of the document, under Lessons, vanished without a word).
 * Said as an info on the item; moving it is the writer's call.
 */
export const outsideSection: Rule = {
  code: 'actions/outside-section',
  defaultSeverity: 'info',
  description: 'A task-list item (`- [ ] …`) outside the Action items section is not tracked as an action item (not in `postmortem actions`, the Action Items view or the metrics); move it under Action items if it is one.',
  check(ctx) {
    const { doc } = ctx;
    // No Action items section at all: actions/none says so; every task item would be noise.
    if (!doc.sections.some((s) => s.id === 'action-items')) return;
    for (const section of doc.sections) {
      if (section.id === 'action-items') continue;
      // Raw text first: most sections hold no task item, and their tree need not be built.
      if (!/\[[ xX]\]/.test(section.text)) continue;
      const base = section.startLine;
      walk(section.mdast, (n) => {
        if (n.type !== 'listItem' || typeof n.checked !== 'boolean') return;
        const line = base + startLine(n);
        const text = doc.lines.lineText(line);
        const indent = text.length - text.trimStart().length;
        ctx.report({
          range: { start: { line, character: indent }, end: { line, character: text.length } },
          message: `Expected action items under "Action items", found a task item under "${section.headingLine < 0 ? "the top of the document" : section.title}": it is not tracked (not in postmortem actions, the Action Items view or the metrics); move it under Action items if it is one`,
        });
      });
    }
  },
};
