import type { LineIndex } from '../text/lineIndex';
import { sectionIdOf } from './sectionNames';

/** A line of `-` or `=` that would make the line above a setext heading. */
const UNDERLINE = /^ {0,3}(?:-+|=+)[ \t]*$/;
/** Lines looked at: more than any post-mortem's, so a hostile file costs a bounded scan. */
const MAX_LINES = 100_000;

/**
 * The line of an "Action items" title underlined like a setext heading that is no heading because
 * it is the last line of the list item or paragraph above it, with no blank line between ("- 10:00
 * deploy" / "Action items" / "-----"): CommonMark and GitHub read it as that item's text (and the
 * underline as a rule), or the whole paragraph as one heading (trial 14a F19, its h.md). Only asked when no Action items section was found, so the
 * message about the untracked items can say what to change: a blank line before the title.
 */
export function swallowedActionHeading(lines: LineIndex, fromLine: number, aliases?: Parameters<typeof sectionIdOf>[1]): number | undefined {
  const to = Math.min(lines.lineCount, fromLine + MAX_LINES);
  for (let k = fromLine + 2; k < to; k++) {
    if (!UNDERLINE.test(lines.lineText(k))) continue;
    const title = lines.lineText(k - 1).trim();
    if (!title || title.length > 80 || !lines.lineText(k - 2).trim()) continue;
    if (sectionIdOf(title.replace(/[*_]/g, ''), aliases) === 'action-items') return k - 1;
  }
  return undefined;
}
