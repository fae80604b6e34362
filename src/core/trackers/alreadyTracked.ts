/**
 * The open items `tickets create` leaves alone because they name a ticket already. Each is said
 * with its ticket, so an item whose "ticket" is not one (a link the writer meant as text) is seen
 * instead of skipped without a word (trial 15a F8). The ticket is shown through the redaction
 * check: a pasted webhook is a secret, and the terminal log is no place for it either.
 */
import type { IndexedActionItem, PostmortemSummary } from '../index/summary';
import type { RedactionSettings } from '../redaction/config';
import { TicketRedactor } from './heldBack';
import { KEY_SHAPE } from '../actions/ticketKeys';
import type { TrackerConfig } from './config';
import { TRACKERS } from './registry';

export interface TrackedItem {
  readonly item: IndexedActionItem;
  /** The item's ticket as written, secrets replaced by their placeholder. */
  readonly ticket: string;
  /**
   * A key (`OPS-7`) that cannot be a ticket of the configured tracker (GitHub and GitLab have no
   * keys; another Jira project's): said, as it may be a word of the text (trial18d F8). It still
   * counts as the item's ticket — a team may track some work elsewhere — and `tickets status`
   * lists it as not checked.
   */
  readonly elsewhere?: string;
}

export function alreadyTracked(summary: PostmortemSummary, redaction?: RedactionSettings, tracker?: TrackerConfig): TrackedItem[] {
  const tracked: TrackedItem[] = [];
  for (const item of summary.actionItems) {
    if (item.isDone || !item.ticket) continue;
    const elsewhere = tracker ? notTheTrackers(item.ticket, tracker) : undefined;
    tracked.push({ item, ticket: new TicketRedactor(redaction).clean(item.ticket), ...(elsewhere ? { elsewhere } : {}) });
  }
  return tracked;
}

function notTheTrackers(ticket: string, tracker: TrackerConfig): string | undefined {
  const key = ticket.trim();
  return KEY_SHAPE.test(key) ? TRACKERS[tracker.type]?.foreignKey(key, tracker) : undefined;
}
