import { FAULT_TREE_MARKER, faultTreeMarkerVersion } from '../blocks';
import { decodeFlowchartLabel } from '../escape';
import type { DiagramProblem, ParseResult } from '../problems';
import { EVENT_SHAPES, type EventKind, type FaultTree, type FtNode, type GateKind } from './model';
import { drawnPartIssues, splitDrawnPart, type Declaration, type DrawnPartIssue } from './drawnParts';
import { fromPercent } from './probability';

/** Where each node's facts were read (0-based lines of the block content), for diagnostics. */
export interface FaultTreeLines {
  readonly data: ReadonlyMap<string, number>;
  readonly shape: ReadonlyMap<string, number>;
  readonly edges: ReadonlyMap<string, number>;
}

export interface FaultTreeParse extends ParseResult<FaultTree> {
  readonly lines: FaultTreeLines;
  /** The dialect version its marker line names (2 when the marker is missing). */
  readonly version: 1 | 2;
  /** Line of the marker within the block content, when there is one. */
  readonly markerLine?: number;
  /**
   * Where the drawn parts (gate kinds, probabilities, gate classes and styles) differ from what the
   * data lines say, each with the edit that redraws them: v2 mismatches, or for a v1 block the edits
   * that upgrade it. Not problems: the data lines are the truth and the printer redraws these parts.
   */
  readonly drawn: readonly DrawnPartIssue[];
  /** Each node's label as written (still encoded, without v2's drawn last line): the printer keeps it while the label is unchanged. */
  readonly written: WrittenLabels;
}

/** Labels as a block wrote them, by node id: `label` is the decoded text, `raw` the characters between `["` and the drawn part. */
export type WrittenLabels = ReadonlyMap<string, { readonly raw: string; readonly label: string }>;

const ID = '[A-Za-z][A-Za-z0-9_]*';
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'click', 'style', 'class', 'classdef', 'linkstyle', 'direction', 'default', 'call', 'href']);
const GATE_KINDS: readonly GateKind[] = ['and', 'or', 'vote'];
const EVENT_KINDS = Object.keys(EVENT_SHAPES) as EventKind[];
/** Any line claiming to be fault-tree data; its words are then checked one by one for precise messages. */
const DATA_LINE = /^%% ft:(gate|event)(?: (.*))?$/;
const SHAPE_LINE = new RegExp(`^(${ID})\\["([^"]*)"\\](?::::([A-Za-z][A-Za-z0-9_-]*))?(?:@\\{ shape: ([a-z-]+) \\})?$`);
/** The gate styles of v2 (`classDef ftAnd stroke:…`). */
const CLASS_DEF_LINE = /^classDef (ftAnd|ftOr|ftVote) (\S.*)$/;
const EDGE_LINE = new RegExp(`^(${ID}) --> (${ID}(?: & ${ID})*)$`);

interface Data {
  id: string;
  gate?: GateKind;
  k?: number;
  event?: EventKind;
  probability?: number;
  houseState?: boolean;
}

/**
 * Reads the fault-tree dialect (docs/diagrams.md). Each recognised line carries one fact; anything
 * else is a problem, and the tree is then not writable (printing would drop that line).
 */
export function parseFaultTree(content: string): FaultTreeParse {
  const lines = content.split('\n').map((l) => l.replace(/\r$/, ''));
  const problems: DiagramProblem[] = [];
  const problem = (line: number, message: string, code = 'diagram/parse-error'): void => {
    problems.push({ line, message, code });
  };
  const data = new Map<string, Data>();
  const labels = new Map<string, Declaration>();
  const classDefs = new Map<string, { line: number; style: string; styleStart: number }>();
  const inputs = new Map<string, string[]>();
  const order: string[] = [];
  const dataLine = new Map<string, number>();
  const shapeLine = new Map<string, number>();
  const edgeLine = new Map<string, number>();
  /** Ids whose "%% ft:" line was reported as unreadable; their other lines are not reported again. */
  const malformed = new Set<string>();
  let sawHeader = false;
  let sawMarker = false;
  let version: 1 | 2 = 2;
  let markerLine: number | undefined;

  const ordered = new Set<string>();
  const remember = (id: string): void => {
    // A set beside the list: `order.includes` made reading 100,000 nodes take 69 s.
    if (!ordered.has(id)) {
      ordered.add(id);
      order.push(id);
    }
  };
  const checkId = (id: string, n: number): boolean => {
    if (RESERVED.has(id.toLowerCase())) {
      problem(n, `Expected a node id that is not a Mermaid keyword, found "${id}".`);
      return false;
    }
    return true;
  };

  lines.forEach((raw, n) => {
    const line = raw.trim();
    if (line === '') return;
    if (!sawHeader) {
      sawHeader = true;
      if (line !== 'flowchart TB') problem(n, `Expected "flowchart TB" on the first line, found "${line}".`);
      return;
    }
    const marked = faultTreeMarkerVersion(line);
    if (marked !== undefined) {
      if (sawMarker) return problem(n, 'Expected the fault-tree marker once, found it again.');
      sawMarker = true;
      version = marked;
      markerLine = n;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = DATA_LINE.exec(line))) {
      const [, what, rest] = m;
      const read = readDataLine(what as 'gate' | 'event', rest ?? '');
      if (read.id !== undefined && !checkId(read.id, n)) {
        malformed.add(read.id);
        return;
      }
      if ('error' in read) {
        // The node is named but its facts are unreadable: report that once, not again as a missing line.
        if (read.id !== undefined) malformed.add(read.id);
        return problem(n, read.error);
      }
      const { id } = read;
      if (data.has(id)) return problem(n, `Expected one "%% ft:" line per node, found a second one for ${id}.`, 'fault-tree/duplicate-id');
      data.set(id, read.data);
      dataLine.set(id, n);
      remember(id);
      return;
    }
    if (line.startsWith('%%')) {
      problems.push({ line: n, code: 'diagram/parse-error', severity: 'warning', message: 'Expected a "%% ft:gate" or "%% ft:event" line; other comments are not kept by the editor.' });
      return;
    }
    const indent = raw.length - raw.trimStart().length;
    if ((m = SHAPE_LINE.exec(line))) {
      const [, id, label, cls, shape] = m;
      if (!checkId(id, n)) return;
      if (labels.has(id)) return problem(n, `Expected one declaration per node, found a second one for ${id}.`, 'fault-tree/duplicate-id');
      if (cls !== undefined && version === 1) return problem(n, `Expected no class on ${id} in a v1 fault tree (classes come with "${FAULT_TREE_MARKER}"), found ":::${cls}".`);
      const labelStart = indent + id.length + 2;
      labels.set(id, { line: n, raw: label, labelStart, shape, ...(cls !== undefined ? { cls, clsStart: labelStart + label.length + 2 } : {}) });
      shapeLine.set(id, n);
      remember(id);
      return;
    }
    if (version === 2 && (m = CLASS_DEF_LINE.exec(line))) {
      const [, name, style] = m;
      if (classDefs.has(name)) return problem(n, `Expected one "classDef ${name}" line, found a second one.`);
      classDefs.set(name, { line: n, style, styleStart: indent + 'classDef '.length + name.length + 1 });
      return;
    }
    if ((m = EDGE_LINE.exec(line))) {
      const [, from, to] = m;
      const list = inputs.get(from) ?? [];
      for (const x of to.split(' & ')) list.push(x);
      inputs.set(from, list);
      if (!edgeLine.has(from)) edgeLine.set(from, n);
      return;
    }
    problem(n, `Expected a "%% ft:" data line, a node like G1["label"], or an edge like G1 --> E1 & E2; found "${line}".`);
  });

  if (!sawMarker && sawHeader) problem(0, `Expected the line "${FAULT_TREE_MARKER}" that marks a fault tree.`);

  const nodes: FtNode[] = [];
  const declarations = new Map<string, Declaration>();
  const written = new Map<string, { raw: string; label: string }>();
  for (const id of order) {
    const d = data.get(id);
    const decl = labels.get(id);
    if (!d) {
      if (malformed.has(id)) continue;
      problem(shapeLine.get(id) ?? 0, `Expected a "%% ft:gate ${id} …" or "%% ft:event ${id} …" line saying what ${id} is.`);
      continue;
    }
    if (!decl) {
      problem(dataLine.get(id) ?? 0, `Expected a declaration with a label for ${id}, like ${id}["…"].`);
      continue;
    }
    declarations.set(id, decl);
    const split = version === 2 ? splitDrawnPart(decl, d.gate ? { type: 'gate' } : { type: 'event', event: d.event! }) : undefined;
    const label = split ? split.label : decodeFlowchartLabel(decl.raw);
    written.set(id, { raw: split?.drawn ? decl.raw.slice(0, split.drawn.start) : decl.raw, label });
    if (d.gate) {
      if (decl.shape !== undefined) problem(shapeLine.get(id)!, `Expected gate ${id} as a plain rectangle, found shape ${decl.shape}.`);
      nodes.push({ id, type: 'gate', label, gate: d.gate, ...(d.k !== undefined ? { k: d.k } : {}), inputs: inputs.get(id) ?? [] });
    } else {
      const kind = d.event!;
      if (decl.shape !== EVENT_SHAPES[kind]) {
        problem(shapeLine.get(id)!, `Expected shape ${EVENT_SHAPES[kind]} for ${kind} event ${id}, found ${decl.shape ?? 'a rectangle'}.`);
      }
      if (decl.cls !== undefined) problem(shapeLine.get(id)!, `Expected no class on event ${id} (only gates are styled by kind), found ":::${decl.cls}".`);
      nodes.push({
        id, type: 'event', label, event: kind,
        ...(d.probability !== undefined ? { probability: d.probability } : {}), ...(d.houseState !== undefined ? { houseState: d.houseState } : {}),
      });
    }
  }
  for (const [from, n] of edgeLine) {
    const d = data.get(from);
    if (d && !d.gate) problem(n, `Expected edges only from gates, found edges from event ${from}.`);
    else if (!d && !malformed.has(from)) problem(n, `Expected edges from a declared gate, found edges from unknown node ${from}.`);
  }
  const model: FaultTree = { nodes };
  // Optional fields are absent rather than undefined, so parse → model equals models built by the edit functions.
  return {
    model,
    problems,
    writable: problems.length === 0,
    lines: { data: dataLine, shape: shapeLine, edges: edgeLine },
    version,
    ...(markerLine !== undefined ? { markerLine } : {}),
    drawn: problems.some((p) => (p.severity ?? 'error') === 'error') || !sawMarker
      ? []
      : drawnPartIssues({ model, version, declarations, classDefs, lines, dataLine }),
    written,
  };
}

type DataLineRead = { id: string; data: Data } | { id?: string; error: string };

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function readDataLine(what: 'gate' | 'event', rest: string): DataLineRead {
  const words = rest.split(' ').filter((w) => w !== '');
  const read = what === 'gate' ? readGateLine(words) : readEventLine(words);
  // The printer writes single spaces; other spacing would be rewritten, so such a line is not taken as-is.
  if (!('error' in read) && rest !== words.join(' ')) {
    return { id: read.id, error: `Expected single spaces between the words of "%% ft:${what} ${rest.trim()}".` };
  }
  return read;
}

/** `<id> and|or|vote [k=<n>]` after "%% ft:gate". */
function readGateLine(words: readonly string[]): DataLineRead {
  const [id = '', kind, extra, ...more] = words;
  const kinds = GATE_KINDS.join(', ');
  if (id === '' || !new RegExp(`^${ID}$`).test(id)) {
    return { error: `Expected a node id after "%% ft:gate", like "%% ft:gate G1 or"; found ${id === '' ? 'nothing' : `"${id}"`}.` };
  }
  if (kind === undefined) return { id, error: `Expected a gate kind after ${id} (one of ${kinds}).` };
  if (!(GATE_KINDS as readonly string[]).includes(kind)) {
    return { id, error: `Expected the gate kind of ${id} to be one of ${kinds}; found "${kind}", which is not a gate kind.` };
  }
  if (more.length > 0) return { id, error: `Expected nothing after "${extra}" on the gate line of ${id}, found "${more.join(' ')}".` };
  if (kind !== 'vote') {
    if (extra !== undefined) {
      return { id, error: /^k=/.test(extra) ? `Expected k only on a vote gate, found it on an ${kind} gate.` : `Expected nothing after "${kind}" for ${id}, found "${extra}".` };
    }
    return { id, data: { id, gate: kind as GateKind } };
  }
  if (extra === undefined) return { id, error: `Expected "k=<number>" after "vote" for ${id}.` };
  const k = /^k=(.*)$/.exec(extra)?.[1];
  // A whole number out of range (k=0, k above the inputs) is kept: the validator names the range.
  if (k === undefined || !/^\d+$/.test(k)) {
    return { id, error: `Expected "k=" and a whole number (how many inputs must fail) after "vote" for ${id}, found "${extra}".` };
  }
  return { id, data: { id, gate: 'vote', k: Number(k) } };
}

/** `<id> basic|undeveloped|transfer [p=<probability>]` or `<id> house true|false` after "%% ft:event". */
function readEventLine(words: readonly string[]): DataLineRead {
  const [id = '', kind, extra, ...more] = words;
  const kinds = EVENT_KINDS.join(', ');
  if (id === '' || !new RegExp(`^${ID}$`).test(id)) {
    return { error: `Expected a node id after "%% ft:event", like "%% ft:event E1 basic p=0.01"; found ${id === '' ? 'nothing' : `"${id}"`}.` };
  }
  if (kind === undefined) return { id, error: `Expected an event kind after ${id} (one of ${kinds}).` };
  if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
    return { id, error: `Expected the event kind of ${id} to be one of ${kinds}; found "${kind}", which is not an event kind.` };
  }
  if (more.length > 0) return { id, error: `Expected nothing after "${extra}" on the event line of ${id}, found "${more.join(' ')}".` };
  const d: Data = { id, event: kind as EventKind };
  if (kind === 'house') {
    if (extra !== 'true' && extra !== 'false') return { id, error: `Expected "true" or "false" after "house" for ${id}${extra === undefined ? '' : `, found "${extra}"`}.` };
    d.houseState = extra === 'true';
    return { id, data: d };
  }
  if (extra === undefined) return { id, data: d };
  const value = extra.startsWith('p=') ? extra.slice(2) : undefined;
  if (value === undefined) {
    return { id, error: `Expected "p=<number>" (a probability from 0 to 1, or a percentage like p=20%) after "${kind}" for ${id}, found "${extra}".` };
  }
  // `p=20%` is read as 0.2, as the editor's field reads it (the printer then writes `p=0.2`).
  const percent = value.endsWith('%');
  const digits = percent ? value.slice(0, -1) : value;
  const p = !NUMBER.test(digits) ? NaN : percent ? fromPercent(Number(digits)) : Number(digits);
  // Out-of-range numbers are kept: the validator reports them as probability-range with the node named.
  if (!Number.isFinite(p)) return { id, error: `Expected "p=<number>" for ${id}, a probability from 0 to 1 (or a percentage, like p=20%); found "${extra}".` };
  // A positive number too small for a double reads as 0: the tree would say "cannot happen" without a word (trial19b F12).
  if (p === 0 && /[1-9]/.test(digits.split(/e/i)[0]!)) return { id, error: `Expected a probability for ${id} that can be computed with: "${extra}" is below about 5e-324 and would be read as 0 ("cannot happen"); write p=0 if that is meant, or a larger value.` };
  d.probability = p;
  return { id, data: d };
}
