import type { LineIndex } from '../text/lineIndex';
import { atxHeading } from '../text/atxHeading';
import { walkLines } from '../index/sectionWalker';
import type { TextEdit } from '../types';
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

/**
 * The line of an "Action items" heading written at level 1 (`# Action items`, or underlined with
 * `===`), when no level-2 one was found (trial17a F9): sections are level-2 headings (docs/format.md),
 * so its items were said as "no Action items section" though the user sees the heading. Only asked
 * when no Action items section was found, so the message can name it and the fix can make it level 2.
 * Headings in code, HTML and list items are none (the section walker's reading). Returns the line
 * and whether it is a setext heading (its underline is the next `===` line).
 */
export function levelOneActionHeading(lines: LineIndex, fromLine: number, aliases?: Parameters<typeof sectionIdOf>[1]): { line: number; setext: boolean } | undefined {
  let found: { line: number; setext: boolean } | undefined;
  walkLines(lines, fromLine, Math.min(lines.lineCount, fromLine + MAX_LINES), {
    heading: (line, level, title) => {
      if (found || level !== 1 || title.length > 200) return;
      if (sectionIdOf(title.replace(/[*_]/g, '').trim(), aliases) === 'action-items') found = { line, setext: atxHeading(lines.lineText(line)) === undefined };
    },
  });
  return found;
}

/** The edit that makes a level-1 Action items heading level 2: `#` → `##`, or its `===` underline → `---`. */
export function levelTwoEdit(lines: LineIndex, heading: { line: number; setext: boolean }): TextEdit {
  if (!heading.setext) {
    const at = lines.lineText(heading.line).indexOf('#');
    return { range: { start: { line: heading.line, character: at }, end: { line: heading.line, character: at + 1 } }, newText: '##' };
  }
  // The underline: the first `===` line after the heading's text.
  let k = heading.line + 1;
  while (k < lines.lineCount && !/^ {0,3}=+[ \t]*$/.test(lines.lineText(k))) k++;
  const text = lines.lineText(k);
  return { range: { start: { line: k, character: 0 }, end: { line: k, character: text.length } }, newText: text.replace(/=/g, '-') };
}
