import * as vscode from 'vscode';
import { MetricsOptionError } from '../../core/metrics';
import {
  isFromMetricsWebview, isMetricsViewOptions, type FromMetricsWebview, type MetricsViewOptions, type ToMetricsWebview,
} from '../../shared/protocol/metrics';
import type { ConfigStore } from '../config/configStore';
import { adoptAppPanel, appAssets, createAppPanel } from '../webviews/appPanel';
import type { Indexer } from '../index/indexer';
import { indexStateSentence } from '../index/indexState';
import { dashboardData } from './metricsData';
import { buildMetricsHtml } from './metricsHtml';

export const METRICS_VIEW_TYPE = 'postmortem.metrics';
/** Index changes come in bursts (a branch switch touches many files): recompute once they settle. */
const REFRESH_DEBOUNCE_MS = 500;
const STATE_KEY = 'postmortem.metrics.options';

/**
 * The metrics dashboard: one panel per window. The extension computes (core computeMetrics over the
 * indexed files' texts, now = the current time) and posts plain JSON; the page only draws it.
 */
export class MetricsPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private options: MetricsViewOptions;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Uris the page may ask to open: only those of the incidents last sent. */
  private openable = new Set<string>();
  private generation = 0;
  /** Files changed while the panel was hidden: refresh once it is shown again, not on every change. */
  private stale = false;
  private disposed = false;
  private readonly received = new vscode.EventEmitter<FromMetricsWebview>();
  private readonly posted = new vscode.EventEmitter<ToMetricsWebview>();
  /** Valid messages from the page (the tests wait for `rendered`). */
  readonly onDidReceive = this.received.event;
  readonly onDidPost = this.posted.event;
  lastRendered: Extract<FromMetricsWebview, { type: 'rendered' }> | undefined;

  constructor(
    private readonly indexer: Indexer,
    private readonly config: ConfigStore,
    private readonly extensionUri: vscode.Uri,
    private readonly state: vscode.Memento,
    private readonly output: vscode.LogOutputChannel,
    private readonly onDisposed: () => void,
    /** A panel VS Code restored after a window reload, with the options its page had saved (already validated). */
    restored?: { readonly panel: vscode.WebviewPanel; readonly options: MetricsViewOptions | undefined },
  ) {
    const saved = state.get<unknown>(STATE_KEY);
    this.options = restored?.options ?? (isMetricsViewOptions(saved) ? saved : { by: 'month', windowMonths: 12 });
    this.panel = restored
      ? adoptAppPanel(restored.panel, extensionUri)
      : createAppPanel(extensionUri, METRICS_VIEW_TYPE, 'Post-mortem Metrics', vscode.ViewColumn.Active);
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.received, this.posted,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
      indexer.onDidChange(() => this.scheduleRefresh()),
      // The file search silent, or answering after all: the page says so, then shows the figures.
      indexer.onDidChangeState(() => this.scheduleRefresh()),
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible && this.stale) {
          this.stale = false;
          this.scheduleRefresh();
        }
      }),
    );
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private html(): string {
    return buildMetricsHtml(appAssets(this.panel.webview, this.extensionUri, 'metrics'));
  }

  private receive(raw: unknown): void {
    if (!isFromMetricsWebview(raw)) {
      this.output.warn(`Metrics dashboard: ignored a message of unexpected shape: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (raw.type) {
      case 'ready':
        void this.refresh();
        break;
      case 'options':
        void this.setOptions(raw.options);
        break;
      case 'open':
        void this.open(raw.uri);
        break;
      case 'rendered':
        this.lastRendered = raw;
        if (raw.failedCharts) this.output.warn(`Metrics dashboard: ${raw.failedCharts} chart(s) could not be drawn`);
        break;
    }
    this.received.fire(raw);
  }

  private async open(uri: string): Promise<void> {
    if (!this.openable.has(uri)) {
      this.output.warn(`Metrics dashboard: refused to open ${uri} (not one of the listed post-mortems)`);
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  private scheduleRefresh(): void {
    // Every post-mortem is read again for a refresh: none while nobody can see the dashboard.
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** What the page's selects do (grouping, window): kept for the next session, then recomputed. */
  setOptions(options: MetricsViewOptions): Promise<void> {
    this.options = options;
    void this.state.update(STATE_KEY, options);
    return this.refresh();
  }

  /** Recomputes and posts; a newer refresh supersedes one still reading files. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const started = performance.now();
      const data = await dashboardData(this.indexer, this.config, this.options);
      if (generation !== this.generation || this.disposed) return;
      // An index that could not list the workspace holds no post-mortem: its zeros are not the workspace's (trial14b F6).
      const unknown = indexStateSentence(this.indexer.state);
      if (unknown) {
        this.output.warn(`Metrics: not computed: ${unknown}`);
        this.post({ type: 'error', message: `The metrics are not computed: ${unknown}` });
        return;
      }
      for (const u of data.unreadable) this.output.warn(`Metrics: skipped ${u}`);
      this.openable = new Set([
        ...data.result.incidents.map((i) => i.uri),
        ...data.result.reviews.overdueReviews.map((o) => o.uri),
        ...data.result.actions.overdueItems.map((o) => o.uri),
        // Chains can reach an incident before the window: its link opens it too.
        ...data.result.repeats.chains.flatMap((c) => c.members.map((i) => i.uri)),
        ...data.result.undated,
        ...data.result.problems.map((p) => p.uri),
      ]);
      this.output.info(`Metrics over ${data.result.documents} post-mortems computed in ${(performance.now() - started).toFixed(0)} ms`);
      this.post({ type: 'metrics', options: this.options, result: data.result, unreadable: data.unreadable.length });
    } catch (e) {
      if (generation !== this.generation) return;
      const message = e instanceof MetricsOptionError ? e.message : `Could not compute the metrics: ${(e as Error).message}`;
      this.output.error(message);
      this.post({ type: 'error', message });
    }
  }

  private post(message: ToMetricsWebview): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.onDisposed();
  }
}
