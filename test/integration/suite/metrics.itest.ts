import * as vscode from 'vscode';
import { parsePostmortem } from '../../../src/core/document/parse';
import type { MetricsDataMessage, ToMetricsWebview } from '../../../src/shared/protocol/metrics';
import type { ConvertOutcome } from '../../../src/vscode/importing/convertCommand';
import type { ImportTimelineOutcome } from '../../../src/vscode/importing/importTimeline';
import type { MetricsPanel } from '../../../src/vscode/metrics/metricsPanel';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, nextEvent, open, readDisk, waitFor, workspaceUri } from './helpers';

// Fixtures live in imports/: outside the globs and without `type: postmortem`, so the other
// suites' counts stay as they are. Files this suite creates are deleted again.
const DRAFT = ['imports', 'draft-incident.md'] as const;

function metricsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('postmortem.metrics'));
}

/** Resolves with the next message the panel posts that satisfies `match`. */
function nextPost(panel: MetricsPanel, match: (m: ToMetricsWebview) => boolean, what: string, ms = 30_000): Promise<ToMetricsWebview> {
  return nextEvent(panel.onDidPost, match, what, ms);
}

function changed(doc: vscode.TextDocument, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out waiting for ${what}`));
    }, 20_000);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || e.contentChanges.length === 0) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

suite('Metrics dashboard, timeline import, convert', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  // Drawing is checked in the real page by ui/metricsChecks.mjs (Playwright): inside the suite the
  // harness's headless workbench sometimes holds a second webview's first load until it repaints,
  // so these tests follow the extension side (what it computes and posts), which needs no paint.
  test('Show Metrics opens one dashboard webview and posts the metrics of every indexed post-mortem', async () => {
    const { indexer } = await api();
    const panel = await vscode.commands.executeCommand<MetricsPanel>('postmortem.showMetrics');
    ok(panel, 'the command returns the panel');
    const [tab] = await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => (metricsTabs().length ? metricsTabs() : undefined), 'the dashboard tab');
    equal(tab.label, 'Post-mortem Metrics');
    const posted = nextPost(panel, (m) => m.type === 'metrics', 'the metrics to be sent');
    await panel.refresh();
    const data = (await posted) as MetricsDataMessage;
    equal(data.result.documents, indexer.index.size, 'every indexed post-mortem is counted');
    ok(data.result.incidentCount >= 2, `dated incidents in the fixture workspace: ${data.result.incidentCount}`);
    ok(data.result.incidents.every((i) => indexer.index.has(i.uri)), 'each listed incident links to an indexed file');
    // Running the command again reveals the same panel rather than opening a second one.
    const again = await vscode.commands.executeCommand<MetricsPanel>('postmortem.showMetrics');
    equal(again, panel, 'the same panel');
    equal(metricsTabs().length, 1, 'still one dashboard tab');
  });

  test('Convert writes a new standard file next to the original (never overwriting), opens it, flags ambiguous dates; the dashboard refreshes', async () => {
    const { indexer } = await api();
    const original = workspaceUri('imports', 'legacy-review.md');
    const before = await readDisk(original);
    const panel = await vscode.commands.executeCommand<MetricsPanel>('postmortem.showMetrics');
    const documentsBefore = indexer.index.size;
    const refreshed = nextPost(panel, (m) => m.type === 'metrics' && m.result.documents === documentsBefore + 1, 'the dashboard to count the new post-mortem');

    await open('imports', 'legacy-review.md');
    const first = await vscode.commands.executeCommand<ConvertOutcome>('postmortem.convertToStandardFormat', { confirm: false });
    ok(first, 'the command reports what it wrote');
    const target = vscode.Uri.parse(first.target);
    equal(target.path, workspaceUri('imports', 'legacy-review.postmortem.md').path);
    const converted = parsePostmortem(await readDisk(target));
    equal(converted.meta.type, 'postmortem');
    equal(converted.meta.title, 'Search outage after the reindex');
    equal(converted.meta.severity, 'SEV2');
    equal(converted.timeline.length, 3, 'the time table became three timeline entries');
    equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the new file is open');
    equal(await readDisk(original), before, 'the original is unchanged');
    const flagged = vscode.languages.getDiagnostics(original).filter((d) => d.source === 'postmortem convert');
    equal(flagged.length, first.diagnostics);
    ok(flagged.some((d) => /day\/month or month\/day/.test(d.message)), `the ambiguous date is flagged: ${flagged.map((d) => d.message).join(' | ')}`);
    ok(!first.complete && first.report.some((l) => /read 3 timeline entries/.test(l)), `the report the user saw before writing: ${first.report.join(' | ')}`);
    // The converted file hid the dashboard (a hidden one refreshes when shown again): shown, it counts the new post-mortem.
    await vscode.commands.executeCommand('postmortem.showMetrics');
    await refreshed;

    // Converting again does not overwrite the first result.
    const second = await vscode.commands.executeCommand<ConvertOutcome>('postmortem.convertToStandardFormat', { document: original.toString(), confirm: false });
    ok(second && second.target !== first.target, 'a second, new file');
    ok(second.target.endsWith('legacy-review-2.postmortem.md'), second.target);

    await closeAll();
    const gone = waitFor(indexer.onDidChange, () => !indexer.index.has(first.target) && !indexer.index.has(second.target), 'the converted files to leave the index');
    await vscode.workspace.fs.delete(target);
    await vscode.workspace.fs.delete(vscode.Uri.parse(second.target));
    await gone;
  });

  test('Import of a CSV alert export previews and inserts the entries inside the incident window, in time order, as one undoable edit', async () => {
    const editor = await open(...DRAFT);
    const doc = editor.document;
    const before = doc.getText();
    const edited = changed(doc, 'the import to edit the document');
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'csv', input: workspaceUri('imports', 'alerts.csv').toString(), confirm: false,
    });
    ok(outcome, 'the command reports the outcome');
    equal(outcome.added, 2, `two rows inside the window (the 18:30 backup is outside): ${outcome.message}`);
    ok(outcome.applied, outcome.message);
    ok(outcome.preview.includes('+ - 2026-11-20 14:04:30Z (alert) Search p99 latency above 1 s (urgency: low)'), outcome.preview);
    await edited;
    const timeline = parsePostmortem(doc.getText()).timeline.map((e) => e.text);
    equal(timeline.length, 5);
    ok(timeline[1].includes('Search p99 latency above 1 s') && timeline[3].includes('Search nodes CPU at 95%'), `merged in time order: ${timeline.join(' | ')}`);

    // Importing the same export again adds nothing (no duplicates).
    const again = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'csv', input: workspaceUri('imports', 'alerts.csv').toString(), document: doc.uri.toString(), confirm: false,
    });
    equal(again?.added, 0, again?.message);

    const undone = changed(doc, 'undo');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await undone;
    equal(doc.getText(), before, 'one undo removes every imported entry');
  });

  test('Import of a Slack channel folder maps user ids to names, reads a bot\'s blocks, says the join it skipped, and tags the entries as chat', async () => {
    const editor = await open(...DRAFT);
    const doc = editor.document;
    const edited = changed(doc, 'the import to edit the document');
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'slack', input: workspaceUri('imports', 'slack').toString(), confirm: false,
    });
    ok(outcome?.applied, outcome?.message);
    equal(outcome.added, 3);
    await edited;
    const text = doc.getText();
    ok(text.includes('- 2026-11-20 14:05Z (chat) ria: Reindex is throttled to half speed'), text);
    ok(text.includes('- 2026-11-20 14:20Z (chat) Opsgenie: *Acknowledged* search p99 above 1 s by @ria'), text);
    ok(text.includes('(chat) tom: Latency looks normal again, thanks @ria'), text);
    // The same summary and notes as the CLI's (one core sentence): 4 messages, 3 events and 1 skipped.
    ok(/^3 events read: 3 to add, .*; skipped 1 housekeeping message \(channel_join\)\./.test(outcome.summary ?? ''), outcome.summary);
    ok(outcome.summary?.includes('1 message with empty text read from its blocks (2026-11-20.json message 3).'), outcome.summary);
  });

  test('Bad input gives a clear message naming the problem and inserts nothing', async () => {
    const editor = await open(...DRAFT);
    const before = editor.document.getText();
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'alertmanager', input: workspaceUri('imports', 'alerts.csv').toString(), confirm: false,
    });
    ok(outcome && !outcome.applied, 'nothing applied');
    ok(/alerts\.csv/.test(outcome.message) && /Nothing was inserted/.test(outcome.message), outcome.message);
    equal(editor.document.getText(), before);
  });

  test('The git import exists only where git can run: the Node host, never the web worker', async () => {
    const { host } = await api();
    const commands = await vscode.commands.getCommands(true);
    equal(commands.includes('postmortem.importGitTimeline'), host === 'node', `git import registered in the ${host} host`);
    ok(commands.includes('postmortem.importTimeline'), 'the file import is available everywhere');
    // Asked for anyway (a script, a keybinding), it explains instead of failing.
    await open(...DRAFT);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'git', input: workspaceUri().toString(), confirm: false,
    });
    ok(outcome && !outcome.applied, 'nothing applied');
    if (host === 'node') ok(/git log in .* failed|not a git repository/i.test(outcome.message), outcome.message);
    else ok(/desktop \(Node\) extension host|local disk/.test(outcome.message), outcome.message);
  });
});
