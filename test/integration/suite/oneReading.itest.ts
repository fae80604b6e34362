import * as vscode from 'vscode';
import type { MetricsDataMessage } from '../../../src/shared/protocol/metrics';
import type { MetricsPanel } from '../../../src/vscode/metrics/metricsPanel';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, nextEvent, readDisk, waitFor } from './helpers';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

suite('One reading of a post-mortem: index, tree and dashboard agree', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  test('a new post-mortem shows no action item anywhere (the template describes items in a comment, with no task line)', async () => {
    const a = await api();
    await a.indexer.ready();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Phantom item check', open: false });
    ok(uri, 'the command returns the new file');
    try {
      const text = await readDisk(uri);
      ok(text.includes('## Action items') && text.includes('<!--'), 'the file is the template, with its guidance in comments');
      const summary = await waitFor(a.indexer.onDidChange, () => a.indexer.index.get(uri.toString()), 'the index to pick up the new file');
      deepEqual(summary.actionItems, [], 'the index reads no item');

      const p = a.actionItems.provider;
      a.actionItems.setGroupBy('postmortem');
      a.actionItems.setShowDone(true);
      for (const group of await p.getChildren()) {
        ok(labelOf(p.getTreeItem(group)) !== 'Phantom item check', 'no tree group for the new post-mortem');
        for (const child of await p.getChildren(group)) ok(child.kind !== 'item' || child.open.uri !== uri.toString(), `no tree item from the new file: ${labelOf(p.getTreeItem(child))}`);
      }

      const panel = await vscode.commands.executeCommand<MetricsPanel>('postmortem.showMetrics');
      const posted = nextEvent(panel.onDidPost, (m) => m.type === 'metrics', 'the metrics to be sent', 30_000);
      await panel.refresh();
      const data = (await posted) as MetricsDataMessage;
      // No start given: the dashboard counts it as a post-mortem without an incident time, never with made-up times (U7).
      ok(!data.result.incidents.some((i) => i.uri === uri.toString()) && data.result.undated.includes(uri.toString()), 'the new post-mortem is listed as undated, not as an incident');
      ok(!data.result.actions.byOwner.some((o) => o.key === 'alex'), `no owner alex in the dashboard: ${data.result.actions.byOwner.map((o) => o.key).join(', ')}`);
      ok(!data.result.actions.overdueItems.some((i) => i.uri === uri.toString()), 'no overdue item from the new file');
      // The dashboard counts exactly the items the index holds for the incidents it lists.
      const listed = new Set(data.result.incidents.map((i) => i.uri));
      let indexed = 0;
      for (const [u, s] of a.indexer.index.entries()) if (listed.has(u)) indexed += s.actionItems.length;
      equal(data.result.actions.total, indexed, 'dashboard and index count the same items');
    } finally {
      a.actionItems.setShowDone(false);
      await closeAll();
      const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(uri.toString()), 'the file to leave the index');
      await vscode.workspace.fs.delete(uri);
      await gone;
    }
  });
});
