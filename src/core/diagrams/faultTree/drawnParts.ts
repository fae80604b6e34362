import { decodeFlowchartLabel, encodeFlowchartLabel } from '../escape';
import type { FaultTree, FtNode } from './model';
import { nodeDataLine } from './print';
import { parseProbability } from './probability';
import { GATE_CLASS_DEFS, GATE_CLASSES, looksVisible, visibleText } from './visible';

/** A node's declaration line as read: the raw (encoded) label and where things sit on the line. */
export interface Declaration {
  readonly line: number;
  /** The label between `["` and `"]`, as written. */
  readonly raw: string;
  /** Character offset of the label on its line (after `ID["`). */
  readonly labelStart: number;
  readonly shape?: string;
  /** Class after `"]` (`:::ftAnd`), and the offset of its first colon. */
  readonly cls?: string;
  readonly clsStart?: number;
}

/** A replacement of characters [start, end) on a line of the block content; `\n` in text starts a new line. */
export interface ContentEdit {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface DrawnPartIssue {
  readonly line: number;
  readonly nodeId?: string;
  readonly message: string;
  /** Redraws the part from the data line. */
  readonly edit: ContentEdit;
  readonly fixTitle: string;
  /** True when the redraw loses nothing the user wrote (a missing part, a class); false when it replaces a different value. */
  readonly safe: boolean;
  /** When the drawing states another valid value, the edit that writes that value into the data line instead. */
  readonly adopt?: { readonly title: string; readonly edit: ContentEdit };
}

/** Splits a v2 label into the user's text and its drawn last line, when that line has the drawn part's form. */
export function splitDrawnPart(decl: Pick<Declaration, 'raw'>, kind: Parameters<typeof looksVisible>[0]): { label: string; drawn?: { text: string; start: number } } {
  let cut = -1;
  let after = -1;
  for (const m of decl.raw.matchAll(/<br\s*\/?>/gi)) {
    cut = m.index;
    after = m.index + m[0].length;
  }
  if (cut >= 0) {
    const text = decodeFlowchartLabel(decl.raw.slice(after));
    if (looksVisible(kind, text)) return { label: decodeFlowchartLabel(decl.raw.slice(0, cut)), drawn: { text, start: cut } };
  }
  return { label: decodeFlowchartLabel(decl.raw) };
}

const kindOf = (node: FtNode): Parameters<typeof looksVisible>[0] => (node.type === 'gate' ? { type: 'gate' } : { type: 'event', event: node.event });

/** The node the drawn text describes, when it is a valid value for this node (and differs from it). */
function nodeFromDrawing(node: FtNode, text: string): FtNode | undefined {
  if (node.type === 'gate') {
    if (text === 'AND' || text === 'OR') {
      const { k: _k, ...rest } = node;
      return { ...rest, gate: text === 'AND' ? 'and' : 'or' };
    }
    const m = /^(\d+) of (\d+)$/.exec(text);
    const k = Number(m?.[1]);
    if (m && Number(m[2]) === node.inputs.length && k >= 1 && k <= node.inputs.length) return { ...node, gate: 'vote', k };
    return undefined;
  }
  if (node.event === 'house') return { ...node, houseState: text === 'on' };
  const value = text.slice('p = '.length);
  if (value === '?') {
    const { probability: _p, ...rest } = node;
    return rest;
  }
  const read = parseProbability(value);
  return 'value' in read ? { ...node, probability: read.value } : undefined;
}

/**
 * Where the drawn parts of a block disagree with its data lines (see parse.ts `drawn`). For a v1
 * block every drawn part is missing, so the same list is the upgrade to v2.
 */
export function drawnPartIssues(input: {
  readonly model: FaultTree;
  readonly version: 1 | 2;
  readonly declarations: ReadonlyMap<string, Declaration>;
  readonly classDefs: ReadonlyMap<string, { readonly line: number; readonly style: string; readonly styleStart: number }>;
  readonly lines: readonly string[];
  readonly dataLine: ReadonlyMap<string, number>;
}): DrawnPartIssue[] {
  const { model, version, declarations, classDefs, lines, dataLine } = input;
  const out: DrawnPartIssue[] = [];
  for (const node of model.nodes) {
    const decl = declarations.get(node.id);
    if (!decl) continue;
    const expected = visibleText(node);
    const what = node.type === 'gate' ? 'kind' : node.event === 'house' ? 'state' : 'probability';
    const labelEnd = decl.labelStart + decl.raw.length;
    const split = version === 2 ? splitDrawnPart(decl, kindOf(node)) : { drawn: undefined };
    const suffix = `<br/>${encodeFlowchartLabel(expected)}`;
    if (!split.drawn) {
      out.push({
        line: decl.line, nodeId: node.id, safe: true,
        message: `Expected the drawing of ${node.id} to show its ${what} "${expected}" as the last line of its label, found none: other Mermaid renderers show only the label.`,
        edit: { line: decl.line, start: labelEnd, end: labelEnd, text: suffix },
        fixTitle: `Draw "${expected}" under the label of ${node.id}`,
      });
    } else if (split.drawn.text !== expected) {
      const fromDrawing = nodeFromDrawing(node, split.drawn.text);
      const data = dataLine.get(node.id);
      const dataRaw = data === undefined ? '' : lines[data];
      const dataIndent = dataRaw.length - dataRaw.trimStart().length;
      out.push({
        line: decl.line, nodeId: node.id, safe: false,
        message: `Expected the drawing of ${node.id} to show "${expected}" as its "%% ft:" line says, found "${split.drawn.text}": readers of the drawing see a different ${what} than the analysis uses.`,
        edit: { line: decl.line, start: decl.labelStart + split.drawn.start, end: labelEnd, text: suffix },
        fixTitle: `Redraw ${node.id} as "${expected}" (from its "%% ft:" line)`,
        ...(fromDrawing && data !== undefined
          ? { adopt: { title: `Change the "%% ft:" line of ${node.id} to "${split.drawn.text}" (from the drawing)`, edit: { line: data, start: dataIndent, end: dataRaw.length, text: nodeDataLine(fromDrawing) } } }
          : {}),
      });
    }
    if (node.type === 'gate') {
      const cls = GATE_CLASSES[node.gate];
      const at = labelEnd + 2;
      if (decl.cls === undefined) {
        out.push({
          line: decl.line, nodeId: node.id, safe: true,
          message: `Expected gate ${node.id} to carry the class ${cls} that styles ${expected} gates, found none.`,
          edit: { line: decl.line, start: at, end: at, text: `:::${cls}` },
          fixTitle: `Style ${node.id} as ${expected} (:::${cls})`,
        });
      } else if (decl.cls !== cls) {
        out.push({
          line: decl.line, nodeId: node.id, safe: true,
          message: `Expected gate ${node.id} to carry the class ${cls} (its "%% ft:" line says ${node.gate}), found ${decl.cls}.`,
          edit: { line: decl.line, start: decl.clsStart!, end: decl.clsStart! + 3 + decl.cls.length, text: `:::${cls}` },
          fixTitle: `Style ${node.id} as ${expected} (:::${cls})`,
        });
      }
    }
  }
  const missing: string[] = [];
  for (const def of GATE_CLASS_DEFS) {
    const [, name, style] = /^classDef (\S+) (.*)$/.exec(def)!;
    const found = classDefs.get(name);
    if (!found) missing.push(def);
    else if (found.style !== style) {
      out.push({
        line: found.line, safe: false,
        message: `Expected the style of ${name} gates to be "${style}", found "${found.style}": the diagram editor writes the standard style back.`,
        edit: { line: found.line, start: found.styleStart, end: lines[found.line].length, text: style },
        fixTitle: `Use the standard style for ${name}`,
      });
    }
  }
  if (missing.length > 0) {
    let last = lines.length - 1;
    while (last > 0 && lines[last].trim() === '') last--;
    const names = missing.map((d) => d.split(' ')[1]);
    out.push({
      line: last, safe: true,
      message: `Expected the gate styles ${names.join(', ')} ("classDef" lines) at the end of the fault tree, found ${missing.length === GATE_CLASS_DEFS.length ? 'none' : 'them missing'}.`,
      edit: { line: last, start: lines[last].length, end: lines[last].length, text: missing.map((d) => `\n  ${d}`).join('') },
      fixTitle: `Add the gate styles (${names.join(', ')})`,
    });
  }
  return out;
}
