import { isPointerOnly } from './links';
import { ticketOpened } from './done';

/**
 * A step of the response told in the past, with its sequence word ("The team then raised an AWS
 * support ticket …", "We subsequently paged …") or a verb of receiving ("Got guidance from AWS
 * support …", "Received a reply …"): what happened, not work to do.
 */
const NARRATIVE = /^(?:(?:(?:the|our)\s(?:[\w-]{1,30}\s)?(?:team|engineers?|on-call|responders?)|we|they)\s(?:then|subsequently|later|eventually|finally)\s([a-z]{2,20})\b|(?:we\s|the team\s)?(?:got|received|obtained|heard back)\s)/i;
/** Past forms a step is told in: regular `-ed` (not "need", "proceed", "planned" …) or a common irregular one. */
const IRREGULAR_PAST = /^(?:went|sent|spent|took|made|brought|sought|caught|saw|knew|drew|began|found|held|met|told|wrote|ran|gave|got|did|had|was|were)$/;
const NOT_A_STEP = /^(?:need|needed|proceed|exceed|succeed|embed|speed|feed|bleed|seed|planned|proposed|intended|wanted|expected|scheduled|agreed|decided)$/;

/**
 * Why a list item under a follow-up heading is not open work, or undefined when it may be: a step
 * of the response told in the past, or only a link (corpus F8: "The team then raised …", "Got
 * guidance …" and the bare PR links under "### Fixes" were written as open items, so old reviews
 * showed open work that was done). The caller writes them as done: the team listed them with its
 * follow-ups, and a bare link is done only under a Fixes heading (elsewhere it may track open work).
 */
export function notWorkReason(item: string): 'response step' | 'reference' | undefined {
  const t = item.replace(/^(?:\*\*|__)/, '').trim();
  if (t.length > 2000) return undefined;
  const n = NARRATIVE.exec(t);
  // "The team then created a ticket to track …": the ticket tracks work ahead, not a step done (the same rule as doneReading's).
  if (n && ticketOpened(t) === 'tracking') return undefined;
  if (n && (n[1] === undefined || (!NOT_A_STEP.test(n[1].toLowerCase()) && (/ed$/i.test(n[1]) || IRREGULAR_PAST.test(n[1].toLowerCase()))))) return 'response step';
  // The item's first line only: "https://review/+/27015418" then "https://github.com/…/52370" on the next.
  if (isPointerOnly(t)) return 'reference';
  return undefined;
}
