/**
 * What a ticket for an action item says: the item's description as the title, and a body with the
 * owner, due date, priority and a link back to the post-mortem (file and line, as a web link when the
 * repository's address is known), ending with the hidden marker (marker.ts).
 */
import type { IndexedActionItem, PostmortemSummary } from '../index/summary';
import { trackerUser, type OwnerMap, type TrackerConfig } from './config';
import { itemIdOf, markerComment } from './marker';
import type { TicketDraft } from './types';

export interface DraftSource {
  /** The post-mortem's path relative to the repository (`/`-separated), for the body and the id. */
  readonly path: string;
  /** Web address of the file at a line (`https://github.com/acme/shop/blob/HEAD/pm/x.md#L40`), when known. */
  readonly lineUrl?: (line: number) => string | undefined;
}

/** One item that may get a ticket, with its draft; `skip` says why not (done, has one already). */
export interface PlannedTicket {
  readonly item: IndexedActionItem;
  readonly draft: TicketDraft;
  /** The item's `@owner` with no mapping in "owners": the ticket is created unassigned (said in the preview). */
  readonly unmappedOwner?: string;
}

const MAX_TITLE = 240;

/** The items of one post-mortem that get a ticket (open, none written yet), each with its draft. */
export function planTickets(summary: PostmortemSummary, source: DraftSource, tracker: TrackerConfig, owners: OwnerMap, only?: (item: IndexedActionItem) => boolean): PlannedTicket[] {
  const seen = new Map<string, number>();
  const plans: PlannedTicket[] = [];
  for (const item of summary.actionItems) {
    const description = item.description || item.text;
    const occurrence = seen.get(description) ?? 0;
    seen.set(description, occurrence + 1);
    if (item.isDone || item.ticket || (only && !only(item))) continue;
    const itemId = itemIdOf(summary.id ?? source.path, description, occurrence);
    const assignee = trackerUser(owners, item.owner, tracker.type);
    plans.push({
      item,
      draft: {
        itemId,
        title: clipTitle(description),
        body: bodyOf(summary, source, item, itemId),
        labels: tracker.labels,
        ...(assignee ? { assignee } : {}),
        ...(item.due ? { due: item.due } : {}),
        ...(item.priority ? { priority: item.priority } : {}),
      },
      ...(item.owner && !assignee ? { unmappedOwner: item.owner } : {}),
    });
  }
  return plans;
}

function clipTitle(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_TITLE ? `${oneLine.slice(0, MAX_TITLE - 1)}…` : oneLine || 'Action item';
}

function bodyOf(summary: PostmortemSummary, source: DraftSource, item: IndexedActionItem, itemId: string): string {
  const name = [summary.id, summary.title].filter(Boolean).join(' · ') || source.path;
  const where = `${source.path}:${item.line + 1}`;
  const url = source.lineUrl?.(item.line + 1);
  const lines = [`Action item from the post-mortem **${escapeMarkdown(name)}** (${url ? `[${where}](${url})` : `\`${where}\``}).`, ''];
  lines.push(`> ${escapeMarkdown(item.description || item.text)}`, '');
  // No `@`: the post-mortem's names are not tracker logins, and a mention would ping a stranger.
  if (item.owner) lines.push(`- Owner: ${escapeMarkdown(item.owner)}`);
  if (item.due) lines.push(`- Due: ${item.due}`);
  if (item.priority) lines.push(`- Priority: ${item.priority}`);
  if (item.impact) lines.push(`- Impact: ${item.impact}`);
  if (item.effort) lines.push(`- Effort: ${item.effort}`);
  lines.push('', markerComment(itemId));
  return lines.join('\n');
}

/** Keeps item text from turning into markup or a mention storm in the ticket (`@team`, `<script>`). */
function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/@(?=[\w-])/g, '@\u200b');
}
