import type { List, ListItem } from 'mdast';
import type { SectionUnit } from '../../document/model';
import { walk } from '../../document/mdastUtil';
import type { Rule } from '../../lint/rule';
import type { Fix, TextEdit } from '../../types';

const FIRST_COLUMN_BULLET = /^[-*+](?:[ \t\r]|$)/m;

/** Whether a section may hold a bullet list starting in its first column (false: it surely holds none). Exported for its test. */
export function mayHoldFirstColumnBullets(text: string): boolean {
  return FIRST_COLUMN_BULLET.test(text);
}

/** Top-level bullets of the section that are not task items (`- text`, not `- [ ] text`). */
function plainItems(section: SectionUnit): ListItem[] {
  // A list that starts in the first column starts with its marker there: a section without such a
  // line has none, and needs no Markdown tree to say so (an empty Action items section is common).
  if (!mayHoldFirstColumnBullets(section.text)) return [];
  const out: ListItem[] = [];
  walk(section.mdast, (n, parent) => {
    if (n.type === 'listItem' && typeof n.checked !== 'boolean' && parent?.type === 'list' && !(parent as List).ordered) {
      // Nested bullets are details of their parent item, not items of their own.
      if ((parent.position?.start.column ?? 1) === 1) out.push(n);
    }
  });
  return out;
}

/**
 * The Action items section of a post-mortem under review must list something to do. When it holds
 * plain bullets instead of a task list, say so (they cannot be tracked, checked off or listed by
 * `postmortem actions`) and offer to turn them into tasks.
 */
export const actionsNone: Rule = {
  code: 'actions/none',
  defaultSeverity: 'warning',
  description: 'The Action items section lists at least one item (a task list or an action table) once the review starts.',
  subCodes: ['actions/not-task-list'],
  check(ctx) {
    const { doc } = ctx;
    // Items come in document order, like sections: one pass, not a filter per section (10 MB files).
    let next = 0;
    for (const section of doc.sections) {
      if (section.id !== 'action-items') continue;
      while (next < doc.actionItems.length && doc.actionItems[next].line < section.startLine) next++;
      if (next < doc.actionItems.length && doc.actionItems[next].line < section.endLine) continue;
      const bullets = plainItems(section);
      if (bullets.length > 0) {
        const edits: TextEdit[] = bullets.map((b) => {
          const line = section.startLine + (b.position?.start.line ?? 1) - 1;
          const marker = /^(\s*[-*+]\s+)/.exec(doc.lines.lineText(line));
          const at = { line, character: marker ? marker[1].length : 0 };
          return { range: { start: at, end: at }, newText: '[ ] ' };
        });
        const fix: Fix = { title: `Turn the ${bullets.length} bullet${bullets.length === 1 ? '' : 's'} into tasks (- [ ] …)`, edits };
        ctx.report({
          code: 'actions/not-task-list',
          severity: 'info',
          range: section.headingRange,
          message: `Expected action items as a task list (\`- [ ] What @owner due:YYYY-MM-DD\`) or an Action/Owner/Due table, found ${bullets.length} plain bullet${bullets.length === 1 ? '' : 's'}`,
          fixes: [fix],
        });
        continue;
      }
      if (ctx.status === 'draft') continue;
      ctx.report({
        range: section.headingRange,
        message: `Expected at least one action item (\`- [ ] What to change @owner due:YYYY-MM-DD\`) in "${section.title}" once status is ${ctx.status}`,
      });
    }
  },
};
