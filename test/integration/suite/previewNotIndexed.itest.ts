import * as vscode from 'vscode';
import type { ImportTimelineOutcome } from '../../../src/vscode/importing/importTimeline';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, ours, waitFor, workspaceUri } from './helpers';

const PM = `---
type: postmortem
id: PM-IT-PREVIEW
title: Checkout errors previewed
status: draft
started_at: 2026-11-20T14:00:00Z
detected_at: 2026-11-20T14:06:00Z
resolved_at: 2026-11-20T15:00:00Z
timezone: UTC
---

# Checkout errors previewed

## Summary

Checkout failed for an hour.

## Timeline

- 2026-11-20 14:00Z [started] (deploy) Pool change deployed
- 14:06Z [detected] (alert) Checkout 5xx above 5%
- 15:00Z [resolved] Error rate back at baseline

## Contributing factors

\`\`\`mermaid
%% pm:fishbone
flowchart LR
  effect["Checkout errors"]
\`\`\`
`;

/**
 * Trial18b F1: the import's Show Diff opens its "after" text as a virtual document
 * (postmortem-preview:). It was linted (a false front-matter/duplicate-id against the real file),
 * indexed (the library counted one post-mortem more than there were files) and, once the diff
 * closed, listed as "1 post-mortem not read" until reload. Only workspace files are post-mortems.
 */
suite('The import preview is not a post-mortem of the workspace', () => {
  test('Show Diff: the preview is not linted, indexed, counted, given the status bar or CodeLens, and leaves no "not read" row once closed', async () => {
    const a = await api();
    await a.indexer.ready();
    const pm = workspaceUri('postmortems', 'preview-target.md');
    const csv = workspaceUri('preview-alerts.csv');
    const indexed = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(pm.toString()), 'the post-mortem indexed');
    await vscode.workspace.fs.writeFile(pm, new TextEncoder().encode(PM));
    await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode('created,message\n2026-11-20T14:03:00Z,"Checkout p99 above 2 s"\n'));
    await indexed;
    const count = a.indexer.index.size;
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    try {
      const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
        format: 'csv', input: csv.toString(), document: pm.toString(), timeColumn: 'created', textColumn: 'message', confirm: 'diff',
      });
      equal(outcome?.added, 1, outcome?.message);
      const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'postmortem-preview' && !d.isClosed);
      ok(preview, `the diff's preview document is open: ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`);
      ok(preview.getText().includes('Checkout p99 above 2 s'), preview.getText());
      // What the diagnostics controller does for a document it opens (awaited, so nothing is left pending).
      equal(await a.diagnostics.lintNow(preview), undefined, 'the preview is not linted');
      equal(ours(preview.uri).length, 0, 'no problems for the preview');
      ok(!a.indexer.index.has(preview.uri.toString()), 'the preview is not in the index');
      equal(a.indexer.index.size, count, 'the library counts the files, not the preview');
      ok(!a.indexer.index.sharedIds().has('PM-IT-PREVIEW'), 'no id shared with the preview');
      await vscode.window.showTextDocument(preview);
      a.statusBar.update();
      equal(a.statusBar.visible, false, 'no post-mortem status bar for the preview');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', preview.uri);
      ok(!lenses.some((l) => l.command?.command === 'postmortem.openDiagramEditor'), 'no "Edit fishbone" on the preview');
      const previewUri = preview.uri;
      await closeAll();
      // What closing the preview's tab asks of the index (the real file is read; the preview is no file).
      await a.indexer.refreshFile(previewUri);
      ok(!a.indexer.skipped.has(previewUri.toString()), 'the closed preview is not a post-mortem "not read"');
      equal(a.indexer.skipped.size, 0, [...a.indexer.skipped.keys()].join(', '));
    } finally {
      await closeAll();
      const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(pm.toString()), 'the post-mortem gone');
      await vscode.workspace.fs.delete(pm);
      await vscode.workspace.fs.delete(csv);
      await gone;
    }
  });
});
