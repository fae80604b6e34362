/**
 * What a ticket for an action item says: the item's description as the title, and a body with the
 * owner, due date, priority and a link back to the post-mortem (file and line, as a web link when the
 * repository's address is known), ending with the hidden marker (marker.ts).
 */
import type { IndexedActionItem, PostmortemSummary } from '../index/summary';
import { trackerUser, type OwnerMap, type TrackerConfig } from './config';
import { itemIdOf, markerComment } from './marker';
import { TicketRedactor, type HeldBack } from './heldBack';
import type { RedactionSettings } from '../redaction/config';
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
  /** Secrets and personal data replaced by placeholders in the title and body (heldBack.ts). */
  readonly heldBack?: HeldBack;
}

export interface PlanOptions {
  /** The team's redaction settings (allow list, patterns); the defaults when absent. */
  readonly redaction?: RedactionSettings;
  /** Only the items this accepts. */
  readonly only?: (item: IndexedActionItem) => boolean;
}

const MAX_TITLE = 240;

/** The items of one post-mortem that get a ticket (open, none written yet), each with its draft. */
export function planTickets(summary: PostmortemSummary, source: DraftSource, tracker: TrackerConfig, owners: OwnerMap, options: PlanOptions = {}): PlannedTicket[] {
  const seen = new Map<string, number>();
  const plans: PlannedTicket[] = [];
  for (const item of summary.actionItems) {
    const description = item.description || item.text;
    const occurrence = seen.get(description) ?? 0;
    seen.set(description, occurrence + 1);
    if (item.isDone || item.ticket || (options.only && !options.only(item))) continue;
    // The id hashes the item as written, so the marker stays the same once the file is redacted too.
    const itemId = itemIdOf(summary.id ?? source.path, description, occurrence);
    const assignee = trackerUser(owners, item.owner, tracker.type);
    const redactor = new TicketRedactor(options.redaction);
    const sent = redactor.clean(description);
    const body = bodyOf(summary, source, item, sent, itemId, redactor);
    const heldBack = redactor.heldBack();
    plans.push({
      item,
      draft: {
        itemId,
        title: clipTitle(sent),
        body,
        labels: tracker.labels,
        ...(assignee ? { assignee } : {}),
        ...(item.due ? { due: item.due } : {}),
        ...(item.priority ? { priority: item.priority } : {}),
      },
      ...(item.owner && !assignee ? { unmappedOwner: item.owner } : {}),
      ...(heldBack ? { heldBack } : {}),
    });
  }
  return plans;
}

function clipTitle(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_TITLE ? `${oneLine.slice(0, MAX_TITLE - 1)}…` : oneLine || 'Action item';
}

/**
 * The body, every text from the post-mortem passed through `redactor` before it is escaped (the
 * escaping breaks an address up, so the check must see the text as written).
 */
function bodyOf(summary: PostmortemSummary, source: DraftSource, item: IndexedActionItem, description: string, itemId: string, redactor: TicketRedactor): string {
  const name = [summary.id, summary.title].some(Boolean) ? redactor.clean([summary.id, summary.title].filter(Boolean).join(' · ')) : redactor.cleanPath(source.path);
  const where = `${redactor.cleanPath(source.path)}:${item.line + 1}`;
  const url = source.lineUrl?.(item.line + 1);
  const link = url ? redactor.clean(url) : undefined;
  const lines = [`Action item from the post-mortem **${escapeMarkdown(name)}** (${link ? `[${where}](${link})` : `\`${where}\``}).`, ''];
  lines.push(`> ${escapeMarkdown(description)}`, '');
  // No `@`: the post-mortem's names are not tracker logins, and a mention would ping a stranger.
  if (item.owner) lines.push(`- Owner: ${escapeMarkdown(redactor.clean(item.owner))}`);
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
