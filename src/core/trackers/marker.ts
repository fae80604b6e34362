/**
 * The hidden marker that makes ticket creation idempotent. Every ticket body ends with
 * `<!-- postmortem-item: INC-2026-001/5f0c2a91d3e4b7a6 -->` (Jira: a last paragraph with the same
 * text, as ADF has no comments). Before creating, and again after a create whose answer was lost
 * (dropped connection, timeout, 5xx), the tracker is searched for the marker, so a retry finds the
 * ticket instead of creating a second one.
 */

export const MARKER_PREFIX = 'postmortem-item:';

/** The marker line for a body. */
export function markerComment(itemId: string): string {
  return `<!-- ${MARKER_PREFIX} ${itemId} -->`;
}

// Ids are `[A-Za-z0-9._-]+/[0-9a-f]{16}`; the scan is linear (no nested quantifiers).
const MARKER = /postmortem-item: ([A-Za-z0-9._-]{1,80}\/[0-9a-f]{16})/g;

/** The item ids marked in a body (normally one). */
export function markersIn(body: string | null | undefined): string[] {
  if (!body) return [];
  const ids: string[] = [];
  for (const m of body.matchAll(MARKER)) ids.push(m[1]!);
  return ids;
}

/** Who and when of an item, part of its identity: two "Add an alert" items of different owners are two tickets. */
export interface ItemWho {
  readonly owner?: string;
  readonly due?: string;
}

/**
 * A stable id for an action item: the post-mortem's id (or its path) and a hash of the item's
 * description — with `who`, its owner and due date too — and its position among the items the
 * same in all of these. The ticket written back does not change it: it is not part of the
 * description. Without `who`, the id of earlier versions (description and position only), which a
 * ticket body carries as well, so a ticket of an item whose owner or due date changed is seen.
 */
export function itemIdOf(postmortemKey: string, description: string, occurrence: number, who?: ItemWho): string {
  const safe = postmortemKey.slice(0, 200).replace(/[^A-Za-z0-9._-]+/g, '-');
  const key = trimWhile(safe, (ch) => !/[A-Za-z0-9]/.test(ch)).slice(0, 80) || 'postmortem';
  const said = normalDescription(description);
  const text = who ? `${said}\u0000@${(who.owner ?? '').toLowerCase()}\u0000${who.due ?? ''}\u0000${occurrence}\u0000who` : `${said}\u0000${occurrence}`;
  return `${key}/${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193 ^ 0x5bd1e995)}`;
}

/** The description as the id reads it: case and runs of white space do not count. */
export function normalDescription(description: string): string {
  return description.replace(/\s+/g, ' ').trim().toLowerCase();
}

function trimWhile(text: string, drop: (ch: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && drop(text[start]!)) start++;
  while (end > start && drop(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
