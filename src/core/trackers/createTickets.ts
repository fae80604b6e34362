/**
 * Creating the tickets of a batch of items, idempotently: first the tracker is asked once which
 * items already have a ticket (their marker), then the others are created one by one. When a
 * create's answer is lost (dropped connection, timeout, 5xx) the marker is looked up again before
 * one more try, so the ticket is never created twice. A refused token, a missing project or a rate
 * limit stops the batch: the results say which items got tickets and which were not tried.
 *
 * A ticket found by a marker is this item's only when its body says so: it names this file, it is
 * not the ticket of another item of the file already, and it is the only one (trial18d F1, F2).
 * Otherwise it is not written into the item, and the outcome says why.
 */
import type { PlannedTicket } from './draft';
import { trimEndWhile } from '../text/trimChars';
import { TrackerError, type FoundTicket, type MarkerLookup, type TicketRef, type Tracker } from './types';

export type CreateOutcome =
  | { readonly plan: PlannedTicket; readonly kind: 'created' | 'found'; readonly ticket: TicketRef; readonly notes?: readonly string[] }
  | { readonly plan: PlannedTicket; readonly kind: 'failed'; readonly error: TrackerError }
  /** Tickets carry this item's marker but may not be its own: none is written into it (the message says which and why). */
  | { readonly plan: PlannedTicket; readonly kind: 'refused'; readonly message: string }
  /** The create's answer was lost and looking for the ticket failed: it may exist (the message says so). */
  | { readonly plan: PlannedTicket; readonly kind: 'unknown'; readonly message: string; readonly error: TrackerError }
  | { readonly plan: PlannedTicket; readonly kind: 'not-tried' };

export interface CreateOptions {
  /** Called with each outcome as it happens (a progress line). */
  readonly onOutcome?: (o: CreateOutcome) => void;
  /** Tickets written into the file's items now (any item, done or open), with their 0-based lines. */
  readonly linked?: readonly { readonly line: number; readonly ticket: string }[];
  /** Called once, after the outcomes, with what the batch as a whole should say (the look-back was partial and it may matter). */
  readonly onNote?: (note: string) => void;
}

/** Errors after which no further create can succeed in this batch. */
const STOPS_BATCH = new Set(['auth', 'forbidden', 'not-found', 'rate-limit', 'offline', 'config', 'cors']);

export async function createTickets(tracker: Tracker, plans: readonly PlannedTicket[], options: CreateOptions = {}): Promise<CreateOutcome[]> {
  const outcomes: CreateOutcome[] = [];
  const record = (o: CreateOutcome) => {
    outcomes.push(o);
    options.onOutcome?.(o);
  };
  if (!plans.length) return outcomes;
  const lookup = await tracker.findByMarkers(plans.flatMap((p) => [p.draft.itemId, p.identity.textId]));
  const judge = new Judge(tracker, plans, options.linked ?? []);
  let stop: TrackerError | undefined;
  const verdicts = plans.map((plan) => judge.verdict(plan, lookup));
  for (const [i, plan] of plans.entries()) {
    if (stop) {
      record({ plan, kind: 'not-tried' });
      continue;
    }
    const verdict = verdicts[i]!;
    if (verdict.kind === 'found') {
      record({ plan, kind: 'found', ticket: verdict.ticket, ...notesOf(verdict.notes) });
      continue;
    }
    if (verdict.kind === 'refused') {
      record({ plan, kind: 'refused', message: verdict.message });
      continue;
    }
    try {
      record(await createOnce(tracker, plan, judge, verdict.notes));
    } catch (e) {
      const error = e instanceof TrackerError ? e : new TrackerError('server', `${tracker.name}: ${(e as Error).message}`);
      record({ plan, kind: 'failed', error });
      if (STOPS_BATCH.has(error.kind)) stop = error;
    }
  }
  const note = partialLookupNote(tracker, lookup, outcomes, options.linked ?? []);
  if (note) options.onNote?.(note);
  return outcomes;
}

/**
 * What a look-back that stopped at its limit means for this batch, when it may matter (review18
 * R7): tickets were created now, and the file has been through a run before — a ticket of this
 * tracker is written into one of its items, or one was found by its marker — so one of those
 * items may have a ticket of an earlier run, older than the issues read, whose address never made
 * it into the file. On a first run in a busy repository nothing is said: there is no earlier ticket.
 */
function partialLookupNote(tracker: Tracker, lookup: MarkerLookup, outcomes: readonly CreateOutcome[], linked: readonly { readonly ticket: string }[]): string | undefined {
  if (lookup.complete) return undefined;
  const created = outcomes.filter((o): o is Extract<CreateOutcome, { ticket: TicketRef }> => o.kind === 'created');
  if (!created.length) return undefined;
  const earlier = lookup.found.size > 0 || linked.some((l) => tracker.ticketKey(l.ticket) !== undefined);
  if (!earlier) return undefined;
  const shown = created.slice(0, 5).map((o) => `${o.ticket.label} (postmortem-item: ${o.plan.draft.itemId})`);
  const more = created.length > shown.length ? ` and ${created.length - shown.length} more` : '';
  return `${tracker.name}: tickets of earlier runs were looked for among the ${lookup.scanned} newest issues only, and this file has been through a run before. If an earlier run made a ticket for an item created now (its answer or the write into the file lost), it is older than those and was not seen: search the tracker for the item's marker — ${shown.join(', ')}${more} — and close the newer ticket if an older one has it.`;
}

async function createOnce(tracker: Tracker, plan: PlannedTicket, judge: Judge, notes: readonly string[]): Promise<CreateOutcome> {
  try {
    return { plan, kind: 'created', ticket: await tracker.create(plan.draft), ...notesOf(notes) };
  } catch (e) {
    if (!(e instanceof TrackerError) || !e.ambiguous) throw e;
    // The request may have reached the tracker: look for the marker before trying again.
    let lookup: MarkerLookup;
    try {
      lookup = await tracker.findByMarkers([plan.draft.itemId, plan.identity.textId]);
    } catch (again) {
      // Which error to name is the create's: the ticket may exist (trial18d F5).
      const lost = again instanceof TrackerError ? again : new TrackerError('server', `${tracker.name}: ${(again as Error).message}`);
      return { plan, kind: 'unknown', error: lost, message: `the ticket may exist: the answer to the create was lost (${e.message}), and looking for it failed (${lost.message}). Run the command again to find it; it does not create a second.` };
    }
    const verdict = judge.verdict(plan, lookup);
    if (verdict.kind === 'found') return { plan, kind: 'found', ticket: verdict.ticket, ...notesOf(verdict.notes) };
    if (verdict.kind === 'refused') return { plan, kind: 'refused', message: verdict.message };
    try {
      return { plan, kind: 'created', ticket: await tracker.create(plan.draft), ...notesOf(verdict.notes) };
    } catch (second) {
      if (second instanceof TrackerError && second.ambiguous) {
        return { plan, kind: 'unknown', error: second, message: `the ticket may exist: the answer to the create was lost twice (${second.message}). Run the command again to find it; it does not create a second.` };
      }
      throw second;
    }
  }
}

function notesOf(notes: readonly string[]): { notes?: readonly string[] } {
  return notes.length ? { notes } : {};
}

type Verdict =
  | { readonly kind: 'found'; readonly ticket: TicketRef; readonly notes: readonly string[] }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'none'; readonly notes: readonly string[] };

/** Decides whether tickets found by an item's markers are its own. */
class Judge {
  /** Ticket identity → the 0-based line of the item it is written into. */
  private readonly linkedAt = new Map<string, number>();
  /** Ticket identity → the plan whose full marker it carries (another item's, for the others). */
  /** Which plan's full marker each found ticket carries, for the lookup it was built from (a retry's lookup builds its own). */
  private claimed: { readonly from: MarkerLookup; readonly by: Map<string, PlannedTicket> } | undefined;

  constructor(tracker: Tracker, private readonly plans: readonly PlannedTicket[], linked: readonly { readonly line: number; readonly ticket: string }[]) {
    for (const l of linked) {
      const key = tracker.ticketKey(l.ticket);
      if (key !== undefined && !this.linkedAt.has(key)) this.linkedAt.set(key, l.line);
    }
  }

  verdict(plan: PlannedTicket, lookup: MarkerLookup): Verdict {
    const notes: string[] = [];
    const here = plan.identity.path;
    // Tickets with this item's full marker (text, owner, due date, position): its own if they name this file.
    const mine: FoundTicket[] = [];
    for (const f of lookup.found.get(plan.draft.itemId) ?? []) {
      const path = namesPath(f.body, here) ? here : pathOf(f.body);
      if (path === undefined || path === here) mine.push(f);
      else notes.push(`${f.ticket.label} carries the same marker but was made for ${path}, another post-mortem with the same id (or this one before a rename): not this item's ticket.`);
    }
    // Tickets of items with the same text and position (or of earlier versions): this item's only
    // when the body names this file, owner and due date, and no other item of the batch claims it.
    for (const f of lookup.found.get(plan.identity.textId) ?? []) {
      if (mine.some((m) => m.ticket.label === f.ticket.label)) continue;
      if (this.claimedBy(f.ticket.label, lookup) || this.linkedAt.has(f.ticket.label)) continue;
      if (!namesPath(f.body, here)) continue;
      const owner = fieldOf(f.body, 'Owner');
      const due = fieldOf(f.body, 'Due');
      if (unescaped(owner) === unescaped(plan.identity.owner) && due === plan.identity.due) mine.push(f);
      else if (plan.identity.sameText === 1) {
        // No other item of the file has this text: the ticket was made for this one, before its
        // owner or due date changed (a create whose answer was lost, then an edit). Taken, not
        // made twice; what the tracker still says is named, to change there.
        mine.push(f);
        notes.push(changedSince(f.ticket.label, { owner: unescaped(owner), due }, { owner: unescaped(plan.identity.owner), due: plan.identity.due }));
      } else notes.push(`${f.ticket.label} was made for an item with this text (${[owner ? `owner ${owner}` : 'no owner', due ? `due ${due}` : 'no due date'].join(', ')}); if it was this item's before its owner or due date changed, close one of the two.`);
    }
    if (mine.length > 1) {
      return { kind: 'refused', message: `${mine.length} tickets carry this item's marker (${mine.map((m) => m.ticket.label).join(', ')}): one was created twice. Close the extra one and write the other's address into the item by hand.` };
    }
    const one = mine[0];
    if (!one) return { kind: 'none', notes };
    const line = this.linkedAt.get(one.ticket.label);
    if (line !== undefined) {
      return { kind: 'refused', message: `${one.ticket.label} carries this item's marker but is the ticket of line ${line + 1} already: not written here too. If this item needs its own ticket, make its text, owner or due date differ from that item's; if it is the same work, remove one of the two items.` };
    }
    return { kind: 'found', ticket: one.ticket, notes };
  }

  /** Whether a ticket carries the full marker of another item of the batch. */
  private claimedBy(label: string, lookup: MarkerLookup): boolean {
    if (this.claimed?.from !== lookup) {
      const by = new Map<string, PlannedTicket>();
      for (const p of this.plans) for (const f of lookup.found.get(p.draft.itemId) ?? []) if (!by.has(f.ticket.label)) by.set(f.ticket.label, p);
      this.claimed = { from: lookup, by };
    }
    return this.claimed.by.has(label);
  }
}

const LEAD = 'Action item from the post-mortem ';

/** A body's first line, when it is the line tickets create writes. */
function leadLine(body: string): string | undefined {
  const first = body.split('\n', 1)[0]!.replace(/\r$/, '').trimEnd();
  return first.startsWith(LEAD) ? first : undefined;
}

/**
 * Whether a ticket body's first line names `path` (from the repository root) as the post-mortem
 * it was made from, in one of the forms the plan writes: `(`PATH:LINE`).`, `([PATH:LINE](URL)).`,
 * or Jira's text of either (`(PATH:LINE).`, `(`PATH:LINE`).`). The path is compared whole, not
 * parsed out of the line: the title before it may hold any of these brackets (review18 R1, R6).
 */
export function namesPath(body: string, path: string): boolean {
  const first = leadLine(body);
  if (first === undefined) return false;
  for (const opener of ['(`', '([', '(']) {
    const needle = `${opener}${path}:`;
    const at = first.lastIndexOf(needle);
    if (at < 0) continue;
    let end = at + needle.length;
    const digits = end;
    while (end < first.length && first.charCodeAt(end) >= 48 && first.charCodeAt(end) <= 57) end++;
    if (end === digits) continue;
    const rest = first.slice(end);
    if (opener === '(`' && rest === '`).') return true;
    if (opener === '(' && rest === ').') return true;
    if (opener === '([' && rest.startsWith('](') && rest.endsWith(')).')) return true;
  }
  return false;
}

/**
 * The post-mortem's path a ticket body names, for saying which file a ticket was made for: its
 * first line ends `** (`PATH:LINE`).` or `** ([PATH:LINE](URL)).` (Jira's text: `** (PATH:LINE).`).
 * Read after the last `** (`, the title's end, so brackets in the title are
 * not taken for the path. Undefined when the body does not say. Whether a ticket names *this* file
 * is `namesPath`'s to say.
 */
export function pathOf(body: string): string | undefined {
  const first = leadLine(body);
  if (first === undefined) return undefined;
  const bold = first.lastIndexOf('** (');
  if (bold < 0) return undefined;
  let where = first.slice(bold + 4);
  if (where.startsWith('[')) {
    const link = where.lastIndexOf('](');
    if (link < 0) return undefined;
    where = where.slice(1, link);
  } else {
    where = trimEndWhile(where.replace(/^`/, ''), (ch) => ch === '`' || ch === ')' || ch === '.');
  }
  const colon = where.lastIndexOf(':');
  if (colon <= 0 || !/^\d+$/.test(where.slice(colon + 1))) return undefined;
  return where.slice(0, colon);
}

/** The value of a body's `- Owner: …` / `- Due: …` line, when it has one. */
function fieldOf(body: string, name: string): string | undefined {
  const prefix = `- ${name}: `;
  for (const line of body.split('\n')) if (line.startsWith(prefix)) return line.slice(prefix.length).replace(/\r$/, '').trim();
  return undefined;
}

/** The note for a ticket taken after its item's owner or due date changed: what to change in the tracker. */
function changedSince(label: string, was: { owner?: string; due?: string }, now: { owner?: string; due?: string }): string {
  const parts: string[] = [];
  if (was.owner !== now.owner) parts.push(`owner ${was.owner ?? 'none'} (now ${now.owner ?? 'none'})`);
  if (was.due !== now.due) parts.push(`due ${was.due ?? 'none'} (now ${now.due ?? 'none'})`);
  return `${label} was made for this item by an earlier run (its answer lost) when it said ${parts.join(', ')}: it is this item's ticket, written in, not created again; its assignee, due date and body still say what the item said then: change them in the tracker.`;
}

/**
 * A body's value without the escapes a rendered body's text gets (draft.ts): a Jira body written
 * before its text went unescaped (trial18d F10) names the same owner as one written after.
 */
function unescaped(value: string | undefined): string | undefined {
  return value?.replace(/@\u200b/g, '@').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
