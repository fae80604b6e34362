import { walkLines } from '../index/sectionWalker';
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import { sectionIdOf, type SectionId } from './sectionNames';

/** A heading found by the line scanner (ATX `#` headings outside code fences). */
export interface HeadingLine {
  readonly line: number;
  readonly level: number;
  readonly title: string;
}

/**
 * A level-2 section: from its heading to the next level-2 (or level-1) heading. The part before the
 * first one is the `preamble` (title and intro). Sections are the unit of incremental re-parsing.
 */
export interface Section {
  readonly title: string;
  readonly id: SectionId | undefined;
  /** Line of the `##` heading; -1 for the preamble. */
  readonly headingLine: number;
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
  readonly headingRange: Range;
}

// The info string is the rest of the line (text.slice); a `(.*)$` here backtracks over the fence run.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Calls `visit` for every line that is outside fenced code, in order; tracks fences like CommonMark. */
export function scanOutsideFences(lines: LineIndex, fromLine: number, toLine: number, visit: (line: number, text: string) => void): void {
  let fence: string | undefined;
  for (let line = fromLine; line < toLine; line++) {
    const raw = lines.lineText(line);
    // A byte order mark starts the file, not its first line's Markdown (CommonMark strips it too).
    const text = line === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open && !(open[1][0] === '`' && text.includes('`', open[0].length))) {
      fence = open[1];
      continue;
    }
    visit(line, text);
  }
}

/** How a multi-line HTML block (CommonMark types 1–5) that opens on a line ends, or undefined. */
export function htmlBlockEnd(text: string): string | undefined {
  const m = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i.exec(text);
  if (!m) return undefined;
  if (m[1]) return `</${m[1].toLowerCase()}>`;
  return m[2] ? '-->' : m[3] ? '?>' : m[4] ? '>' : ']]>';
}

/**
 * The line where a fence or a multi-line HTML block (a comment, `<script>`, `<pre>`, …) opened that
 * is still open at `line`, or undefined when `line` is outside any. Text inserted there would land
 * inside the block: a section skeleton inserted after a stray `~~~~` became code (issue 9).
 */
export function openBlockAt(lines: LineIndex, fromLine: number, line: number): number | undefined {
  let fence: string | undefined;
  let htmlEnd: string | undefined;
  let openedAt = -1;
  for (let l = fromLine; l < Math.min(line, lines.lineCount); l++) {
    const raw = lines.lineText(l);
    const text = l === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (htmlEnd) {
      if (text.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open && !(open[1][0] === '`' && text.includes('`', open[0].length))) {
      fence = open[1];
      openedAt = l;
      continue;
    }
    const end = htmlBlockEnd(text);
    // The end may be on the opening line itself (after the opener: `<!-- a -->`).
    if (end && !text.toLowerCase().includes(end, text.indexOf('<') + (end === '-->' ? 4 : 2))) {
      htmlEnd = end;
      openedAt = l;
    }
  }
  return fence || htmlEnd ? openedAt : undefined;
}

/**
 * The ATX headings of lines `fromLine`…`toLine` that split the document: outside fenced code, HTML
 * blocks (a `## Heading` inside `<!-- … -->` is the comment's text; after a `<!--` never closed,
 * nothing is a heading, as when rendered) and list items, read as CommonMark does (index/sectionWalker).
 */
export function findHeadings(lines: LineIndex, fromLine: number, toLine: number): HeadingLine[] {
  return scanHeadings(lines, fromLine, toLine).headings;
}

/** A fenced code block or HTML block opened at the document's top level and never closed: it runs to the end. */
export interface OpenAtEnd {
  /** The line it opened on. */
  readonly line: number;
  /** A fence: its run (`` ``` ``, `~~~~`). */
  readonly fence?: string;
  /** An HTML block: how it would have ended (`comment` for `<!--`). */
  readonly html?: string;
}

/** An HTML comment over several lines, closed: from the line holding its `<!--` to the line holding its `-->`. */
export interface CommentSpan {
  readonly open: number;
  readonly close: number;
}

export interface HeadingScan {
  readonly headings: HeadingLine[];
  readonly openAtEnd?: OpenAtEnd;
  /** The HTML comments over several lines that were closed, in order (absent when none). */
  readonly comments?: readonly CommentSpan[];
}

/**
 * The headings, the block left open at the end when there is one, and the comments over several
 * lines, in the same one pass (the open block hides every heading, list item and entry after it:
 * document/unclosed-fence and the summary's "not read" note say so; a closed comment may hide a
 * heading too: document/comment-hides-content).
 */
export function scanHeadings(lines: LineIndex, fromLine: number, toLine: number): HeadingScan {
  const headings: HeadingLine[] = [];
  let openAtEnd: OpenAtEnd | undefined;
  let comments: CommentSpan[] | undefined;
  walkLines(lines, fromLine, toLine, {
    heading: (line, level, title) => {
      headings.push({ line, level, title: title.trim() });
    },
    unclosed: (line, block) => {
      // A fence, a comment, or an HTML block that runs to its end marker (`<pre>` to `</pre>`): each hides the rest.
      if (block.fence || (block.html && block.html !== 'blank')) openAtEnd = { line, ...(block.fence ? { fence: block.fence } : { html: block.html }) };
    },
    closedComment: (open, close) => {
      (comments ??= []).push({ open, close });
    },
  });
  return { headings, ...(openAtEnd ? { openAtEnd } : {}), ...(comments ? { comments } : {}) };
}

/**
 * Longer than any section name or alias anyone writes: a longer title is named without being
 * compared, which bounds the work of the name matching on a hostile 100 KB heading line.
 */
const MAX_SECTION_TITLE = 300;

export function splitSections(lines: LineIndex, bodyStartLine: number, headings: readonly HeadingLine[], aliases?: Parameters<typeof sectionIdOf>[1]): Section[] {
  const sections: Section[] = [];
  const splitters = headings.filter((h) => h.level <= 2);
  let start = bodyStartLine;
  let current: { title: string; headingLine: number } = { title: '', headingLine: -1 };
  const close = (endLine: number) => {
    if (current.headingLine === -1 && endLine <= start) return;
    sections.push({
      title: current.title,
      id: current.headingLine === -1 || current.title.length > MAX_SECTION_TITLE ? undefined : sectionIdOf(current.title, aliases),
      headingLine: current.headingLine,
      startLine: start,
      endLine,
      headingRange: current.headingLine === -1 ? lines.lineRange(start) : lines.lineRange(current.headingLine),
    });
  };
  for (const h of splitters) {
    close(h.line);
    // A level-1 heading is the document title: it starts a new preamble-like unit, not a section.
    current = h.level === 2 ? { title: h.title, headingLine: h.line } : { title: '', headingLine: -1 };
    start = h.line;
  }
  close(lines.lineCount);
  return sections;
}
