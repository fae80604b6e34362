import type { Rule } from '../../lint/rule';
import { entriesOf, timelineSections } from './shared';
import { unlistedEntries } from './unlistedEntries';

/**
 * A line in the Timeline that starts with a time like an entry but is not a list item (trial T4):
 * typed after Enter in VS Code, which does not continue a Markdown list, so `- ` is missing and the
 * line is read as more text of the entry above. Its time and `[milestone]` count nowhere, so this
 * says so on the line, with the fix that makes it an entry (the list marker of the entry above).
 * The fix is preferred for lines at the margin (the typing slip); an indented line may be a
 * deliberate continuation, so there `--fix` leaves it. A Timeline without any entry is
 * timeline/missing's case.
 */
export const timelineNotListItem: Rule = {
  code: 'timeline/not-list-item',
  defaultSeverity: 'warning',
  description: 'Each timeline entry is its own list item: a line that starts with a time but has no `- ` is read as text of the entry above.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      if (entriesOf(doc, section).length === 0) continue;
      for (const u of unlistedEntries(doc, section)) {
        const at = { line: u.line, character: u.indent };
        const lineEnd = { line: u.line, character: doc.lines.lineText(u.line).trimEnd().length };
        report({
          range: { start: at, end: lineEnd },
          message: `Expected a timeline entry as a list item, found a line that looks like one but is not: it is read as text of the entry above, so its time${u.milestones.length ? ` and [${u.milestones.join('], [')}] count` : ' counts'} nowhere. Start it with \`${u.marker.trim()} \``,
          fixes: [{
            title: `Make line ${u.line + 1} a timeline entry (start it with "${u.marker.trim()} ")`,
            edits: [{ range: { start: { line: u.line, character: 0 }, end: at }, newText: u.marker }],
            isPreferred: u.indent === 0,
          }],
        });
      }
    }
  },
};
