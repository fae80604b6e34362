import { atxHeading } from '../text/atxHeading';
import type { LineIndex } from '../text/lineIndex';
import { parseEntryText } from '../timeline/entryGrammar';
import type { OpenAtEnd } from './sections';
import { openBlockWords, type OpenBlockWords } from './openBlock';

/** Headings named in messages, at most. */
const NAMED_HEADINGS = 3;
/** Longer lines are not looked at for items (an item line is short; this bounds the entry grammar). */
const MAX_ITEM_LINE = 2000;
const TASK = /^\s{0,12}(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/;
const BULLET = /^\s{0,12}(?:[-*+]|\d{1,9}[.)])\s+/;

/**
 * What a block left open at the end of a post-mortem (a code fence, an HTML comment or `<pre>` never closed)
 * hides: every line after its opener is its text, in GitHub, in the preview and in every reader
 * here. Counted from the lines as written, so the person is told what is missing.
 */
export interface HiddenContent {
  /** The line the block opened on (0-based). */
  readonly openLine: number;
  readonly kind: OpenBlockWords['kind'];
  /** How it opened: the fence run (```, ~~~~), `<!--`, `<pre>` (openBlock.ts). */
  readonly opener: string;
  /** Non-trailing lines after the opener. */
  readonly lines: number;
  /** Level-1 and level-2 headings after it (sections), the first few by name. */
  readonly sectionCount: number;
  readonly sectionsNamed: readonly string[];
  /** Task-list lines (`- [ ] …`): action items as written. */
  readonly actionItems: number;
  /** Other list items that start with a time: timeline entries as written. */
  readonly timelineEntries: number;
}

export function hiddenContent(lines: LineIndex, open: OpenAtEnd): HiddenContent {
  let end = lines.lineCount;
  while (end > open.line + 1 && lines.lineText(end - 1).trim() === '') end--;
  let sectionCount = 0;
  const sectionsNamed: string[] = [];
  let actionItems = 0;
  let timelineEntries = 0;
  for (let l = open.line + 1; l < end; l++) {
    const text = lines.lineText(l);
    const h = atxHeading(text);
    if (h) {
      if (h.level <= 2) {
        sectionCount++;
        if (sectionsNamed.length < NAMED_HEADINGS) sectionsNamed.push(`${'#'.repeat(h.level)} ${h.title.trim().slice(0, 80)}`);
      }
      continue;
    }
    const shape = itemShape(text);
    if (shape === 'task') actionItems++;
    else if (shape === 'entry') timelineEntries++;
  }
  const words = openBlockWords(open, lines.lineText(open.line));
  return {
    openLine: open.line, kind: words.kind, opener: words.opener,
    lines: end - open.line - 1, sectionCount, sectionsNamed, actionItems, timelineEntries,
  };
}

/**
 * What a line hidden in a block would be outside it: a task-list line (`- [ ] …`, an action item as
 * written) or another list item that starts with a time (a timeline entry as written).
 */
export function itemShape(text: string): 'task' | 'entry' | undefined {
  if (text.length > MAX_ITEM_LINE) return undefined;
  if (TASK.test(text)) return 'task';
  const bullet = BULLET.exec(text);
  return bullet && parseEntryText(text.slice(bullet[0].length)).stamp ? 'entry' : undefined;
}

/** Whether the hidden part holds anything of the post-mortem's structure (sections, items, entries). */
export function hidesStructure(h: HiddenContent): boolean {
  return h.sectionCount > 0 || h.actionItems > 0 || h.timelineEntries > 0;
}

/** "2 sections ("## Timeline", "## Action items"), 3 action items and 4 timeline entries". */
export function describeHidden(h: HiddenContent): string {
  const parts: string[] = [];
  if (h.sectionCount) {
    const more = h.sectionCount > h.sectionsNamed.length ? `, … ${h.sectionCount - h.sectionsNamed.length} more` : '';
    parts.push(`${plural(h.sectionCount, 'section')} (${h.sectionsNamed.map((t) => `"${t}"`).join(', ')}${more})`);
  }
  if (h.actionItems) parts.push(plural(h.actionItems, 'action item'));
  if (h.timelineEntries) parts.push(plural(h.timelineEntries, 'timeline entry', 'timeline entries'));
  if (parts.length === 0) return plural(h.lines, 'line');
  const last = parts.pop()!;
  return `${plural(h.lines, 'line')} with ${parts.length ? `${parts.join(', ')} and ${last}` : last}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
