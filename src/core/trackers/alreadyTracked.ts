/**
 * The open items `tickets create` leaves alone because they name a ticket already. Each is said
 * with its ticket, so an item whose "ticket" is not one (a link the writer meant as text) is seen
 * instead of skipped without a word (trial 15a F8). The ticket is shown through the redaction
 * check: a pasted webhook is a secret, and the terminal log is no place for it either.
 */
import type { IndexedActionItem, PostmortemSummary } from '../index/summary';
import type { RedactionSettings } from '../redaction/config';
import { TicketRedactor } from './heldBack';

export interface TrackedItem {
  readonly item: IndexedActionItem;
  /** The item's ticket as written, secrets replaced by their placeholder. */
  readonly ticket: string;
}

export function alreadyTracked(summary: PostmortemSummary, redaction?: RedactionSettings): TrackedItem[] {
  const tracked: TrackedItem[] = [];
  for (const item of summary.actionItems) {
    if (item.isDone || !item.ticket) continue;
    tracked.push({ item, ticket: new TicketRedactor(redaction).clean(item.ticket) });
  }
  return tracked;
}
