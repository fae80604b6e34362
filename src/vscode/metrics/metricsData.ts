import * as vscode from 'vscode';
import { computeMetrics, windowStartDay, type MetricsResult, type MetricsSource } from '../../core/api';
import type { MetricsViewOptions } from '../../shared/protocol/metrics';
import type { ConfigStore } from '../config/configStore';
import type { Indexer } from '../index/indexer';
import { log } from '../log';
import { editorWriterZone } from '../timeline/writerZone';

export interface DashboardData {
  readonly result: MetricsResult;
  /** Post-mortems the index could not read (too large, binary): named in the log. */
  readonly unreadable: readonly string[];
}

/**
 * The metrics take one review deadline for all files: the files' own when their folders agree (all
 * post-mortems under one nested `.postmortemrc.json`), else the first workspace folder's (named in
 * the log, like the CLI, which uses its first config). Section names need no choice: each file was
 * indexed with its own folder's.
 */
async function reviewDeadline(config: ConfigStore, uris: readonly vscode.Uri[]): Promise<number> {
  await config.ensureForAll(uris);
  const distinct = new Set(uris.map((uri) => config.configFor(uri).reviewDeadlineHours));
  if (distinct.size === 1) return [...distinct][0];
  const [workspace] = await config.folderConfigs();
  const notice = `Metrics: post-mortems in different folders configure reviewDeadlineHours differently; the dashboard uses the first workspace folder's (${workspace.reviewDeadlineHours} h)`;
  if (distinct.size > 1 && notice !== lastNotice) {
    log().info(notice);
    lastNotice = notice;
  }
  return workspace.reviewDeadlineHours;
}

/**
 * How the dashboard names a post-mortem without an `id`: its workspace-relative path, as the CLI
 * does (with the folder's name first in a multi-root workspace), never a `file:///…` uri.
 */
export function fileLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** The dashboard refreshes on every index change: say it once, not per refresh. */
let lastNotice = '';

/**
 * The metrics at the current time, computed from the summaries the workspace index already holds
 * (the same reading as the tree and `postmortem metrics`): a refresh reads no file.
 */
export async function dashboardData(indexer: Indexer, config: ConfigStore, options: MetricsViewOptions, now = new Date()): Promise<DashboardData> {
  await indexer.ready();
  const sources: MetricsSource[] = [...indexer.index.entries()]
    .map(([uri, summary]) => ({ uri, label: fileLabel(vscode.Uri.parse(uri)), summary }))
    // Same order every time, whatever order the index was filled in.
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const reviewDeadlineHours = await reviewDeadline(config, sources.map((s) => vscode.Uri.parse(s.uri)));
  const writerZone = editorWriterZone().zone;
  // "Last 12 months" on the writer's calendar; each incident is placed by its own (its timezone:), as the library dates it.
  const since = windowStartDay(now.getTime(), options.windowMonths, writerZone);
  const result = computeMetrics(sources, { now, by: options.by, since, reviewDeadlineHours, writerZone });
  return { result, unreadable: [...indexer.skipped].map(([uri, why]) => `${fileLabel(vscode.Uri.parse(uri))}: ${why.reason}`) };
}
