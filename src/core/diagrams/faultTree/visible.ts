import type { FtEvent, FtGate, FtNode, GateKind } from './model';

/**
 * The parts of a fault tree (dialect v2) that any Mermaid renderer draws: each gate's kind as the
 * last line of its label ("AND", "OR", "2 of 3") with a class that styles it, each event's
 * probability or state as the last line of its label ("p = 0.01", "on"). They repeat the `%% ft:`
 * data lines, which stay the source of truth: the printer writes them from the data, and the linter
 * reports a drawn part that disagrees with its data line.
 */

/** Shortest text that reads back as the same number (1e-3 stays `0.001`, not `1.0000e-3`). */
export function formatProbability(p: number): string {
  return String(p);
}

/** What the drawing says about a gate: its kind, k-of-n as "k of n" (n = its number of inputs). */
export function gateVisibleText(gate: Pick<FtGate, 'gate' | 'k' | 'inputs'>): string {
  if (gate.gate === 'and') return 'AND';
  if (gate.gate === 'or') return 'OR';
  return `${gate.k ?? 2} of ${gate.inputs.length}`;
}

/** What the drawing says about an event: its probability (`p = ?` when unknown), or a house event's state. */
export function eventVisibleText(event: Pick<FtEvent, 'event' | 'probability' | 'houseState'>): string {
  if (event.event === 'house') return event.houseState ? 'on' : 'off';
  return `p = ${event.probability === undefined ? '?' : formatProbability(event.probability)}`;
}

export function visibleText(node: FtNode): string {
  return node.type === 'gate' ? gateVisibleText(node) : eventVisibleText(node);
}

/** Whether a label's last line has the form of the drawn part for this kind of node (then it is one, not the user's text). */
export function looksVisible(node: { type: 'gate' } | { type: 'event'; event: FtEvent['event'] }, line: string): boolean {
  if (node.type === 'gate') return /^(AND|OR|\d{1,6} of \d{1,6})$/.test(line);
  if (node.event === 'house') return line === 'on' || line === 'off';
  return /^p = \S{1,40}$/.test(line);
}

/** Mermaid class per gate kind (`G1["…"]:::ftAnd`). */
export const GATE_CLASSES = { and: 'ftAnd', or: 'ftOr', vote: 'ftVote' } as const satisfies Record<GateKind, string>;

/**
 * Styles of the gate classes and of single points of failure: a coloured border, readable on light
 * and dark themes (no fill, so Mermaid's theme keeps the text legible), wide enough for high contrast.
 */
export const FAULT_TREE_STYLES = {
  ftAnd: 'stroke:#0969da,stroke-width:3px',
  ftOr: 'stroke:#1a7f37,stroke-width:3px',
  ftVote: 'stroke:#8250df,stroke-width:3px',
  // The outline alone marks it: red label text was 4.4:1 on a high-contrast black page (trial13b F3).
  ftSpof: 'stroke:#e51400,stroke-width:4px',
} as const;

/** The classDef lines a v2 block ends with, in this order (single points of failure are the editor's, not the block's). */
export const GATE_CLASS_DEFS: readonly string[] = (['ftAnd', 'ftOr', 'ftVote'] as const).map((c) => `classDef ${c} ${FAULT_TREE_STYLES[c]}`);
