/**
 * Where an action item and its ticket disagree: an open item whose ticket is closed (the work is
 * done, the post-mortem does not say so) or a done item whose ticket is still open.
 */
import type { TicketState } from './types';

export type Drift =
  | { readonly kind: 'ticket-closed'; readonly closedOn?: string }
  | { readonly kind: 'ticket-open' };

export function driftOf(item: { readonly isDone: boolean }, state: TicketState): Drift | undefined {
  if (!item.isDone && state.state === 'closed') return { kind: 'ticket-closed', ...(state.closedOn ? { closedOn: state.closedOn } : {}) };
  if (item.isDone && state.state === 'open') return { kind: 'ticket-open' };
  return undefined;
}
