import * as vscode from 'vscode';
import { computeMetrics, windowStartDay, type MetricsResult } from '../../core/api';
import type { MetricsViewOptions } from '../../shared/protocol/metrics';
import type { ConfigStore } from '../config/configStore';
import type { Indexer } from '../index/indexer';
import { editorWriterZone } from '../timeline/writerZone';
import { metricsSources } from './metricsSources';

export interface DashboardData {
  readonly result: MetricsResult;
  /** Post-mortems the index could not read (too large, binary): named in the log. */
  readonly unreadable: readonly string[];
}

/**
 * How the dashboard names a post-mortem without an `id`: its workspace-relative path, as the CLI
 * does (with the folder's name first in a multi-root workspace), never a `file:///…` uri.
 */
export function fileLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/**
 * The metrics at the current time, computed from the summaries the workspace index already holds
 * (the same reading as the tree and `postmortem metrics`): a refresh reads no file.
 */
export async function dashboardData(indexer: Indexer, config: ConfigStore, options: MetricsViewOptions, now = new Date()): Promise<DashboardData> {
  await indexer.ready();
  const entries = [...indexer.index.entries()];
  // Each file's own folder's configuration (per-file, as the status bar and the lint read it).
  await config.ensureForAll(entries.map(([uri]) => vscode.Uri.parse(uri)));
  const sources = metricsSources(entries, (uri) => fileLabel(vscode.Uri.parse(uri)), (uri) => config.configFor(vscode.Uri.parse(uri)).reviewDeadlineHours);
  const writerZone = editorWriterZone().zone;
  // "Last 12 months" on the writer's calendar; each incident is placed by its own (its timezone:), as the library dates it.
  const since = windowStartDay(now.getTime(), options.windowMonths, writerZone);
  const result = computeMetrics(sources, { now, by: options.by, since, writerZone });
  return { result, unreadable: [...indexer.skipped].map(([uri, why]) => `${fileLabel(vscode.Uri.parse(uri))}: ${why.reason}`) };
}
