import { actionShape, bulletShape, describeActionShape, type ActionShape } from '../actions/actionShaped';
import { TASK_LINE } from '../actions/extract';
import type { LineIndex } from '../text/lineIndex';
import { codeIndentEnd, describeIndent, leadingTags, lookalikeBullet, type LookalikeBullet } from '../text/lookalikeBullet';
import { walkSection } from './sectionWalker';

/**
 * A list item under Action items that its writer meant as an action item but Markdown reads as a
 * plain bullet, so no reader lists it (trial14a F14: `actions`, the sidebar and the metrics showed
 * the one real task beside four such lines, lint said nothing):
 * - `box`: a checkbox mistyped — `- []`, `- [ ]Text`, `- [x]Done`, `- [ x]` — GitHub shows the
 *   brackets as text, with no checkbox;
 * - `plain`: a top-level bullet with an owner (`@kim`, `Owner: Kim`, `TODO(kim)`) or a due date
 *   (`due:…`, `Due: 2026-12-20`, `by 2026-12-24` at the end), `- Add alert @kim due:…`.
 *   Nested bullets are details of the item above them and are left alone;
 * - `text`: a line that looks like a list item but is text to Markdown, with a box or an owner or
 *   due date after its marker: a no-break space after `-` (pasted from Docs or Slack), a `•` or `–`
 *   bullet (trial16a F16): the code host shows no checkbox and no list, so no reader takes it;
 * - `code`: a task line indented four columns (a tab) where no list is open: Markdown shows it as
 *   an indented code block (pasted from an indented list);
 * - `folded`: a task line (`2. [ ] …`) that Markdown reads as text of a paragraph (trial17a F2, F3,
 *   F4): an ordered list that interrupts a paragraph must start at 1 (right after `Agreed on:` or
 *   under an item's first line), micromark reads one after an indented code block so too, and a line
 *   indented four columns past its item is text. The code host shows no checkbox there.
 * Lint (actions/not-a-task), `postmortem actions`, the sidebar and the metrics name the same lines.
 */
export interface UntakenItem {
  readonly line: number;
  readonly kind: 'box' | 'plain' | 'text' | 'code' | 'folded';
  /** Where the text after the list marker starts. */
  readonly textStart: number;
  /** A mistyped box: its end on the line (the text after it starts there, maybe without a space). */
  readonly boxEnd?: number;
  /** A mistyped box with an `x` in it: meant as done. */
  readonly checked?: boolean;
  /** What makes it read as an action item (an owner, a due date), when it has either. */
  readonly shape?: ActionShape;
  /** `text`: the look-alike marker. */
  readonly lookalike?: LookalikeBullet;
  /** `text`: a box follows the marker (the fix writes only the marker, else `- [ ] `). */
  readonly hasBox?: boolean;
  /** `code`: where the four columns of indentation that make it code end. */
  readonly codeIndent?: number;
  /** `folded`: right after an indented code block (no paragraph above; micromark's reading). */
  readonly afterCode?: boolean;
}

/** A list marker and its spaces, at the start of the line (up to three spaces before it at the top level, any when nested). */
const MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
/**
 * A box that is almost a task's: brackets holding at most three spaces or x's. A task's own box
 * (`[ ]` or `[x]` and then a space) is read before this is looked at; `[x](url)` or `[x]: url` is a
 * link, not a box.
 */
const NEAR_BOX = /^\[[ xX]{0,3}\](?![(\[:])/;

/** Whether the list-item line `text` (a `top` or `nested` item of the section) is an item not taken; undefined when it is taken or not meant as one. */
export function untakenItemAt(line: number, text: string, kind: 'top' | 'nested'): UntakenItem | undefined {
  const task = TASK_LINE.exec(text);
  if (task && text.slice(task[0].length).trim() !== '') return undefined;
  const marker = MARKER.exec(text);
  if (!marker) return undefined;
  const textStart = marker[0].length;
  const rest = text.slice(textStart);
  const box = NEAR_BOX.exec(rest);
  if (box) {
    const after = rest.slice(box[0].length);
    if (after.trim() === '') return undefined;
    const shape = actionShape(after);
    return { line, kind: 'box', textStart, boxEnd: textStart + box[0].length, checked: /[xX]/.test(box[0]), ...(shape ? { shape } : {}) };
  }
  if (kind !== 'top') return undefined;
  // Owner and due words count here too (`Fix it — Owner: Kim, Due: 2026-12-20`): under Action items that is an item.
  const shape = bulletShape(rest);
  return shape ? { line, kind: 'plain', textStart, shape } : undefined;
}

/**
 * A line Markdown reads as paragraph text (`text` to the section walker) that its writer meant as an
 * item: a look-alike marker followed by a box or by words with an owner or a due date, or a task
 * line folded into the paragraph (`afterCode`: the walker refused its marker after indented code).
 */
export function untakenTextAt(line: number, text: string, afterCode?: boolean): UntakenItem | undefined {
  const lookalike = lookalikeBullet(text) ?? htmlCheckbox(text);
  if (!lookalike) {
    const task = TASK_LINE.exec(text);
    if (!task || text.slice(task[0].length).trim() === '') return undefined;
    return { line, kind: 'folded', textStart: task[0].length, ...(afterCode ? { afterCode } : {}) };
  }
  if (lookalike.box) return text.slice(lookalike.markerEnd).trim() === '' ? undefined : { line, kind: 'text', textStart: lookalike.markerEnd, lookalike, hasBox: true };
  const rest = text.slice(lookalike.markerEnd);
  const box = NEAR_BOX.exec(rest);
  const hasBox = box !== null && rest.slice(box[0].length).trim() !== '';
  const shape = bulletShape(rest);
  if (!hasBox && !shape) return undefined;
  return { line, kind: 'text', textStart: lookalike.markerEnd, lookalike, ...(hasBox ? { hasBox } : {}), ...(shape ? { shape } : {}) };
}

/**
 * A paragraph line starting with an HTML checkbox (`<input type="checkbox"> Add alert …`, as
 * Confluence exports write a task): GitHub drops the input, so the line shows as plain text. The
 * fix writes `- [ ] ` (`- [x] ` for a `checked` one) in place of the tags.
 */
function htmlCheckbox(text: string): LookalikeBullet | undefined {
  if (!text.includes('<')) return undefined;
  const tags = leadingTags(text);
  if (!tags.checkbox) return undefined;
  const start = text.length - text.trimStart().length;
  return { markerStart: start, markerEnd: tags.end + (text.slice(tags.end).length - text.slice(tags.end).trimStart().length), standard: '-', box: tags.checkbox === 'checked' ? '[x]' : '[ ]', what: 'an HTML checkbox (`<input type="checkbox">`), which the code host does not show as a task' };
}

/** A line of an indented code block at the section's top level that is a task line, or a bullet with an owner or a due date, once the indentation is gone. */
export function untakenCodeAt(line: number, text: string): UntakenItem | undefined {
  const codeIndent = codeIndentEnd(text);
  if (codeIndent === 0) return undefined;
  const rest = text.slice(codeIndent);
  const task = TASK_LINE.exec(rest);
  if (task && rest.slice(task[0].length).trim() !== '') {
    const shape = actionShape(rest.slice(task[0].length));
    return { line, kind: 'code', textStart: codeIndent + task[0].length, codeIndent, ...(shape ? { shape } : {}) };
  }
  const marker = MARKER.exec(rest);
  const shape = marker ? bulletShape(rest.slice(marker[0].length)) : undefined;
  return marker && shape ? { line, kind: 'code', textStart: codeIndent + marker[0].length, codeIndent, shape } : undefined;
}

/**
 * Text that may hold a task's checkbox or a mistyped one: a section without it needs no walk. A box
 * starts a line, after its indentation, quote marks and list marker — anywhere else `[]` is an image
 * with no alt text (`![](shot.png)`, common in real reviews), and such a section was walked (a full
 * Markdown parse of a long timeline) for nothing. Linear: the prefix's characters are none of the
 * marker's or the bracket's.
 */
export const MAY_HOLD_BOX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]*)?\[[ xX]{0,3}\]/m;

/**
 * A list-item line with a mistyped box whose text names an owner or a due date (`- [] Rotate keys
 * @ana due:2026-12-20`): an action item as its writer meant it, under whatever heading. Outside
 * Action items it is pointed at by actions/outside-section and counted with the summary's stray
 * items (index/readSummary.ts); a mistyped box with neither is a checklist line, left alone there.
 */
export function mistypedItemAt(line: number, text: string): UntakenItem | undefined {
  const item = untakenItemAt(line, text, 'nested');
  return item?.kind === 'box' && item.shape ? item : undefined;
}

/** The untaken items of one Action items section (`fromLine` its heading line, `toLine` exclusive). */
export function untakenItemsOfSection(lines: LineIndex, fromLine: number, toLine: number): UntakenItem[] {
  const found: UntakenItem[] = [];
  walkSection(lines, fromLine, toLine, {
    content: (line, text, kind, afterCode) => {
      const item = kind === 'text' ? untakenTextAt(line, text, afterCode) : untakenItemAt(line, text, kind);
      if (item) found.push(item);
    },
    code: (line, text) => {
      const item = untakenCodeAt(line, text);
      if (item) found.push(item);
    },
  });
  return found;
}

/** "a plain bullet with an owner and a due date", "`[]` (no space inside)", for messages. */
export function describeUntaken(item: UntakenItem, lines: LineIndex): string {
  if (item.kind === 'text') return `a line starting with ${item.lookalike!.what}`;
  if (item.kind === 'folded') return describeFolded('a task line', lines.lineText(item.line), item.afterCode);
  if (item.kind === 'code') return `a task line indented by ${describeIndent(lines.lineText(item.line).slice(0, item.codeIndent))}, which Markdown shows as code`;
  if (item.kind === 'plain') return `a plain bullet with ${describeActionShape(item.shape!)}`;
  const written = lines.lineText(item.line).slice(item.textStart, item.boxEnd);
  return `a checkbox written \`${written}\`${boxProblem(lines.lineText(item.line), item)}`;
}

function boxProblem(text: string, item: UntakenItem): string {
  const inside = text.slice(item.textStart + 1, item.boxEnd! - 1);
  if (inside === ' ' || inside === 'x' || inside === 'X') return ' with no space after it';
  return inside === '' ? ' (no space inside)' : ' (one space or one x inside)';
}

/** The ordered marker a folded task line starts with when it is not `1.`/`1)` (`2.`), else undefined. */
export function foldedNumber(text: string): string | undefined {
  const marker = /^[ \t]*(\d{1,9}[.)])/.exec(text);
  return marker && !/^0*1[.)]$/.test(marker[1]) ? marker[1] : undefined;
}

/**
 * Why Markdown reads a list line as text (trial17a F2, F3, F4), for messages: `what` names the line
 * ("a task line", "an entry"); the timeline's untaken entries say it the same way.
 */
export function describeFolded(what: string, text: string, afterCode: boolean | undefined): string {
  const number = foldedNumber(text);
  if (afterCode) return `${what} numbered \`${number ?? '-'}\` right after an indented code block, which lint's Markdown reader (micromark) takes as paragraph text (a list there must start at 1)`;
  if (number) return `${what} numbered \`${number}\` right under text, which Markdown reads as more of that paragraph (a list that interrupts a paragraph must start at 1)`;
  return `${what} that Markdown reads as more of the paragraph above (indented four columns or more past its list item)`;
}
