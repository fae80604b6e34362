import type { DiagramProblem } from '../problems';
import type { Fishbone, FishboneCause } from './model';

/** A change to one block line (0-based within the block): characters `start`–`end` become `text`; `wholeLine` deletes the line. */
export interface FishboneLineFix {
  readonly title: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly wholeLine?: boolean;
}

export interface FishboneLineProblem extends DiagramProblem {
  readonly fix?: FishboneLineFix;
}

/**
 * The same characters written the way the diagram editor writes them (`#lt;`, `#gt;`, `#amp;`): Mermaid
 * reads an ishikawa line as HTML, and once a line holds a raw `<` it draws that line's `&`, `<`, `>` as
 * `&amp;`, `&lt;`, `&gt;` and drops a `<word>` as a tag (stock Mermaid 12.3, as GitHub renders it;
 * trial13b F1). The entity forms read back as the same characters, so the label itself does not change.
 */
export function encodeRawMarkup(body: string): string {
  let out = '';
  for (const ch of body) out += ch === '<' ? '#lt;' : ch === '>' ? '#gt;' : ch === '&' ? '#amp;' : ch;
  return out;
}

/**
 * Problems of single fishbone lines, with a fix each: a raw `<` (Mermaid draws the line otherwise
 * than the outline shows it), and an empty cause or category (`#32;`, written when a name was cleared:
 * drawn as a bare arrow and counted as a cause; trial13b F4). `text` is the block content the model
 * was read from: its lines other than blanks and `%%` comments are the keyword, the effect, then one
 * line per node in outline order.
 */
export function fishboneLineProblems(model: Fishbone, text: string): FishboneLineProblem[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const nodeLines = lines.flatMap((l, i) => (l.trim() === '' || /^\s*%%/.test(l) ? [] : [i]));
  const problems: FishboneLineProblem[] = [];
  const rawMarkup = (line: number | undefined): void => {
    if (line === undefined) return;
    const raw = lines[line];
    if (!raw.includes('<')) return;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.slice(indent).trimEnd();
    problems.push({
      code: 'fishbone/raw-markup', severity: 'warning', line,
      message: 'Expected "#lt;" for "<" in a fishbone line, found a raw "<": Mermaid (GitHub, the Markdown preview) reads the line as HTML and draws its "&", "<" and ">" as "&amp;", "&lt;" and "&gt;", or drops a "<word>" as a tag. Write them as #amp;, #lt; and #gt; (they read back as the same characters).',
      fix: { title: 'Write <, > and & as #lt;, #gt; and #amp;', line, start: indent, end: indent + body.length, text: encodeRawMarkup(body) },
    });
  };
  rawMarkup(nodeLines[1]);
  // Outline order, iteratively: each node is one line after the effect.
  let ordinal = 2;
  const stack: { node: FishboneCause; parent: string | undefined }[] = [];
  for (let i = model.categories.length - 1; i >= 0; i--) stack.push({ node: model.categories[i], parent: undefined });
  for (let item = stack.pop(); item; item = stack.pop()) {
    const line = nodeLines[ordinal];
    ordinal += 1;
    rawMarkup(line);
    if (line !== undefined && item.node.label === '') {
      const what = item.parent === undefined ? 'category' : 'cause';
      problems.push({
        code: 'fishbone/empty-cause', severity: 'warning', line,
        message: `Expected a name for this ${what}${item.parent === undefined ? '' : ` under "${item.parent}"`}, found an empty one ("${lines[line].trim()}"): Mermaid draws a bare arrow and it counts as a ${what}. Name it, or delete the line.`,
        ...(item.node.causes.length === 0 ? { fix: { title: `Delete the empty ${what}`, line, start: 0, end: lines[line].length, text: '', wholeLine: true } } : {}),
      });
    }
    const causes = item.node.causes;
    for (let i = causes.length - 1; i >= 0; i--) stack.push({ node: causes[i], parent: item.node.label });
  }
  return problems;
}
