/**
 * Where an action item and its ticket disagree: an open item whose ticket is closed (the work is
 * done, the post-mortem does not say so) or a done item whose ticket is still open.
 */
import { parseInstant } from '../time/instant';
import { formatLocalDate } from '../time/zones';
import type { TicketState } from './types';

export type Drift =
  | { readonly kind: 'ticket-closed'; readonly closedOn?: string }
  | { readonly kind: 'ticket-open' };

/**
 * `writerZone`: the writer's IANA zone (the CLI's process zone, the editor's `postmortem.zone`), whose
 * calendar the proposed `done:` date is on, as every date a fix writes (writerToday).
 */
export function driftOf(item: { readonly isDone: boolean }, state: TicketState, writerZone: string | undefined): Drift | undefined {
  if (!item.isDone && state.state === 'closed') {
    const closedOn = closedOnFor(state, writerZone);
    return { kind: 'ticket-closed', ...(closedOn ? { closedOn } : {}) };
  }
  if (item.isDone && state.state === 'open') return { kind: 'ticket-open' };
  return undefined;
}

/**
 * The day the ticket was closed in the writer's calendar (YYYY-MM-DD): a ticket closed at
 * 2026-12-06T23:30Z was closed on the 7th in Kolkata and Chatham and on the 6th in Los Angeles,
 * whatever zone the tracker wrote the time in (trial13a F5: GitHub's UTC date and Jira's offset date
 * were proposed as is). Undefined when the tracker gave no time, or one that names no zone or cannot
 * be read: no date rather than a guessed one.
 */
export function closedOnFor(state: TicketState, writerZone: string | undefined): string | undefined {
  if (!state.closedAt) return undefined;
  const parsed = parseInstant(state.closedAt);
  if (!parsed || parsed.zone === undefined) return undefined;
  return formatLocalDate(parsed.ms, writerZone ?? 'UTC');
}
