import type { Rule } from '../../lint/rule';
import { describeLookalikes, foldLookalikes, mixedScriptLookalikes } from '../../text/confusables';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * An owner handle that mixes Latin letters with look-alikes of another script (`@kіm`, its `і`
 * Cyrillic, as a keyboard layout or a paste gives it): it looks like `@kim` and is another owner to
 * every reader, so `actions --owner kim`, the tree's "by owner" and the metrics leave Kim's item out
 * (trial16a F1). A handle wholly in one script (`@иван`) is not said. The fix writes the Latin letters.
 */
export const lookalikeOwner: Rule = {
  code: 'actions/lookalike-owner',
  defaultSeverity: 'warning',
  description: 'An `@owner` handle is written in one script: a handle mixing Latin letters with Cyrillic or Greek look-alikes (`@kіm` with a Cyrillic `і`) looks like the Latin one but is a different owner to every reader. The fix writes the Latin letters.',
  check({ doc, report }) {
    for (const item of doc.actionItems) {
      const owner = item.owner;
      if (!owner) continue;
      const found = mixedScriptLookalikes(owner.value);
      if (!found.length) continue;
      const latin = foldLookalikes(owner.value, found);
      const range = tokenRange(item, owner);
      const written = doc.lines.lineText(range.start.line).slice(range.start.character, range.end.character);
      const at = written.indexOf(owner.value);
      report({
        range,
        message: `Expected an owner handle in one script, found "@${owner.value}" on action item ${quoteItem(item)}: its ${describeLookalikes(found)}, so it is a different owner from @${latin} to every reader (postmortem actions --owner ${latin}, the Action Items view by owner, the metrics)`,
        fixes: at < 0 ? [] : [{
          title: `Write the owner as @${latin} (Latin letters)`,
          edits: [{ range: { start: { line: range.start.line, character: range.start.character + at }, end: { line: range.start.line, character: range.start.character + at + owner.value.length } }, newText: latin }],
          isPreferred: true,
        }],
      });
    }
  },
};
