import { htmlBlockEnd } from '../document/sections';
import type { Range } from '../types';

export type MermaidBlockKind = 'fishbone' | 'fault-tree' | 'other';

export interface MermaidBlock {
  /** 0-based position among the document's mermaid blocks (what `--block N` and CodeLenses count). */
  readonly index: number;
  readonly kind: MermaidBlockKind;
  /** The whole block, opening fence to closing fence (or end of document when unclosed). */
  readonly range: Range;
  /** The lines between the fences; empty range at the line after the opening fence when there are none. */
  readonly contentRange: Range;
  /** The content with `\n` line breaks (CR of CRLF files removed), no trailing newline. */
  readonly content: string;
  /** Line (in the document) of the first content line: add it to a block-relative line. */
  readonly contentStartLine: number;
  /**
   * False when no closing fence follows: CommonMark then ends the block at the end of the document,
   * so everything after the opening fence is diagram text.
   */
  readonly closed: boolean;
  /** The opening fence as written (```, ````, ~~~ …): a closing fence is at least as long. */
  readonly fence: string;
}

/**
 * The line marking a flowchart as written in the fault-tree dialect (see docs/diagrams.md). v2 adds
 * the drawn parts (gate kinds, probabilities, gate styles); v1 blocks (data lines only) are still read.
 */
export const FAULT_TREE_MARKER = '%% ft:fault-tree v2';
export const FAULT_TREE_MARKER_V1 = '%% ft:fault-tree v1';

/** The dialect version a trimmed line marks (1 or 2), or undefined when it is not a marker. */
export function faultTreeMarkerVersion(line: string): 1 | 2 | undefined {
  return line === FAULT_TREE_MARKER ? 2 : line === FAULT_TREE_MARKER_V1 ? 1 : undefined;
}

// The fence is the whole run (`(?!`)`), so the info string cannot take part of it back: with
// `(`{3,}|~{3,})(.*)$` a long run ending in a line separator backtracked quadratically.
const OPEN_FENCE = /^( {0,3})(`{3,}(?!`)|~{3,}(?!~))(.*)$/;

const MERMAID_WORD = /mermaid/i;

/**
 * Finds fenced ```mermaid blocks with a plain line scanner (CommonMark fence rules, no Markdown
 * parser): this runs on every keystroke for CodeLenses and diagnostics, so it has to be cheap.
 */
export function findMermaidBlocks(text: string): MermaidBlock[] {
  // Most post-mortems hold no diagram: without the word anywhere there is no block to find (a
  // fence's language is lower-cased before it is compared, as /i compares).
  if (!MERMAID_WORD.test(text)) return [];
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const blocks: MermaidBlock[] = [];
  let i = 0;
  // The end of the HTML block (`<!--` … `-->`, `<pre>` … `</pre>`) the scan is in: a fence there is
  // the block's text, not a diagram (a commented-out example tree was analysed by `fta` and listed
  // before the real one: trial19b F3), as code hosts render it.
  let htmlEnd: string | undefined;
  while (i < lines.length) {
    const line = lines[i];
    if (htmlEnd) {
      if (line.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
      i++;
      continue;
    }
    const open = OPEN_FENCE.exec(line);
    if (!open) {
      const end = htmlBlockEnd(line);
      // The end may be on the opening line itself, after the opener (`<!-- a -->`).
      if (end && !line.toLowerCase().includes(end, line.indexOf('<') + (end === '-->' ? 4 : 2))) htmlEnd = end;
      i++;
      continue;
    }
    const fence = open[2];
    const info = open[3].trim();
    // A backtick fence's info string may not contain backticks (CommonMark); then it is not a fence.
    if (fence[0] === '`' && info.includes('`')) {
      i++;
      continue;
    }
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const closed = end < lines.length;
    const language = info.split(/[\s{]/, 1)[0].toLowerCase();
    if (language === 'mermaid') {
      const body = lines.slice(i + 1, end);
      const content = body.join('\n');
      const lastLine = closed ? end : lines.length - 1;
      const contentEnd = body.length > 0
        ? { line: i + body.length, character: lines[i + body.length].length }
        : { line: i + 1, character: 0 };
      blocks.push({
        index: blocks.length,
        kind: mermaidBlockKind(body),
        range: { start: { line: i, character: 0 }, end: { line: lastLine, character: lines[lastLine].length } },
        contentRange: { start: { line: i + 1, character: 0 }, end: contentEnd },
        content,
        contentStartLine: i + 1,
        closed,
        fence,
      });
    }
    i = closed ? end + 1 : lines.length;
  }
  return blocks;
}

/** What a mermaid block's lines hold: a fishbone, a fault tree (a flowchart with the marker), or something else. */
export function mermaidBlockKind(body: readonly string[]): MermaidBlockKind {
  const first = body.find((l) => l.trim() !== '' && !/^\s*%%/.test(l));
  if (first === undefined) return 'other';
  const head = first.trim();
  if (/^ishikawa(-beta)?$/i.test(head)) return 'fishbone';
  if (/^(flowchart|graph)\b/i.test(head) && body.some((l) => faultTreeMarkerVersion(l.trim()) !== undefined)) return 'fault-tree';
  return 'other';
}

/** The opening fence of a block (its first three characters), where block-wide diagnostics go. */
export function openingFenceRange(block: MermaidBlock): Range {
  const end = block.range.end.line === block.range.start.line ? block.range.end.character : 3;
  return { start: block.range.start, end: { line: block.range.start.line, character: end } };
}
