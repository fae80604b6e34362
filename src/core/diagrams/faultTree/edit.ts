import { faultTreeCauseLabel } from '../../template/placeholders';
import { labelKey } from '../labelKey';
import type { EventKind, FaultTree, FtEvent, FtGate, FtNode, GateKind } from './model';

/**
 * Pure edits on a fault tree. Each returns a new tree; nodes the edit does not concern keep their
 * identity, so the printed text changes only on their lines. An edit that cannot apply (unknown id,
 * a gate where an event is needed, a move that would make a cycle) returns the same tree object.
 */

export type NewNode =
  | { type: 'gate'; label: string; gate: GateKind; k?: number }
  | { type: 'event'; label: string; event: EventKind; probability?: number; houseState?: boolean };

/** Next free generated id: `G<n>` for gates, `E<n>` for events. Ids never come from user text. */
export function nextId(tree: FaultTree, prefix: 'G' | 'E'): string {
  let max = 0;
  for (const n of tree.nodes) {
    const m = /^([GE])(\d+)$/.exec(n.id);
    if (m && m[1] === prefix) max = Math.max(max, Number(m[2]));
  }
  return `${prefix}${max + 1}`;
}

function replace(tree: FaultTree, id: string, update: (node: FtNode) => FtNode): FaultTree {
  let changed = false;
  const nodes = tree.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = update(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { nodes } : tree;
}

function gateOf(tree: FaultTree, id: string): FtGate | undefined {
  const n = tree.nodes.find((x) => x.id === id);
  return n?.type === 'gate' ? n : undefined;
}

export function addChild(tree: FaultTree, parentId: string, child: NewNode, index?: number): { tree: FaultTree; id: string } {
  const parent = gateOf(tree, parentId);
  if (!parent) return { tree, id: '' };
  const id = nextId(tree, child.type === 'gate' ? 'G' : 'E');
  const node: FtNode = child.type === 'gate'
    ? { id, type: 'gate', label: child.label, gate: child.gate, ...(child.gate === 'vote' ? { k: child.k ?? 2 } : {}), inputs: [] }
    : {
      id, type: 'event', label: child.label, event: child.event,
      ...(child.event === 'house' ? { houseState: child.houseState ?? false } : {}),
      ...(child.event !== 'house' && child.probability !== undefined ? { probability: child.probability } : {}),
    };
  const at = index === undefined ? parent.inputs.length : Math.max(0, Math.min(index, parent.inputs.length));
  const withEdge = replace(tree, parentId, () => ({ ...parent, inputs: [...parent.inputs.slice(0, at), id, ...parent.inputs.slice(at)] }));
  // Place the new node's lines after its parent and its parent's other inputs, where a reader looks.
  const neighbours = new Set([parentId, ...parent.inputs]);
  let after = 0;
  withEdge.nodes.forEach((n, i) => {
    if (neighbours.has(n.id)) after = i;
  });
  return { tree: { nodes: [...withEdge.nodes.slice(0, after + 1), node, ...withEdge.nodes.slice(after + 1)] }, id };
}

/** Makes an existing node (a shared event or gate) an input of another gate too. */
export function linkChild(tree: FaultTree, parentId: string, childId: string): FaultTree {
  const parent = gateOf(tree, parentId);
  if (!parent || parent.inputs.includes(childId) || !tree.nodes.some((n) => n.id === childId)) return tree;
  if (childId === parentId || reaches(tree, childId, parentId)) return tree;
  return replace(tree, parentId, () => ({ ...parent, inputs: [...parent.inputs, childId] }));
}

export function rename(tree: FaultTree, id: string, label: string): FaultTree {
  return replace(tree, id, (n) => (n.label === label ? n : { ...n, label }));
}

/** Sets a gate's kind; `vote` needs k (kept when already a vote gate, else 2). */
export function setGateKind(tree: FaultTree, id: string, gate: GateKind, k?: number): FaultTree {
  return replace(tree, id, (n) => {
    if (n.type !== 'gate') return n;
    if (gate !== 'vote') {
      if (n.gate === gate) return n;
      return { id: n.id, type: 'gate', label: n.label, gate, inputs: n.inputs };
    }
    const nextK = k ?? n.k ?? 2;
    return n.gate === 'vote' && n.k === nextK ? n : { ...n, gate, k: nextK };
  });
}

export function setProbability(tree: FaultTree, id: string, probability: number | undefined): FaultTree {
  return replace(tree, id, (n) => {
    if (n.type !== 'event' || n.event === 'house' || n.probability === probability) return n;
    const { probability: _old, ...rest } = n;
    return probability === undefined ? rest : { ...rest, probability };
  });
}

export function setEventKind(tree: FaultTree, id: string, event: EventKind, houseState = false): FaultTree {
  return replace(tree, id, (n) => {
    if (n.type !== 'event' || n.event === event) return n;
    const base: FtEvent = { id: n.id, type: 'event', label: n.label, event };
    if (event === 'house') return { ...base, houseState };
    return n.probability === undefined ? base : { ...base, probability: n.probability };
  });
}

export function setHouseState(tree: FaultTree, id: string, houseState: boolean): FaultTree {
  return replace(tree, id, (n) => (n.type === 'event' && n.event === 'house' && n.houseState !== houseState ? { ...n, houseState } : n));
}

/** True when `to` is reachable from `from` following inputs. */
export function reaches(tree: FaultTree, from: string, to: string): boolean {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = byId.get(id);
    if (n?.type === 'gate') for (const x of n.inputs) stack.push(x);
  }
  return false;
}

/**
 * Removes the edge parent → id; then every node no longer reachable from the top goes too (the
 * subtree), except shared nodes still used elsewhere. Without a parent, deletes the node and its
 * now-orphaned subtree from wherever it is used. The top event cannot be deleted.
 */
export function deleteNode(tree: FaultTree, id: string, parentId?: string): FaultTree {
  if (tree.nodes.length === 0 || tree.nodes[0].id === id || !tree.nodes.some((n) => n.id === id)) return tree;
  const detached = tree.nodes.map((n) => {
    if (n.type !== 'gate' || !n.inputs.includes(id) || (parentId !== undefined && n.id !== parentId)) return n;
    return { ...n, inputs: n.inputs.filter((x) => x !== id) };
  });
  const before = reachableFromTop(tree);
  const after = reachableFromTop({ nodes: detached });
  // Only drop what this edit orphaned; nodes that were already unreachable stay for the user to fix.
  return { nodes: detached.filter((n) => after.has(n.id) || !before.has(n.id)) };
}

export function reachableFromTop(tree: FaultTree): Set<string> {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  // An explicit stack: trees thousands of gates deep are valid.
  const stack = tree.nodes.length > 0 ? [tree.nodes[0].id] : [];
  while (stack.length > 0) {
    const nid = stack.pop()!;
    if (seen.has(nid)) continue;
    seen.add(nid);
    const n = byId.get(nid);
    if (n?.type === 'gate') for (const x of n.inputs) if (!seen.has(x)) stack.push(x);
  }
  return seen;
}

/** Moves an input up (-1) or down (+1) among its parent's inputs. */
export function reorder(tree: FaultTree, parentId: string, id: string, delta: number): FaultTree {
  const parent = gateOf(tree, parentId);
  const from = parent?.inputs.indexOf(id) ?? -1;
  if (!parent || from < 0) return tree;
  const to = Math.max(0, Math.min(parent.inputs.length - 1, from + delta));
  if (to === from) return tree;
  const inputs = parent.inputs.filter((x) => x !== id);
  inputs.splice(to, 0, id);
  return replace(tree, parentId, () => ({ ...parent, inputs }));
}

/** Moves a node from one gate to another (at `index`); refused if it would create a cycle. */
export function move(tree: FaultTree, id: string, fromParentId: string, toParentId: string, index?: number): FaultTree {
  const from = gateOf(tree, fromParentId);
  const to = gateOf(tree, toParentId);
  if (!from || !to || !from.inputs.includes(id)) return tree;
  if (fromParentId === toParentId) return reorder(tree, fromParentId, id, (index ?? from.inputs.length) - from.inputs.indexOf(id));
  if (to.inputs.includes(id) || id === toParentId || reaches(tree, id, toParentId)) return tree;
  const at = index === undefined ? to.inputs.length : Math.max(0, Math.min(index, to.inputs.length));
  const removed = replace(tree, fromParentId, () => ({ ...from, inputs: from.inputs.filter((x) => x !== id) }));
  return replace(removed, toParentId, () => ({ ...to, inputs: [...to.inputs.slice(0, at), id, ...to.inputs.slice(at)] }));
}

const placeholder = (label: string): NewNode => ({ type: 'event', label, event: 'basic' });

/** The n-th placeholder cause (0-based), from the one list the rules read too. */
const causeLabel = faultTreeCauseLabel;

/**
 * `count` placeholder cause labels that no node of `tree` has, the first one no earlier than the
 * `from`-th. A new gate beside an existing "Second cause" gave a second "Second cause", and the
 * analysis then listed two events nobody could tell apart (trial T12). Each taken label skips at
 * most one candidate, so the loop ends within nodes + count steps.
 */
export function freshCauseLabels(tree: FaultTree, count: number, from: number): string[] {
  const taken = new Set(tree.nodes.map((n) => labelKey(n.label)));
  const out: string[] = [];
  for (let n = from; out.length < count; n++) {
    const label = causeLabel(n);
    if (!taken.has(labelKey(label))) out.push(label);
  }
  return out;
}

/** `base` when no node of `tree` has that label, else `base 2`, `base 3` … (the first one free). */
export function freshLabel(tree: FaultTree, base: string): string {
  const taken = new Set(tree.nodes.map((n) => labelKey(n.label)));
  if (!taken.has(labelKey(base))) return base;
  for (let n = 2; ; n++) if (!taken.has(labelKey(`${base} ${n}`))) return `${base} ${n}`;
}

/**
 * Adds a gate under `parentId` with two placeholder basic events (probability unknown, drawn
 * `p = ?`, labels no other node has: "First cause", "Second cause", else "Third cause" …), so the tree stays valid at every step: an empty gate is an error ("at least 2 inputs").
 * A vote gate gets k = 2 (2 of 2) unless given. Returns the same tree and empty ids when the parent
 * is not a gate.
 */
export function addGate(
  tree: FaultTree, parentId: string, gate: { readonly label: string; readonly gate: GateKind; readonly k?: number }, index?: number,
): { tree: FaultTree; id: string; inputIds: string[] } {
  const added = addChild(tree, parentId, { type: 'gate', ...gate }, index);
  if (added.id === '') return { tree, id: '', inputIds: [] };
  let next = added.tree;
  const inputIds: string[] = [];
  for (const label of freshCauseLabels(tree, 2, 0)) {
    const r = addChild(next, added.id, placeholder(label));
    next = r.tree;
    inputIds.push(r.id);
  }
  return { tree: next, id: added.id, inputIds };
}

/**
 * Puts a new gate between `parentId` and its input `childId` (what "Add gate" means with an event
 * selected): the gate takes the child's place among the parent's inputs, and its inputs are the
 * child and one placeholder event, so it is valid at once. Returns the same tree and empty ids when
 * `childId` is not an input of a gate `parentId`.
 */
export function insertGateAbove(
  tree: FaultTree, parentId: string, childId: string, gate: { readonly label: string; readonly gate: GateKind; readonly k?: number },
): { tree: FaultTree; id: string; inputIds: string[] } {
  const parent = gateOf(tree, parentId);
  const at = parent?.inputs.indexOf(childId) ?? -1;
  if (!parent || at < 0) return { tree, id: '', inputIds: [] };
  const added = addChild(tree, parentId, { type: 'gate', ...gate }, at);
  const moved = move(added.tree, childId, parentId, added.id, 0);
  // The event is the gate's first input, so its placeholder is the second cause (or the next one free).
  const r = addChild(moved, added.id, placeholder(freshCauseLabels(tree, 1, 1)[0]));
  return { tree: r.tree, id: added.id, inputIds: [childId, r.id] };
}
