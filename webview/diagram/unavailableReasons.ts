import type { StructuralAction } from './outlineModel';

/**
 * Why an outline action does nothing on the selected row, for the tooltip of its disabled button.
 * Whether it applies is decided by trying it on the model (see the sessions); these only explain.
 */
export function faultTreeReason(action: StructuralAction, row: { isTop: boolean; isGate: boolean; connected: boolean }): string {
  if (!row.connected && action !== 'delete') return 'this node is not connected to the top event; connect it in the text, or delete it';
  switch (action) {
    case 'addSibling': return 'the top event has no siblings; add inputs to it instead';
    case 'addChild': return 'an event has no inputs; select a gate';
    case 'addGate': return 'a gate goes under a gate or above one of its inputs; select a gate or an input of one';
    case 'indent': return 'it needs a gate just above it, under the same gate, to move into';
    case 'outdent': return row.isTop ? 'the top event stays at the top' : 'it is already directly under the top event';
    case 'up': return row.isTop ? 'the top event stays at the top' : 'it is already its gate\'s first input';
    case 'down': return row.isTop ? 'the top event stays at the top' : 'it is already its gate\'s last input';
    case 'delete': return 'the top event cannot be deleted';
  }
}

export function fishboneReason(action: StructuralAction, row: { isEffect: boolean; isCategory: boolean }): string {
  if (row.isEffect) return 'the effect stays at the head of the fishbone; rename it instead';
  switch (action) {
    case 'addSibling':
    case 'addChild':
    case 'addGate': return 'nothing can be added here';
    case 'indent': return 'it needs a row just above it, at the same level, to move under';
    case 'outdent': return row.isCategory ? 'categories are the top level' : 'it cannot move further out';
    case 'up': return 'it is already first';
    case 'down': return 'it is already last';
    case 'delete': return 'it cannot be deleted';
  }
}
