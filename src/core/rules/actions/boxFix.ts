import type { UntakenItem } from '../../index/untakenItems';
import type { LineIndex } from '../../text/lineIndex';
import type { Fix } from '../../types';

/**
 * `- []Typo`, `- [ ]No space`, `- [x]Done` → `- [ ] Typo`, `- [ ] No space`, `- [x] Done` (the spaces
 * after the box become one): the checkbox Markdown reads. Offered under Action items
 * (actions/not-a-task) and elsewhere (actions/outside-section), where the item then still has to
 * move to be tracked, but shows as the checkbox its writer meant.
 */
export function boxFix(lines: LineIndex, item: UntakenItem): Fix {
  const text = lines.lineText(item.line);
  let end = item.boxEnd!;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const box = item.checked ? '[x]' : '[ ]';
  return {
    title: `Write the checkbox as \`${box}\` and a space`,
    edits: [{ range: { start: { line: item.line, character: item.textStart }, end: { line: item.line, character: end } }, newText: `${box} ` }],
    isPreferred: true,
  };
}
