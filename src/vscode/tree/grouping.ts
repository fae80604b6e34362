import { ownerLabel } from '../../core/actions/ownerLabel';
import type { OpenItem } from '../../core/index';
import { isOverdue, ownerKey } from '../../core/index';
import { severityRank } from '../../core/library/severity';

export type GroupBy = 'postmortem' | 'owner' | 'due';

/** The grouping modes in menu order, with the words the view uses for them. */
export const GROUPINGS: readonly { readonly id: GroupBy; readonly label: string; readonly icon: string }[] = [
  { id: 'postmortem', label: 'Post-mortem', icon: 'file' },
  { id: 'owner', label: 'Owner', icon: 'person' },
  { id: 'due', label: 'Due date', icon: 'calendar' },
];

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

/** Items in reading order: open before done, earliest due first, undated last, then by file and line. */
export function compareItems(a: OpenItem, b: OpenItem): number {
  if (a.item.isDone !== b.item.isDone) return a.item.isDone ? 1 : -1;
  const da = a.item.due ?? '9999';
  const db = b.item.due ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.item.line - b.item.line;
}

export function postmortemLabel(open: Pick<OpenItem, 'uri' | 'summary'>): string {
  return open.summary.title?.trim() || decodeURIComponent(open.uri.slice(open.uri.lastIndexOf('/') + 1));
}


interface GroupOrder {
  /** Has an overdue open item. */
  readonly overdue: boolean;
  /** Earliest due date of an open item (`9999` when none). */
  readonly due: string;
  readonly severity: number;
}

/**
 * Where a post-mortem or owner group goes: the ones that need attention first (an overdue item),
 * then by the earliest due date of their open items, then the most severe incident, then by name.
 * Alphabetical order (as before) put "Add alerting" reviews above a SEV1 with overdue work.
 */
function orderOf(items: readonly OpenItem[], todayUtc: string): GroupOrder {
  let overdue = false;
  let due = '9999';
  let severity = 10;
  for (const open of items) {
    if (!open.item.isDone) {
      if (isOverdue(open.item, todayUtc)) overdue = true;
      if (open.item.due && open.item.due < due) due = open.item.due;
    }
    severity = Math.min(severity, severityRank(open.summary.severity));
  }
  return { overdue, due, severity };
}

function compareOrder(a: GroupOrder, b: GroupOrder): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  return a.severity - b.severity;
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
      add(owner ? ownerKey(owner) : '', () => ({ label: owner ? ownerLabel(owner) : 'No owner' }), open);
    } else {
      const bucket = dueBucket(open, todayUtc);
      add(bucket.key, () => ({ label: bucket.label }), open);
    }
  }
  const result = [...groups].map(([key, g]) => ({ key, ...g }));
  if (by === 'due') {
    result.sort((a, b) => BUCKETS.indexOf(a.key) - BUCKETS.indexOf(b.key));
  } else {
    const order = new Map(result.map((g) => [g.key, orderOf(g.items, todayUtc)]));
    result.sort((a, b) => {
      // Items nobody owns are a problem of their own: listed last, whatever their dates.
      if (by === 'owner' && (a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
      return compareOrder(order.get(a.key)!, order.get(b.key)!) || a.label.localeCompare(b.label);
    });
  }
  return result;
}

// An unreadable due date is a problem to fix, so it is listed right after the overdue items.
const BUCKETS = ['overdue', 'invalid', 'week', 'later', 'none', 'done'];

function dueBucket(open: OpenItem, todayUtc: string): { key: string; label: string } {
  if (open.item.isDone) return { key: 'done', label: 'Done' };
  const due = open.item.due;
  if (!due) return open.item.badDue !== undefined ? { key: 'invalid', label: 'Invalid due date' } : { key: 'none', label: 'No due date' };
  if (isOverdue(open.item, todayUtc)) return { key: 'overdue', label: 'Overdue' };
  const inAWeek = new Date(Date.parse(`${todayUtc}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
  return due <= inAWeek ? { key: 'week', label: 'Due within 7 days' } : { key: 'later', label: 'Due later' };
}
