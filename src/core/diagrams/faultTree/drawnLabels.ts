import { encodeFlowchartLabel } from '../escape';
import { breakLongWords, cutLabel, longerThan, MAX_DRAWN_LABEL } from '../labelCut';
import { splitDrawnPart } from './drawnParts';

/**
 * Labels as a fault-tree drawing shows them. Mermaid's flowchart wraps a label at spaces to about
 * 200 px and never inside a word: a 190-character event with a URL became a huge circle, Fit
 * dropped to 30 % and every other label was unreadable (trial14b F8). So the drawing (never the
 * Markdown) gets each label cut as the fishbone's causes are (60 characters, "…") and its long
 * words set apart in pieces; the outline, Details and the drawn shape's tooltip keep the full text.
 *
 * Every drawing of a fault tree goes through `drawnFaultTreeBlock`: the editor's (printed from the
 * tree), the read-only panel's and the Markdown preview's (the block as written, which may start
 * with a `%%{init}%%` line or hold lines the editor cannot print). One function, so they cut alike.
 */

/** Mermaid's flowchart wraps at about 200 px: some 25 characters at the default font. */
const FLOWCHART_WORD = 24;

/** How `label` is drawn (the same text when it is short and has no long word); its own line breaks stay. */
export function drawnFaultTreeLabel(label: string): string {
  return cutLabel(label, MAX_DRAWN_LABEL).split('\n').map((line) => breakLongWords(line, FLOWCHART_WORD)).join('\n');
}

/** True when the drawing shows `label` shortened: the full text then goes into the shape's tooltip. */
export function isFaultTreeLabelCut(label: string): boolean {
  return longerThan(label, MAX_DRAWN_LABEL);
}

/**
 * A node declaration `ID["label"]…` (the dialect's and any flowchart's quoted label). Linear: the
 * label holds no `"`, so it ends at the first one.
 */
const DECLARATION = /^(\s*[A-Za-z][A-Za-z0-9_]*\[")([^"]*)("\].*)$/;

/** The kinds whose drawn last line ("AND", "2 of 3", "p = 0.01", "on") is kept apart from the label, uncut. */
const DRAWN_PART_KINDS = [{ type: 'gate' }, { type: 'event', event: 'basic' }, { type: 'event', event: 'house' }] as const;

/**
 * A fault-tree block as written, line by line, with each declaration's label cut as the drawing
 * shows it; a declaration's drawn last line (its kind or probability) stays whole. Every other line,
 * and every declaration whose label is drawn as written, is kept byte for byte (CRLF too), so
 * Mermaid reads the same structure and configuration.
 */
export function drawnFaultTreeBlock(content: string): string {
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const end = line.endsWith('\r') ? '\r' : '';
    const m = DECLARATION.exec(end === '' ? line : line.slice(0, -1));
    if (!m) continue;
    const [, head, raw, tail] = m;
    const split = DRAWN_PART_KINDS.map((kind) => splitDrawnPart({ raw }, kind)).find((s) => s.drawn) ?? splitDrawnPart({ raw }, DRAWN_PART_KINDS[0]);
    const drawn = drawnFaultTreeLabel(split.label);
    if (drawn === split.label) continue;
    const part = split.drawn ? raw.slice(split.drawn.start) : '';
    lines[i] = `${head}${encodeFlowchartLabel(drawn)}${part}${tail}${end}`;
  }
  return lines.join('\n');
}
