/**
 * What a ticket for an action item says: the item's description as the title, and a body with the
 * owner, due date, priority and a link back to the post-mortem (file and line, as a web link when the
 * repository's address is known), ending with the hidden marker (marker.ts).
 */
import type { IndexedActionItem, PostmortemSummary } from '../index/summary';
import { trackerUser, type OwnerMap, type TrackerConfig } from './config';
import { itemIdOf, markerComment, normalDescription } from './marker';
import { TicketRedactor, type HeldBack } from './heldBack';
import type { RedactionSettings } from '../redaction/config';
import type { TicketDraft } from './types';
import { TRACKERS } from './registry';
import { parseActionText } from '../actions/itemGrammar';
import { isPlaceholderOwner } from '../actions/placeholders';
import { plainLabel } from '../text/plainLabel';

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
  /** A second `@name` on the item's line: a ticket has one assignee, this one is not assigned (said in the preview and report). */
  readonly otherOwner?: string;
  /** Secrets and personal data replaced by placeholders in the title and body (heldBack.ts). */
  readonly heldBack?: HeldBack;
  /** What the body of a ticket made for this item says (createTickets checks a found ticket against it). */
  readonly identity: ItemIdentity;
}

/** The parts of a ticket's body that tie it to its item, as the body writes them. */
export interface ItemIdentity {
  /** The post-mortem's path as the body names it (`pm/x.md`, redacted like the body). */
  readonly path: string;
  /** The `- Owner:` line's value, when the item has an owner. */
  readonly owner?: string;
  readonly due?: string;
  /**
   * The item's id by its description and position only (earlier versions' marker, also in every
   * body): a ticket found by it may be another item's with the same text, so it is taken only when
   * its body names this file, owner and due date.
   */
  readonly textId: string;
  /**
   * How many items of the file (done or open, with a ticket or not) have this description, this
   * one included. When it is the only one, a ticket found by its text id that names this file is
   * its own even when the owner or due date changed since (a lost answer, then an edit).
   */
  readonly sameText: number;
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
  const seenWho = new Map<string, number>();
  const plans: PlannedTicket[] = [];
  const key = summary.id ?? source.path;
  const sameText = new Map<string, number>();
  for (const item of summary.actionItems) {
    const said = normalDescription(item.description || item.text);
    sameText.set(said, (sameText.get(said) ?? 0) + 1);
  }
  // Jira's ADF shows an escape as written: `&lt;`, and an e-mail broken by a zero-width space (trial18d F10).
  const escape = TRACKERS[tracker.type]?.bodyMarkup !== 'converted' ? escapeMarkdown : (text: string) => text;
  for (const item of summary.actionItems) {
    const description = item.description || item.text;
    // Positions count every item, done or with a ticket, so an item's id does not change when another gets one.
    const occurrence = seen.get(description) ?? 0;
    seen.set(description, occurrence + 1);
    const who = { owner: item.owner ?? '', due: item.due ?? '' };
    const whoKey = `${normalDescription(description)}\u0000${who.owner.toLowerCase()}\u0000${who.due}`;
    const whoOccurrence = seenWho.get(whoKey) ?? 0;
    seenWho.set(whoKey, whoOccurrence + 1);
    if (item.isDone || item.ticket || (options.only && !options.only(item))) continue;
    // The id hashes the item as written, so the marker stays the same once the file is redacted too.
    // Owner and due date are part of it: after a reorder, an item never takes the ticket of another
    // item with the same text (trial18d F1).
    const itemId = itemIdOf(key, description, whoOccurrence, who);
    const textId = itemIdOf(key, description, occurrence);
    const assignee = trackerUser(owners, item.owner, tracker.type);
    const redactor = new TicketRedactor(options.redaction);
    // The title is the first line's words, without Markdown (titles do not render it); the body has
    // the whole description, continuation lines too (trial18d F11, F12).
    const firstLine = parseActionText(item.text, { dueInWords: true });
    const first = item.form === 'task' && firstLine.description && description.startsWith(firstLine.description) ? firstLine.description : description;
    const sentFirst = redactor.clean(first);
    const sent = first === description ? sentFirst : `${sentFirst}${redactor.clean(description.slice(first.length))}`;
    const otherOwner = firstLine.otherOwner && !isPlaceholderOwner(firstLine.otherOwner.value) && firstLine.otherOwner.value !== item.owner ? firstLine.otherOwner.value : undefined;
    const body = bodyOf(summary, source, item, sent, [itemId, textId], redactor, escape);
    const heldBack = redactor.heldBack();
    const identity: ItemIdentity = {
      path: new TicketRedactor(options.redaction).cleanPath(source.path),
      ...(item.owner ? { owner: escape(new TicketRedactor(options.redaction).clean(item.owner)) } : {}),
      ...(item.due ? { due: item.due } : {}),
      textId,
      sameText: sameText.get(normalDescription(description)) ?? 1,
    };
    plans.push({
      item,
      draft: {
        itemId,
        title: clipTitle(plainLabel(sentFirst)),
        body,
        labels: tracker.labels,
        ...(assignee ? { assignee } : {}),
        ...(item.due ? { due: item.due } : {}),
        ...(item.priority ? { priority: item.priority } : {}),
      },
      ...(item.owner && !assignee ? { unmappedOwner: item.owner } : {}),
      ...(otherOwner ? { otherOwner } : {}),
      ...(heldBack ? { heldBack } : {}),
      identity,
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
function bodyOf(summary: PostmortemSummary, source: DraftSource, item: IndexedActionItem, description: string, itemIds: readonly string[], redactor: TicketRedactor, escape: (text: string) => string): string {
  const name = [summary.id, summary.title].some(Boolean) ? redactor.clean([summary.id, summary.title].filter(Boolean).join(' · ')) : redactor.cleanPath(source.path);
  const where = `${redactor.cleanPath(source.path)}:${item.line + 1}`;
  const url = source.lineUrl?.(item.line + 1);
  const link = url ? redactor.clean(url) : undefined;
  const lines = [`Action item from the post-mortem **${escape(name)}** (${link ? `[${where}](${link})` : `\`${where}\``}).`, ''];
  lines.push(`> ${escape(description)}`, '');
  // No `@`: the post-mortem's names are not tracker logins, and a mention would ping a stranger.
  if (item.owner) lines.push(`- Owner: ${escape(redactor.clean(item.owner))}`);
  if (item.due) lines.push(`- Due: ${item.due}`);
  if (item.priority) lines.push(`- Priority: ${item.priority}`);
  if (item.impact) lines.push(`- Impact: ${item.impact}`);
  if (item.effort) lines.push(`- Effort: ${item.effort}`);
  lines.push('');
  for (const id of itemIds) lines.push(markerComment(id));
  return lines.join('\n');
}

/** Keeps item text from turning into markup or a mention storm in a rendered ticket (`@team`, `<script>`). */
function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/@(?=[\w-])/g, '@\u200b');
}

/**
 * A repository path as the path of a web address (`pm/outage%20%282%29.md`): each segment
 * percent-encoded, parentheses too (encodeURIComponent leaves them), so a Markdown link to it is
 * never cut at a `)` by a reader that does not balance parentheses (review18 r18t).
 */
export function urlPathOf(rel: string): string {
  return rel.split('/').map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))).join('/');
}
