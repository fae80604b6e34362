/**
 * Creating the tickets of a batch of items, idempotently: first the tracker is asked once which
 * items already have a ticket (their marker), then the others are created one by one. When a
 * create's answer is lost (dropped connection, timeout, 5xx) the marker is looked up again before
 * one more try, so the ticket is never created twice. A refused token, a missing project or a rate
 * limit stops the batch: the results say which items got tickets and which were not tried.
 */
import type { PlannedTicket } from './draft';
import { TrackerError, type TicketRef, type Tracker } from './types';

export type CreateOutcome =
  | { readonly plan: PlannedTicket; readonly kind: 'created' | 'found'; readonly ticket: TicketRef }
  | { readonly plan: PlannedTicket; readonly kind: 'failed'; readonly error: TrackerError }
  | { readonly plan: PlannedTicket; readonly kind: 'not-tried' };

/** Errors after which no further create can succeed in this batch. */
const STOPS_BATCH = new Set(['auth', 'forbidden', 'not-found', 'rate-limit', 'offline', 'config', 'cors']);

export async function createTickets(tracker: Tracker, plans: readonly PlannedTicket[], onOutcome?: (o: CreateOutcome) => void): Promise<CreateOutcome[]> {
  const outcomes: CreateOutcome[] = [];
  const record = (o: CreateOutcome) => {
    outcomes.push(o);
    onOutcome?.(o);
  };
  if (!plans.length) return outcomes;
  const existing = await tracker.findByMarkers(plans.map((p) => p.draft.itemId));
  let stop: TrackerError | undefined;
  for (const plan of plans) {
    if (stop) {
      record({ plan, kind: 'not-tried' });
      continue;
    }
    const found = existing.get(plan.draft.itemId);
    if (found) {
      record({ plan, kind: 'found', ticket: found });
      continue;
    }
    try {
      record(await createOnce(tracker, plan));
    } catch (e) {
      const error = e instanceof TrackerError ? e : new TrackerError('server', `${tracker.name}: ${(e as Error).message}`);
      record({ plan, kind: 'failed', error });
      if (STOPS_BATCH.has(error.kind)) stop = error;
    }
  }
  return outcomes;
}

async function createOnce(tracker: Tracker, plan: PlannedTicket): Promise<CreateOutcome> {
  try {
    return { plan, kind: 'created', ticket: await tracker.create(plan.draft) };
  } catch (e) {
    if (!(e instanceof TrackerError) || !e.ambiguous) throw e;
    // The request may have reached the tracker: look for the marker before trying again.
    const found = (await tracker.findByMarkers([plan.draft.itemId])).get(plan.draft.itemId);
    if (found) return { plan, kind: 'found', ticket: found };
    return { plan, kind: 'created', ticket: await tracker.create(plan.draft) };
  }
}
