import { FAULT_TREE_MARKER } from '../blocks';
import { decodeFlowchartLabel } from '../escape';
import type { DiagramProblem, ParseResult } from '../problems';
import { EVENT_SHAPES, type EventKind, type FaultTree, type FtNode, type GateKind } from './model';

/** Where each node's facts were read (0-based lines of the block content), for diagnostics. */
export interface FaultTreeLines {
  readonly data: ReadonlyMap<string, number>;
  readonly shape: ReadonlyMap<string, number>;
  readonly edges: ReadonlyMap<string, number>;
}

export interface FaultTreeParse extends ParseResult<FaultTree> {
  readonly lines: FaultTreeLines;
}

const ID = '[A-Za-z][A-Za-z0-9_]*';
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'click', 'style', 'class', 'classdef', 'linkstyle', 'direction', 'default', 'call', 'href']);
const GATE_LINE = new RegExp(`^%% ft:gate (${ID}) (and|or|vote)(?: k=(\\d+))?$`);
const EVENT_LINE = new RegExp(`^%% ft:event (${ID}) (basic|undeveloped|transfer|house)(?: (p=\\S+|true|false))?$`);
const SHAPE_LINE = new RegExp(`^(${ID})\\["([^"]*)"\\](?:@\\{ shape: ([a-z-]+) \\})?$`);
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
  const labels = new Map<string, { label: string; shape?: string }>();
  const inputs = new Map<string, string[]>();
  const order: string[] = [];
  const dataLine = new Map<string, number>();
  const shapeLine = new Map<string, number>();
  const edgeLine = new Map<string, number>();
  let sawHeader = false;
  let sawMarker = false;

  const remember = (id: string): void => {
    if (!order.includes(id)) order.push(id);
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
    if (line === FAULT_TREE_MARKER) {
      if (sawMarker) problem(n, 'Expected the fault-tree marker once, found it again.');
      sawMarker = true;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = GATE_LINE.exec(line))) {
      const [, id, kind, k] = m;
      if (!checkId(id, n)) return;
      if (data.has(id)) return problem(n, `Expected one "%% ft:" line per node, found a second one for ${id}.`, 'fault-tree/duplicate-id');
      if (kind === 'vote' && k === undefined) return problem(n, `Expected "k=<number>" after "vote" for ${id}.`);
      if (kind !== 'vote' && k !== undefined) return problem(n, `Expected k only on a vote gate, found it on an ${kind} gate.`);
      data.set(id, { id, gate: kind as GateKind, k: k === undefined ? undefined : Number(k) });
      dataLine.set(id, n);
      remember(id);
      return;
    }
    if ((m = EVENT_LINE.exec(line))) {
      const [, id, kind, extra] = m;
      if (!checkId(id, n)) return;
      if (data.has(id)) return problem(n, `Expected one "%% ft:" line per node, found a second one for ${id}.`, 'fault-tree/duplicate-id');
      const d: Data = { id, event: kind as EventKind };
      if (kind === 'house') {
        if (extra !== 'true' && extra !== 'false') return problem(n, `Expected "true" or "false" after "house" for ${id}.`);
        d.houseState = extra === 'true';
      } else if (extra !== undefined) {
        const value = extra.startsWith('p=') ? extra.slice(2) : '';
        const p = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) ? Number(value) : NaN;
        if (!Number.isFinite(p)) return problem(n, `Expected "p=<number>" for ${id}, found "${extra}".`);
        d.probability = p;
      }
      data.set(id, d);
      dataLine.set(id, n);
      remember(id);
      return;
    }
    if (line.startsWith('%%')) {
      problems.push({ line: n, code: 'diagram/parse-error', severity: 'warning', message: 'Expected a "%% ft:gate" or "%% ft:event" line; other comments are not kept by the editor.' });
      return;
    }
    if ((m = SHAPE_LINE.exec(line))) {
      const [, id, label, shape] = m;
      if (!checkId(id, n)) return;
      if (labels.has(id)) return problem(n, `Expected one declaration per node, found a second one for ${id}.`, 'fault-tree/duplicate-id');
      labels.set(id, { label: decodeFlowchartLabel(label), shape });
      shapeLine.set(id, n);
      remember(id);
      return;
    }
    if ((m = EDGE_LINE.exec(line))) {
      const [, from, to] = m;
      const list = inputs.get(from) ?? [];
      list.push(...to.split(' & '));
      inputs.set(from, list);
      if (!edgeLine.has(from)) edgeLine.set(from, n);
      return;
    }
    problem(n, `Expected a "%% ft:" data line, a node like G1["label"], or an edge like G1 --> E1 & E2; found "${line}".`);
  });

  if (!sawMarker && sawHeader) problem(0, `Expected the line "${FAULT_TREE_MARKER}" that marks a fault tree.`);

  const nodes: FtNode[] = [];
  for (const id of order) {
    const d = data.get(id);
    const decl = labels.get(id);
    if (!d) {
      problem(shapeLine.get(id) ?? 0, `Expected a "%% ft:gate ${id} …" or "%% ft:event ${id} …" line saying what ${id} is.`);
      continue;
    }
    if (!decl) {
      problem(dataLine.get(id) ?? 0, `Expected a declaration with a label for ${id}, like ${id}["…"].`);
      continue;
    }
    if (d.gate) {
      if (decl.shape !== undefined) problem(shapeLine.get(id)!, `Expected gate ${id} as a plain rectangle, found shape ${decl.shape}.`);
      nodes.push({ id, type: 'gate', label: decl.label, gate: d.gate, k: d.k, inputs: inputs.get(id) ?? [] });
    } else {
      const kind = d.event!;
      if (decl.shape !== EVENT_SHAPES[kind]) {
        problem(shapeLine.get(id)!, `Expected shape ${EVENT_SHAPES[kind]} for ${kind} event ${id}, found ${decl.shape ?? 'a rectangle'}.`);
      }
      nodes.push({ id, type: 'event', label: decl.label, event: kind, probability: d.probability, houseState: d.houseState });
    }
  }
  for (const [from, n] of edgeLine) {
    const d = data.get(from);
    if (d && !d.gate) problem(n, `Expected edges only from gates, found edges from event ${from}.`);
    else if (!d) problem(n, `Expected edges from a declared gate, found edges from unknown node ${from}.`);
  }
  // Strip undefined optional fields so parse → model equals models built by the edit functions.
  const clean = nodes.map((node) => JSON.parse(JSON.stringify(node)) as FtNode);
  return {
    model: { nodes: clean },
    problems,
    writable: problems.length === 0,
    lines: { data: dataLine, shape: shapeLine, edges: edgeLine },
  };
}
