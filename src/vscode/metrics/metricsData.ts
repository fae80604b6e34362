import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { computeMetrics, type MetricsResult, type MetricsSource } from '../../core/metrics';
import type { MetricsViewOptions } from '../../shared/protocol/metrics';
import type { ConfigStore } from '../config/configStore';
import { editorSettings } from '../config/settings';
import type { Indexer } from '../index/indexer';
import { readWorkspaceText } from '../index/readText';
import { log } from '../log';

export interface DashboardData {
  readonly result: MetricsResult;
  /** Indexed files that could not be read now (deleted meanwhile, too large): named in the log. */
  readonly unreadable: readonly string[];
}

/** First day (UTC) of the month `months - 1` months before `now`'s month: "last 3 months" includes this one. */
function windowStart(now: Date, months: number): string | undefined {
  if (months <= 0) return undefined;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  return start.toISOString().slice(0, 10);
}

/**
 * The metrics take one review deadline and one set of section names for all files: the files'
 * own when their folders agree (all post-mortems under one nested `.postmortemrc.json`), else the
 * first workspace folder's (named in the log, like the CLI, which uses its first config).
 */
async function metricsConfig(config: ConfigStore, uris: readonly vscode.Uri[]): Promise<ResolvedConfig> {
  await config.ensureForAll(uris);
  const distinct = new Map<string, ResolvedConfig>();
  for (const uri of uris) {
    const c = config.configFor(uri);
    distinct.set(JSON.stringify([c.reviewDeadlineHours, c.sectionAliases]), c);
  }
  if (distinct.size === 1) return [...distinct.values()][0];
  const [workspace] = await config.folderConfigs();
  const notice = `Metrics: post-mortems in different folders configure reviewDeadlineHours or sectionAliases differently; the dashboard uses the first workspace folder's (${workspace.reviewDeadlineHours} h)`;
  if (distinct.size > 1 && notice !== lastNotice) {
    log().info(notice);
    lastNotice = notice;
  }
  return workspace;
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
 * Reads the text of every post-mortem the index knows (through workspace.fs, open documents'
 * unsaved text first) and computes the metrics at the current time.
 */
export async function dashboardData(indexer: Indexer, config: ConfigStore, options: MetricsViewOptions, now = new Date()): Promise<DashboardData> {
  await indexer.ready();
  const maxBytes = editorSettings().maxFileSizeBytes;
  const sources: MetricsSource[] = [];
  const unreadable: string[] = [];
  const uris = [...indexer.index.entries()].map(([uri]) => uri);
  await Promise.all(uris.map(async (uri) => {
    const parsed = vscode.Uri.parse(uri);
    const outcome = await readWorkspaceText(parsed, maxBytes);
    if ('text' in outcome) sources.push({ uri, label: fileLabel(parsed), text: outcome.text });
    else unreadable.push(`${uri} ${outcome.skipped}`);
  }));
  // Same order every time, whatever order the reads finished in.
  sources.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const { reviewDeadlineHours, sectionAliases } = await metricsConfig(config, sources.map((s) => vscode.Uri.parse(s.uri)));
  const result = computeMetrics(sources, {
    now,
    by: options.by,
    since: windowStart(now, options.windowMonths),
    reviewDeadlineHours,
    sectionAliases,
  });
  return { result, unreadable };
}
