// No `vscode` import: the badge's count and words are unit-tested under plain Node.
import type { IndexState } from '../index/indexState';

export interface OverdueBadgeInput {
  /** Overdue open items of the post-mortems read so far. */
  readonly overdue: number;
  /** The owner filter's handle, and how many of the overdue items are theirs. */
  readonly owner?: string;
  readonly ownerOverdue?: number;
  /** Post-mortems the index could not read. */
  readonly unread: number;
  readonly state: IndexState['kind'];
  /** Whether the index has been built once (every file found was read). */
  readonly everBuilt: boolean;
}

/**
 * The activity-bar badge: every overdue open item of the workspace, whatever the view's filters.
 * No count until the workspace has been read once: a count of the files read so far ("128" on its
 * way to 600 in a 300-file workspace, trial19a F5) reads as the workspace's. While it is read again
 * the last count stays, and its tooltip says it may change.
 */
export function overdueBadge(input: OverdueBadgeInput): { value: number; tooltip: string } | undefined {
  const { overdue, owner, ownerOverdue, unread, state, everBuilt } = input;
  if (!everBuilt || overdue <= 0) return undefined;
  const whose = owner ? `; ${ownerOverdue ?? 0} of them @${owner}'s (the view shows only those)` : '';
  // The count covers the files that were read; the tooltip says when some were not.
  const notRead = unread ? ` (${unread} post-mortem${unread === 1 ? '' : 's'} not read: not counted)` : '';
  const rereading = state === 'built' ? '' : ' — reading the workspace again: the count may change when it is done';
  return { value: overdue, tooltip: `${overdue} overdue action item${overdue === 1 ? '' : 's'} in the workspace${whose}${notRead}${rereading}` };
}
