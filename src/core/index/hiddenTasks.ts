import { TASK_LINE } from '../actions/extract';
import { actionShape } from '../actions/actionShaped';
import type { LineIndex } from '../text/lineIndex';
import { leadingTags, lookalikeBullet, withoutTags } from '../text/lookalikeBullet';
import { walkSection } from './sectionWalker';

/**
 * A task line (`- [ ] …`) that no reader takes as an action item because Markdown reads it as
 * something else: inside a block quote (`> - [ ] …`: GitHub shows a checkbox in the quote, but a
 * quote cites; it is not this incident's list) or inside an HTML block (`<details><summary>…` with
 * no blank line after it: every line up to the next blank one is raw HTML, shown as plain text).
 * Lint (actions/hidden-task), `postmortem actions`, the sidebar and the metrics name the same lines
 * (test/unit/index/consumersAgree.test.ts).
 */
export interface HiddenTask {
  readonly line: number;
  readonly kind: 'quote' | 'html';
  /** The line the quote or HTML block opened on. */
  readonly openLine: number;
  /** Where the task's `[ ]` text starts on the line (after the quote markers and the bullet). */
  readonly textStart: number;
  /**
   * An HTML list item written as a task (`<li>[ ] Add alert @kim …</li>`, `<li><input type="checkbox"> …`,
   * as Confluence and Jira exports give them; trial16a F16): the box it shows or means, and its text
   * without tags. The code host shows an HTML list with no checkbox.
   */
  readonly htmlItem?: HtmlListTask;
}

export interface HtmlListTask {
  readonly box: '[ ]' | '[x]';
  /** The item's words, tags removed (what the fix writes after the box). */
  readonly text: string;
}

const BOX = /^\[([ xX])\][ \t]*/;

/**
 * A line of an HTML block that is a list item meant as a task: `<li>` (or an `<input type="checkbox">`)
 * among the tags it starts with, then a box, a checkbox, or words with an owner or a due date.
 */
export function htmlListTask(text: string): HtmlListTask | undefined {
  if (!text.includes('<')) return undefined;
  const tags = leadingTags(text);
  if (!tags.checkbox && !tags.names.includes('li')) return undefined;
  let words = withoutTags(text.slice(tags.end)).trim();
  const box = BOX.exec(words);
  if (box) words = words.slice(box[0].length).trim();
  if (words === '' || (!box && !tags.checkbox && !actionShape(words))) return undefined;
  const done = box ? box[1] !== ' ' : tags.checkbox === 'checked';
  return { box: done ? '[x]' : '[ ]', text: words };
}

/** Quote markers (`>`, `> >`, each with its optional space) at the start of a line, read by hand. */
function quotePrefixLength(text: string): number {
  let i = 0;
  for (;;) {
    let j = i;
    while (j < text.length && j - i < 3 && text.charCodeAt(j) === 32) j++;
    if (text[j] !== '>') return i;
    j++;
    if (text[j] === ' ' || text[j] === '\t') j++;
    i = j;
  }
}

/** The task lines inside quotes and HTML blocks of one section (`fromLine` its heading line, `toLine` exclusive). */
export function hiddenTasksOfSection(lines: LineIndex, fromLine: number, toLine: number): HiddenTask[] {
  const found: HiddenTask[] = [];
  let quoteOpen = -1;
  let lastQuoteLine = -2;
  walkSection(lines, fromLine, toLine, {
    hidden: (line, text, kind, openLine) => {
      // A quote's lines run on until a line that is not one; the first names it.
      if (kind === 'quote') {
        if (lastQuoteLine !== line - 1) quoteOpen = line;
        lastQuoteLine = line;
      }
      const prefix = kind === 'quote' ? quotePrefixLength(text) : 0;
      const rest = text.slice(prefix);
      const task = TASK_LINE.exec(rest);
      const htmlItem = kind === 'html' && !task ? htmlListTask(text) : undefined;
      if (htmlItem) {
        found.push({ line, kind, openLine, textStart: leadingTags(text).end, htmlItem });
        return;
      }
      if (!task || rest.slice(task[0].length).trim() === '') return;
      // `> -`+NBSP`[ ] …`: no list item in the quote either (TASK_LINE's \s takes the no-break space), so nothing a quote holds.
      if (kind === 'quote' && lookalikeBullet(rest)) return;
      found.push({ line, kind, openLine: kind === 'quote' ? quoteOpen : openLine, textStart: prefix + task[0].length });
    },
  });
  return found;
}
