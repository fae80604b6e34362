import type { PostmortemSummary } from '../index/summary';
import { incidentDatedBy, incidentDay, incidentStart } from '../index/incidentDate';
import { summaryAsOf } from '../index/summaryAsOf';

/**
 * One row of the post-mortem library: what the list, the tree, the filters and the groupings need,
 * computed once from the index's summary (no second reading of the file).
 */
export interface LibraryEntry {
  readonly uri: string;
  readonly summary: PostmortemSummary;
  /** Title, else the file name. */
  readonly label: string;
  /** When the incident is dated, in epoch ms: `started_at`, else `detected_at`, `mitigated_at`, `resolved_at` (as the metrics date it). */
  readonly started?: number;
  /** Which front-matter time `started` is (`started_at`, else the first of the others written): a row dated by another is said (zoneNote.ts). */
  readonly datedBy?: 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at';
  /** That day, in the document's own zone (as its author reads it), `YYYY-MM-DD`. */
  readonly date?: string;
  /** `resolved_at − started_at` in ms, when both are readable and in order. */
  readonly durationMs?: number;
  readonly openItems: number;
  readonly doneItems: number;
}

/**
 * The row of one post-mortem as of `nowMs`: a time that has not happened yet is left out and said
 * (summaryAsOf), so `entry.summary` is the summary the row was built on, with that problem.
 */
export function libraryEntry(uri: string, source: PostmortemSummary, nowMs: number = Date.now(), writerZone?: string): LibraryEntry {
  const summary = summaryAsOf(source, nowMs, writerZone);
  const { resolved } = summary.milestones;
  const started = incidentStart(summary.milestones);
  const datedBy = incidentDatedBy(summary.milestones);
  let openItems = 0;
  for (const item of summary.actionItems) if (!item.isDone) openItems++;
  return {
    uri,
    summary,
    label: summary.title?.trim() || fileName(uri),
    ...(started !== undefined && datedBy ? { started, datedBy, date: incidentDay(summary.milestones, summary.timezone)! } : {}),
    ...(summary.milestones.started !== undefined && resolved !== undefined && resolved >= summary.milestones.started ? { durationMs: resolved - summary.milestones.started } : {}),
    openItems,
    doneItems: summary.actionItems.length - openItems,
  };
}

export function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `29m`, `1h 8m`, `3d 4h`: short enough for a tree row. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}

/**
 * The row's description: `2026-11-20 · SEV1 · 1h 8m · 2 open items` (only what is known).
 * `date` replaces the day (a list of several zones shows the start with its offset: startShown.ts).
 */
export function describeEntry(entry: LibraryEntry, date: string | undefined = entry.date): string {
  const parts: string[] = [];
  if (date) parts.push(date);
  if (entry.summary.severity) parts.push(entry.summary.severity);
  if (entry.durationMs !== undefined) parts.push(formatDuration(entry.durationMs));
  if (entry.openItems > 0) parts.push(`${entry.openItems} open item${entry.openItems === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
