import type { OpenItem } from '../../core/index';
import { isOverdue } from '../../core/index';

export type GroupBy = 'postmortem' | 'owner' | 'due';

export interface ItemGroup {
  /** Stable key (URI, owner handle, due bucket). */
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  /** Set when the group is one post-mortem file. */
  readonly uri?: string;
  readonly items: readonly OpenItem[];
}

const DAY_MS = 86_400_000;

/** Items in reading order: earliest due first, undated last, then by file and line. */
export function compareItems(a: OpenItem, b: OpenItem): number {
  const da = a.item.due ?? '9999';
  const db = b.item.due ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.item.line - b.item.line;
}

export function postmortemLabel(open: Pick<OpenItem, 'uri' | 'summary'>): string {
  return open.summary.title?.trim() || decodeURIComponent(open.uri.slice(open.uri.lastIndexOf('/') + 1));
}

/** Groups for the tree, in display order. `todayUtc` is `YYYY-MM-DD`. */
export function groupItems(items: readonly OpenItem[], by: GroupBy, todayUtc: string): ItemGroup[] {
  const sorted = [...items].sort(compareItems);
  const groups = new Map<string, { label: string; description?: string; uri?: string; items: OpenItem[] }>();
  const add = (key: string, make: () => { label: string; description?: string; uri?: string }, item: OpenItem) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ...make(), items: [] }));
    g.items.push(item);
  };
  for (const open of sorted) {
    if (by === 'postmortem') {
      add(open.uri, () => ({ label: postmortemLabel(open), description: [open.summary.id, open.summary.severity].filter(Boolean).join(' · ') || undefined, uri: open.uri }), open);
    } else if (by === 'owner') {
      const owner = open.item.owner;
      add(owner ? owner.toLowerCase() : '', () => ({ label: owner ? `@${owner}` : 'No owner' }), open);
    } else {
      const bucket = dueBucket(open, todayUtc);
      add(bucket.key, () => ({ label: bucket.label }), open);
    }
  }
  const result = [...groups].map(([key, g]) => ({ key, ...g }));
  if (by === 'postmortem') result.sort((a, b) => a.label.localeCompare(b.label));
  if (by === 'owner') result.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key)));
  if (by === 'due') result.sort((a, b) => BUCKETS.indexOf(a.key) - BUCKETS.indexOf(b.key));
  return result;
}

// An unreadable due date is a problem to fix, so it is listed right after the overdue items.
const BUCKETS = ['overdue', 'invalid', 'week', 'later', 'none'];

function dueBucket(open: OpenItem, todayUtc: string): { key: string; label: string } {
  const due = open.item.due;
  if (!due) return open.item.badDue !== undefined ? { key: 'invalid', label: 'Invalid due date' } : { key: 'none', label: 'No due date' };
  if (isOverdue(open.item, todayUtc)) return { key: 'overdue', label: 'Overdue' };
  const inAWeek = new Date(Date.parse(`${todayUtc}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
  return due <= inAWeek ? { key: 'week', label: 'Due within 7 days' } : { key: 'later', label: 'Due later' };
}
