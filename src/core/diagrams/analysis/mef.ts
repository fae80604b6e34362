import { reachableFromTop } from '../faultTree/edit';
import type { FaultTree, FtNode } from '../faultTree/model';

/** XML text/attribute escaping (labels are user text). */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than producing a file no tool reads.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An XML NCName without `.` (SCRAM's rule): our ids already are; anything else is made so. */
export function mefName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

/**
 * The tree (the part reachable from the top event) as Open-PSA MEF XML, the format reliability
 * tools such as SCRAM read. Gate labels go in `<label>`; undeveloped and transfer events become
 * basic events (their probability, if any, is used); house events become constants.
 */
export function toOpenPsaMef(tree: FaultTree, name = 'PostmortemFaultTree'): string {
  const reachable = reachableFromTop(tree);
  const nodes = tree.nodes.filter((n) => reachable.has(n.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ref = (id: string): string => {
    const n = byId.get(id)!;
    const tag = n.type === 'gate' ? 'gate' : n.event === 'house' ? 'house-event' : 'basic-event';
    return `<${tag} name="${mefName(id)}"/>`;
  };
  const label = (n: FtNode): string => (n.label ? `\n      <label>${escapeXml(n.label)}</label>` : '');
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<opsa-mef>', `  <define-fault-tree name="${mefName(name)}">`];
  for (const n of nodes) {
    if (n.type !== 'gate') continue;
    const args = n.inputs.map((x) => `        ${ref(x)}`).join('\n');
    const k = n.k ?? 2;
    // k = 1 and k = n are plain OR / AND; SCRAM rejects atleast gates with those bounds.
    const op = n.gate === 'vote' ? (k <= 1 ? 'or' : k >= n.inputs.length ? 'and' : 'atleast') : n.gate;
    if (n.inputs.length === 1) {
      out.push(`    <define-gate name="${mefName(n.id)}">${label(n)}\n      ${ref(n.inputs[0])}\n    </define-gate>`);
      continue;
    }
    out.push(`    <define-gate name="${mefName(n.id)}">${label(n)}\n      <${op}${op === 'atleast' ? ` min="${k}"` : ''}>\n${args}\n      </${op}>\n    </define-gate>`);
  }
  const top = nodes[0];
  if (top && top.type === 'event') {
    // MEF analyses gates: a tree that is a single event gets a pass-through top gate.
    out.push(`    <define-gate name="${mefName(`${top.id}_top`)}">${label(top)}\n      ${ref(top.id)}\n    </define-gate>`);
  }
  out.push('  </define-fault-tree>', '  <model-data>');
  for (const n of nodes) {
    if (n.type !== 'event') continue;
    if (n.event === 'house') {
      out.push(`    <define-house-event name="${mefName(n.id)}">${label(n)}\n      <constant value="${n.houseState ? 'true' : 'false'}"/>\n    </define-house-event>`);
    } else {
      const value = n.probability === undefined ? '' : `\n      <float value="${n.probability}"/>`;
      out.push(`    <define-basic-event name="${mefName(n.id)}">${label(n)}${value}\n    </define-basic-event>`);
    }
  }
  out.push('  </model-data>', '</opsa-mef>', '');
  return out.join('\n');
}
