import {
  addChild, addGate, deleteNode, freshLabel, insertGateAbove, move, printFaultTree, reachableFromTop, rename, reorder,
  type FaultTree, type FtNode,
} from '../../src/core/diagrams';
import type { ActionResult, OutlineModel, OutlineRow, StructuralAction } from './outlineModel';

/**
 * Fault-tree rows: the tree drawn depth-first from the top event, one row per use of a node (a
 * shared event shows under each gate using it). Keys are id paths ("G1/G2/E3"), so the parent of a
 * row is known; nodes nothing leads to are listed last with key "~ID".
 */

const SEP = '/';

export interface RowRef {
  readonly id: string;
  readonly parentId?: string;
  readonly parentKey?: string;
}

export function refOf(key: string): RowRef {
  if (key.startsWith('~')) return { id: key.slice(1) };
  const parts = key.split(SEP);
  return parts.length === 1
    ? { id: parts[0] }
    : { id: parts[parts.length - 1], parentId: parts[parts.length - 2], parentKey: parts.slice(0, -1).join(SEP) };
}

export function badgeOf(node: FtNode): string {
  if (node.type === 'gate') {
    if (node.gate === 'vote') return `${node.k ?? 2} of ${node.inputs.length}`;
    return node.gate.toUpperCase();
  }
  if (node.event === 'house') return `house: ${node.houseState ? 'true' : 'false'}`;
  const kind = node.event === 'basic' ? '' : `${node.event} `;
  return node.probability === undefined ? `${kind}p=?` : `${kind}p=${node.probability}`;
}

function gateAt(tree: FaultTree, id: string | undefined): Extract<FtNode, { type: 'gate' }> | undefined {
  const node = tree.nodes.find((n) => n.id === id);
  return node?.type === 'gate' ? node : undefined;
}

/** A new row's name is one no other node has ("New event 2"), so the analysis can tell the rows apart even unrenamed. */
const newEvent = (tree: FaultTree) => ({ type: 'event', label: freshLabel(tree, 'New event'), event: 'basic' }) as const;
const newGate = (tree: FaultTree) => ({ label: freshLabel(tree, 'New gate'), gate: 'or' }) as const;

export const faultTreeOutline: OutlineModel<FaultTree> = {
  rows(tree) {
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    const uses = new Map<string, number>();
    for (const n of tree.nodes) if (n.type === 'gate') for (const x of n.inputs) uses.set(x, (uses.get(x) ?? 0) + 1);
    const rows: OutlineRow[] = [];
    const walk = (id: string, key: string, depth: number, path: ReadonlySet<string>): void => {
      const node = byId.get(id);
      if (!node) {
        rows.push({ key, depth, label: `${id} (not declared)`, role: 'missing', deletable: true });
        return;
      }
      const shared = (uses.get(id) ?? 0) > 1 ? ' · shared' : '';
      rows.push({ key, depth, label: node.label, badge: badgeOf(node) + shared, role: node.type === 'gate' ? 'gate' : `event ${node.event}`, deletable: depth > 0 });
      if (node.type !== 'gate' || path.has(id)) return;
      const inner = new Set(path).add(id);
      for (const input of node.inputs) walk(input, `${key}${SEP}${input}`, depth + 1, inner);
    };
    if (tree.nodes.length > 0) walk(tree.nodes[0].id, tree.nodes[0].id, 0, new Set());
    const reachable = reachableFromTop(tree);
    for (const n of tree.nodes) {
      if (!reachable.has(n.id)) rows.push({ key: `~${n.id}`, depth: 0, label: n.label, badge: `${badgeOf(n)} · not connected`, role: 'unreachable', deletable: true });
    }
    return rows;
  },

  act(tree, key, action: StructuralAction): ActionResult<FaultTree> {
    const { id, parentId, parentKey } = refOf(key);
    const node = tree.nodes.find((n) => n.id === id);
    const parent = gateAt(tree, parentId);
    const index = parent ? parent.inputs.indexOf(id) : -1;
    const added = (r: { tree: FaultTree; id: string }, under: string): ActionResult<FaultTree> =>
      r.id === '' ? { model: tree } : { model: r.tree, select: `${under}${SEP}${r.id}`, rename: true };
    switch (action) {
      case 'addSibling':
        if (parent && parentKey) return added(addChild(tree, parent.id, newEvent(tree), index + 1), parentKey);
        return node?.type === 'gate' && !key.startsWith('~') ? added(addChild(tree, id, newEvent(tree)), key) : { model: tree };
      case 'addChild': {
        if (node?.type !== 'gate' || key.startsWith('~')) return { model: tree };
        return added(addChild(tree, id, newEvent(tree)), key);
      }
      case 'addGate': {
        // The core's valid steps: a gate comes with two placeholder events (a gate needs 2 inputs);
        // with an event selected the gate takes the event's place and the event becomes its first input.
        if (key.startsWith('~') || !node) return { model: tree };
        if (node.type === 'gate') return added(addGate(tree, id, newGate(tree)), key);
        if (!parent || !parentKey) return { model: tree };
        return added(insertGateAbove(tree, parent.id, id, newGate(tree)), parentKey);
      }
      case 'indent': {
        const target = parent && index > 0 ? gateAt(tree, parent.inputs[index - 1]) : undefined;
        if (!parent || !target || !parentKey) return { model: tree };
        const next = move(tree, id, parent.id, target.id);
        return next === tree ? { model: tree } : { model: next, select: `${parentKey}${SEP}${target.id}${SEP}${id}` };
      }
      case 'outdent': {
        if (!parent || !parentKey) return { model: tree };
        const grand = refOf(parentKey);
        const grandGate = gateAt(tree, grand.parentId);
        if (!grandGate || !grand.parentKey) return { model: tree };
        const next = move(tree, id, parent.id, grandGate.id, grandGate.inputs.indexOf(parent.id) + 1);
        return next === tree ? { model: tree } : { model: next, select: `${grand.parentKey}${SEP}${id}` };
      }
      case 'up':
      case 'down': {
        if (!parent) return { model: tree };
        return { model: reorder(tree, parent.id, id, action === 'up' ? -1 : 1), select: key };
      }
      case 'delete': {
        const next = deleteNode(tree, id, key.startsWith('~') ? undefined : parentId);
        if (next === tree) return { model: tree };
        const siblings = gateAt(next, parentId)?.inputs ?? [];
        const select = parentKey === undefined ? next.nodes[0]?.id
          : siblings.length === 0 ? parentKey : `${parentKey}${SEP}${siblings[Math.min(index, siblings.length - 1)]}`;
        return { model: next, select };
      }
    }
  },

  rename: (tree, key, label) => rename(tree, refOf(key).id, label),

  print: (tree) => printFaultTree(tree),
};

/** What a fault-tree row is: its node's id (ids are the text's own and stable) and the gate it sits under. */
export function faultTreeIdentity(key: string): string {
  const { id, parentId } = refOf(key);
  return JSON.stringify({ id, parentId: parentId ?? null });
}

/** The row `identity` names among `rows`: the same node under the same gate, else its first row; undefined when the node is gone. */
export function locateFaultTreeRow(rows: readonly OutlineRow[], identity: string): string | undefined {
  let wanted: { id: string; parentId: string | null };
  try {
    wanted = JSON.parse(identity) as { id: string; parentId: string | null };
  } catch {
    return undefined;
  }
  let first: string | undefined;
  for (const r of rows) {
    const ref = refOf(r.key);
    if (ref.id !== wanted.id || r.role === 'missing') continue;
    if ((ref.parentId ?? null) === wanted.parentId) return r.key;
    first ??= r.key;
  }
  return first;
}
