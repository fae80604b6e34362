import { FAULT_TREE_TOP_PLACEHOLDER, faultTreeCauseLabel } from '../../template/placeholders';
/**
 * A fault tree: the first node is the top event. Gates combine their inputs; events are leaves.
 * A node may be the input of several gates (a shared event); the structure is a DAG.
 */
export type GateKind = 'and' | 'or' | 'vote';
export type EventKind = 'basic' | 'undeveloped' | 'house' | 'transfer';

export interface FtGate {
  readonly id: string;
  readonly type: 'gate';
  readonly label: string;
  readonly gate: GateKind;
  /** For `vote` (k-of-n): how many inputs must fail. n is the number of inputs. */
  readonly k?: number;
  /** Ids of the inputs, in drawing order. */
  readonly inputs: readonly string[];
}

export interface FtEvent {
  readonly id: string;
  readonly type: 'event';
  readonly label: string;
  readonly event: EventKind;
  /** Failure probability in [0, 1]; absent when unknown. Not used for house events. */
  readonly probability?: number;
  /** House events are switches: true = the condition holds. */
  readonly houseState?: boolean;
}

export type FtNode = FtGate | FtEvent;

export interface FaultTree {
  /** In print order; nodes[0] is the top event. */
  readonly nodes: readonly FtNode[];
}

/** Mermaid shape per event kind (gates are plain rectangles). */
export const EVENT_SHAPES: Record<EventKind, string> = {
  basic: 'circle',
  undeveloped: 'diam',
  house: 'notch-pent',
  transfer: 'tri',
};

export function nodeMap(tree: FaultTree): Map<string, FtNode> {
  return new Map(tree.nodes.map((n) => [n.id, n]));
}

/** A top gate without inputs: a building block for code, not yet a valid tree (see newFaultTreeTemplate). */
export function newFaultTree(topLabel: string): FaultTree {
  return { nodes: [{ id: 'G1', type: 'gate', label: topLabel, gate: 'or', inputs: [] }] };
}

/**
 * The tree a new fault-tree block starts with, valid as it stands: an OR top event over two basic
 * events whose probabilities are unknown (drawn `p = ?`) until the user sets them. Invented numbers
 * would look like data.
 */
export function newFaultTreeTemplate(topLabel = FAULT_TREE_TOP_PLACEHOLDER): FaultTree {
  return {
    nodes: [
      { id: 'G1', type: 'gate', label: topLabel, gate: 'or', inputs: ['E1', 'E2'] },
      { id: 'E1', type: 'event', label: faultTreeCauseLabel(0), event: 'basic' },
      { id: 'E2', type: 'event', label: faultTreeCauseLabel(1), event: 'basic' },
    ],
  };
}
