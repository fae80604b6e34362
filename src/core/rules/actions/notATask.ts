import { untakenItemsOfSection, describeUntaken, type UntakenItem } from '../../index/untakenItems';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { boxFix } from './boxFix';

const LIST_WHERE = 'not in postmortem actions, the Action Items view or the metrics';

/**
 * A line under Action items written as an action item that Markdown reads as a plain bullet: a
 * mistyped checkbox (`- []`, `- [ ]Text`, `- [x]Done`) or a bullet with an owner or a due date
 * but no checkbox (`- Add alert @kim due:2026-12-20`), trial14a F14: every reader listed the one
 * real task beside them and said nothing. The lines are found by the summary's own reader
 * (index/untakenItems.ts), so `actions`, the sidebar and the metrics name the same ones (their note
 * "Task items not read"). A section of plain bullets only also gets `actions/not-task-list` on its
 * heading, with one fix for all of them.
 */
export const notATask: Rule = {
  code: 'actions/not-a-task',
  defaultSeverity: 'warning',
  description: 'A line under Action items that is written as an action item (a mistyped checkbox such as `- []` or `- [ ]Text`, or a bullet with an owner or a due date but no checkbox: `@kim`, `due:2026-12-20`, or in words, `Owner: Kim`, `Due 2026-12-20`, `TODO(kim)`, `by 2026-12-24` at the end) is read by Markdown as a plain bullet, so it is not an action item (not listed, not counted).',
  check({ doc, report }) {
    for (const section of doc.sections) {
      if (section.id !== 'action-items') continue;
      for (const item of untakenItemsOfSection(doc.lines, section.startLine, section.endLine)) {
        const text = doc.lines.lineText(item.line);
        const what = describeUntaken(item, doc.lines);
        report({
          range: { start: { line: item.line, character: 0 }, end: { line: item.line, character: text.length } },
          message: item.kind === 'plain'
            ? `Expected an action item as a task (\`- [ ] What @owner due:YYYY-MM-DD\`), found ${what}: Markdown reads it as a plain bullet, so it is not an action item (${LIST_WHERE}); make it a task`
            : `Expected a checkbox \`[ ]\` or \`[x]\` followed by a space, found ${what}: Markdown reads the line as a plain bullet and shows the brackets as text, so it is not an action item (${LIST_WHERE})`,
          fixes: [item.kind === 'plain' ? taskFix(item) : boxFix(doc.lines, item)],
        });
      }
    }
  },
};

/** `- Add alert @kim` → `- [ ] Add alert @kim`. */
function taskFix(item: UntakenItem): Fix {
  const at = { line: item.line, character: item.textStart };
  return { title: 'Make it a task: `- [ ] …`', edits: [{ range: { start: at, end: at }, newText: '[ ] ' }], isPreferred: true };
}
