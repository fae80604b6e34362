import type { Range } from '../types';

/**
 * One action item as the workspace index keeps it: plain values (no token spans), cheap to hold for
 * thousands of files and to send to a tree view. Field names match `ActionItem` in document/model.ts.
 */
export interface IndexedActionItem {
  /** Zero-based line in the file. */
  readonly line: number;
  /** The item's text after the checkbox (task form) or the action cell (table form). */
  readonly text: string;
  readonly description: string;
  readonly owner?: string;
  /** `YYYY-MM-DD`. */
  readonly due?: string;
  /** A due date written but not readable as `YYYY-MM-DD` (`due:next-week`), as written. */
  readonly badDue?: string;
  readonly isDone: boolean;
  /** `done:YYYY-MM-DD` when written. */
  readonly doneDate?: string;
  readonly ticket?: string;
  readonly priority?: 'P1' | 'P2' | 'P3' | 'P4';
  readonly impact?: 'low' | 'medium' | 'high';
  readonly effort?: 'low' | 'medium' | 'high';
  /** Range of the `[ ]` / `[x]` box (task form) or of the status cell (table form), for mark-done edits. */
  readonly checkboxRange?: Range;
  readonly form: 'task' | 'table';
  /** Sub-heading the item sits under inside the section ("Short term"). */
  readonly group?: string;
}

/** What the index knows about one post-mortem file. */
export interface FileSummary {
  readonly id?: string;
  readonly title?: string;
  readonly status?: string;
  readonly severity?: string;
  /** `resolved_at` in UTC ISO form (`2026-11-20T15:02:00Z`) when it can be read. */
  readonly resolvedAt?: string;
  readonly services: readonly string[];
  /** Ids of earlier post-mortems named in `related`. */
  readonly related: readonly string[];
  /** Distinct action-item owners, in order of first appearance. */
  readonly owners: readonly string[];
  readonly actionItems: readonly IndexedActionItem[];
  /** Why some of the file could not be read (broken YAML, front matter not a mapping); the items are still there. */
  readonly problems: readonly string[];
}

/** True when the item is open and its due date is before `todayUtc` (`YYYY-MM-DD`). */
export function isOverdue(item: Pick<IndexedActionItem, 'isDone' | 'due'>, todayUtc: string): boolean {
  return !item.isDone && item.due !== undefined && item.due < todayUtc;
}
