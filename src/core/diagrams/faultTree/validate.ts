import type { Severity } from '../../types';
import { reachableFromTop } from './edit';
import type { FaultTree } from './model';

export interface FaultTreeIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly nodeId: string;
  /** Which of the node's lines the issue is about (see FaultTreeLines). */
  readonly on: 'data' | 'shape' | 'edges';
  readonly message: string;
}

/** Structural checks the analysis relies on. A tree with errors here cannot be analysed. */
export function validateFaultTree(tree: FaultTree): FaultTreeIssue[] {
  const issues: FaultTreeIssue[] = [];
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  for (const node of tree.nodes) {
    if (node.type === 'gate') {
      const n = node.inputs.length;
      const unknown = node.inputs.filter((x) => !byId.has(x));
      if (unknown.length > 0) {
        issues.push({ code: 'fault-tree/unknown-node', severity: 'error', nodeId: node.id, on: 'edges', message: `Expected inputs of ${node.id} to be declared nodes, found ${unknown.join(', ')}.` });
      }
      if (new Set(node.inputs).size !== n) {
        issues.push({ code: 'fault-tree/gate-inputs', severity: 'error', nodeId: node.id, on: 'edges', message: `Expected each input of ${node.id} once, found one listed twice.` });
      }
      if (n < 2) {
        issues.push({
          code: 'fault-tree/gate-inputs', severity: n === 0 ? 'error' : 'warning', nodeId: node.id, on: n === 0 ? 'shape' : 'edges',
          message: `Expected gate ${node.id} ("${node.label}") to have at least 2 inputs, found ${n}.`,
        });
      }
      if (node.gate === 'vote' && (node.k === undefined || node.k < 1 || node.k > n)) {
        issues.push({ code: 'fault-tree/k-out-of-range', severity: 'error', nodeId: node.id, on: 'data', message: `Expected k between 1 and ${n} (the number of inputs) for vote gate ${node.id}, found ${node.k}.` });
      }
    } else if (node.probability !== undefined && !(node.probability >= 0 && node.probability <= 1)) {
      issues.push({ code: 'fault-tree/probability-range', severity: 'error', nodeId: node.id, on: 'data', message: `Expected a probability between 0 and 1 for ${node.id}, found ${node.probability}.` });
    }
  }
  for (const id of findCycle(tree)) {
    issues.push({ code: 'fault-tree/cycle', severity: 'error', nodeId: id, on: 'edges', message: `Expected a tree without cycles, found one through ${id}: a gate cannot depend on itself.` });
  }
  const reachable = reachableFromTop(tree);
  const top = tree.nodes[0]?.id;
  for (const node of tree.nodes) {
    if (!reachable.has(node.id)) {
      issues.push({ code: 'fault-tree/unreachable', severity: 'warning', nodeId: node.id, on: 'shape', message: `Expected every node to lead to the top event ${top}, found ${node.id} ("${node.label}") connected to nothing above it.` });
    }
  }
  return issues;
}

/**
 * Gates that close a cycle (one per back edge found by depth-first search). The search runs on an
 * explicit stack: a chain of thousands of gates is a valid tree and must not overflow the call stack.
 */
export function findCycle(tree: FaultTree): string[] {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const state = new Map<string, 1 | 2>();
  const closing: string[] = [];
  for (const root of tree.nodes) {
    if (state.has(root.id)) continue;
    state.set(root.id, 1);
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const n = byId.get(frame.id);
      if (n?.type === 'gate' && frame.next < n.inputs.length) {
        const x = n.inputs[frame.next++];
        const s = state.get(x);
        if (s === 1) closing.push(frame.id);
        else if (s === undefined && byId.has(x)) {
          state.set(x, 1);
          stack.push({ id: x, next: 0 });
        }
        continue;
      }
      state.set(frame.id, 2);
      stack.pop();
    }
  }
  return closing;
}
