import type { LineIndex } from '../text/lineIndex';
import { BLOCK_START, hasPlainLineBreaks, HEADING_MARKUP } from './plainLists';
import { findHeadings, scanOutsideFences } from './sections';

/**
 * Where a prose section's five-whys block is, so only that block is parsed with remark, not the
 * whole section (root-cause prose, diagrams). The slice runs from the five-whys heading to the next
 * heading that closes every open block, and parses there exactly as in the whole section only when
 * nothing before it can change the reading: no HTML (a comment can span headings), no tables (a
 * table row and a heading or fence line are close calls), no reference definitions (they change
 * how `[x]` reads in the answers), no setext headings (one could be the first five-whys heading),
 * no indented fences (the line scanner and CommonMark may disagree on where they close).
 * Undefined when that cannot be shown: the caller parses the whole section.
 */
const INDENTED_FENCE = /^ {1,3}(?:`{3,}|~{3,})/m;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;

/**
 * Whether a line outside fenced code holds what may change how later lines read: HTML, a table, a
 * reference definition, a setext underline. Inside a fence (at column 0, since indented fences are
 * refused first) such text is code: fishbones and fault trees in Mermaid are full of `<br/>` and `|`.
 */
function mayChangeLaterLines(lines: LineIndex): boolean {
  let found = false;
  scanOutsideFences(lines, 0, lines.lineCount, (_line, text) => {
    found ||= text.includes('<') || text.includes('|') || text.includes(']:') || SETEXT_UNDERLINE.test(text);
  });
  return found;
}

export interface LineSlice {
  /** First line (the five-whys heading) and the exclusive end, relative to the section. */
  readonly from: number;
  readonly to: number;
}

export function fiveWhysSlice(lines: LineIndex, isFiveWhysTitle: (title: string) => boolean): LineSlice | undefined {
  const text = lines.text;
  if (!hasPlainLineBreaks(text) || INDENTED_FENCE.test(text) || mayChangeLaterLines(lines)) return undefined;
  // Headings outside fences. With the checks above, a heading at column 0 after a blank line (or on
  // the section's first line) is a top-level heading to remark too.
  const headings = findHeadings(lines, 0, lines.lineCount);
  const closesBlocks = (line: number) => line === 0 || (lines.lineText(line).startsWith('#') && BLANK.test(lines.lineText(line - 1)));
  for (const [i, h] of headings.entries()) {
    if (h.level < 2) continue;
    // Its plain text might differ from the raw title, so whether it is the five-whys heading is unknown.
    if (HEADING_MARKUP.test(h.title)) return undefined;
    if (!isFiveWhysTitle(h.title)) continue;
    // The first five-whys heading wins; if it might sit inside a list item, let remark decide.
    if (!closesBlocks(h.line)) return undefined;
    const end = headings.slice(i + 1).find((next) => closesBlocks(next.line));
    return { from: h.line, to: answerListEnd(lines, h.line, end ? end.line : lines.lineCount) };
  }
  return undefined;
}

const ORDERED_ITEM = /^\d{1,9}[.)] +\S/;
const ORDERED_MARKER = /^\d{1,9}[.)]/;

/**
 * When the heading is followed by an ordered list (the answers), the slice can stop once that list
 * is over: at a line that starts at column 0 after a blank line and is not another item, nothing
 * can continue a list item. Later prose or diagrams then need no parse. Otherwise `to` is kept.
 */
function answerListEnd(lines: LineIndex, heading: number, to: number): number {
  let first = heading + 1;
  while (first < to && BLANK.test(lines.lineText(first))) first++;
  if (first >= to || !ORDERED_ITEM.test(lines.lineText(first))) return to;
  for (let line = first + 1; line < to; line++) {
    const text = lines.lineText(line);
    if (/^\S/.test(text) && !ORDERED_MARKER.test(text) && BLANK.test(lines.lineText(line - 1))) return line;
  }
  return to;
}

/** Characters that make an answer's plain text differ from its raw text (emphasis, code, links, entities, HTML, escapes). */
const INLINE_MARKUP = /[\\`*_[\]<>&!~|]/;
const ANSWER_LINE = /^\d{1,9}([.)]) (\S.*)$/;

/**
 * The answers of a slice whose list is one plain line per item (`1. Why? Because …`), read from
 * the lines; undefined when some item has markup, continues on another line, or nests a block,
 * and remark should read the slice. Lines are relative to the section.
 */
export function plainAnswers(lines: LineIndex, slice: LineSlice): { line: number; text: string }[] | undefined {
  const answers: { line: number; text: string }[] = [];
  let delimiter: string | undefined;
  for (let line = slice.from + 1; line < slice.to; line++) {
    const text = lines.lineText(line);
    if (BLANK.test(text)) continue;
    const m = ANSWER_LINE.exec(text);
    // A `)` list after a `.` list is a second list; the answers are the first one's.
    if (!m || (delimiter !== undefined && m[1] !== delimiter) || BLOCK_START.test(m[2]) || INLINE_MARKUP.test(m[2])) return undefined;
    delimiter = m[1];
    answers.push({ line, text: m[2].trim() });
  }
  return answers;
}
