import type { StructuralAction } from './outlineModel';

/**
 * Why an outline action does nothing on the selected row: the tooltip of its disabled button, and
 * what the page says when its key is pressed anyway ("Cannot indent “X”: it is the first in its
 * category"). Whether it applies is decided by trying it on the model (see the sessions); these only explain.
 */
export interface FaultTreeRowFacts {
  readonly isTop: boolean;
  readonly isGate: boolean;
  readonly connected: boolean;
  /** Its gate's first input (nothing above it under the same gate). */
  readonly isFirst: boolean;
  /** The input just above it under the same gate is a gate (Tab would move the row into it). */
  readonly aboveIsGate: boolean;
  /** Directly an input of the top event. */
  readonly underTop: boolean;
}

export function faultTreeReason(action: StructuralAction, row: FaultTreeRowFacts): string {
  if (!row.connected && action !== 'delete') return 'this node is not connected to the top event; connect it in the text, or delete it';
  switch (action) {
    case 'addSibling': return 'the top event has no siblings; add inputs to it instead';
    case 'addChild': return 'an event has no inputs; select a gate';
    case 'addGate': return 'a gate goes under a gate or above one of its inputs; select a gate or an input of one';
    case 'indent':
      if (row.isTop) return 'the top event stays at the top';
      if (row.isFirst) return 'it is its gate\'s first input: there is no gate above it to move into';
      if (!row.aboveIsGate) return 'the input above it is an event: it can move only into a gate just above it';
      return 'the gate above it already has it as an input, or is under it';
    case 'outdent':
      if (row.isTop) return 'the top event stays at the top';
      return row.underTop ? 'it is already directly under the top event' : 'the gate it would move to already has it as an input';
    case 'up': return row.isTop ? 'the top event stays at the top' : 'it is already its gate\'s first input';
    case 'down': return row.isTop ? 'the top event stays at the top' : 'it is already its gate\'s last input';
    case 'delete': return 'the top event cannot be deleted';
  }
}

export interface FishboneRowFacts {
  readonly isEffect: boolean;
  readonly isCategory: boolean;
  /** Directly under a category (not under another cause). */
  readonly underCategory: boolean;
}

export function fishboneReason(action: StructuralAction, row: FishboneRowFacts): string {
  if (row.isEffect) return 'the effect stays at the head of the fishbone; rename it instead';
  switch (action) {
    case 'addSibling':
    case 'addChild':
    case 'addGate': return 'nothing can be added here';
    case 'indent':
      // Indenting moves a row under the row just above it at its level: the first has none.
      if (row.isCategory) return 'it is the first category: there is no category above it to move under';
      return row.underCategory ? 'it is the first in its category: there is no cause above it to move under' : 'it is the first under its cause: there is no cause above it to move under';
    case 'outdent': return row.isCategory ? 'categories are the top level' : 'it cannot move further out';
    case 'up': return 'it is already first';
    case 'down': return 'it is already last';
    case 'delete': return 'it cannot be deleted';
  }
}
