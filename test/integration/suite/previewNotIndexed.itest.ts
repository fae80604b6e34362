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
related: [PM-2026-014]
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

  // vs18 left these ungated: with the preview focused, the commands that take "the Markdown editor"
  // wrote into the preview, and the id hover, Go to Definition and links treated it as a post-mortem.
  test('with the preview focused: Insert Timeline Entry and Insert Fishbone refuse and write nothing; no id hover, definition or link in it', async () => {
    const a = await api();
    await a.indexer.ready();
    const pm = workspaceUri('postmortems', 'preview-target-2.md');
    const csv = workspaceUri('preview-alerts-2.csv');
    const indexed = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(pm.toString()), 'the post-mortem indexed');
    await vscode.workspace.fs.writeFile(pm, new TextEncoder().encode(PM.replace('PM-IT-PREVIEW', 'PM-IT-PREVIEW-2')));
    await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode('created,message\n2026-11-20T14:03:00Z,"Checkout p99 above 2 s"\n'));
    await indexed;
    const target = workspaceUri('postmortems', '2026-11-20-checkout-errors.md');
    ok(a.indexer.index.has(target.toString()), 'PM-2026-014 is a post-mortem of the workspace');
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    try {
      const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
        format: 'csv', input: csv.toString(), document: pm.toString(), timeColumn: 'created', textColumn: 'message', confirm: 'diff',
      });
      equal(outcome?.added, 1, outcome?.message);
      const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'postmortem-preview' && !d.isClosed);
      ok(preview, 'the diff\'s preview document is open');
      const before = preview.getText();
      const fileBefore = doc.getText();
      await vscode.window.showTextDocument(preview);
      equal(vscode.window.activeTextEditor?.document, preview, 'the preview has the focus');

      const inserted = await vscode.commands.executeCommand<boolean>('postmortem.insertTimelineEntry');
      equal(inserted, false, 'Insert Timeline Entry refuses');
      await vscode.commands.executeCommand('postmortem.insertFishbone');
      equal(preview.getText(), before, 'nothing written into the preview');
      equal(doc.getText(), fileBefore, 'nor into the post-mortem behind it');
      equal(doc.isDirty, false);
      equal(a.diagramPanels.find(preview.uri, 0), undefined, 'no diagram panel opened on the preview');

      // The id of a post-mortem of the workspace, in the preview's `related:`.
      const line = before.split('\n').findIndex((l) => l.startsWith('related: ['));
      const at = new vscode.Position(line, 'related: ['.length + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', preview.uri, at);
      const words = (hs: vscode.Hover[]) => hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\/g, '');
      const hoverText = words(hovers);
      ok(!hoverText.includes('connection-pool exhaustion'), `no post-mortem hover in the preview: ${hoverText}`);
      const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', preview.uri, at);
      const into = definitions.map((d) => ('targetUri' in d ? d.targetUri : d.uri).toString());
      ok(!into.includes(target.toString()), `no Go to Definition from the preview: ${into.join(', ')}`);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', preview.uri);
      ok(!links.some((l) => l.target?.toString() === target.toString()), 'no id link in the preview');
      // In the post-mortem itself they are there (the same id, the same place).
      const fileLine = fileBefore.split('\n').findIndex((l) => l.startsWith('related: ['));
      const fileHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', pm, new vscode.Position(fileLine, at.character));
      ok(words(fileHovers).includes('connection-pool exhaustion'), `the hover works in the file: ${words(fileHovers)}`);
    } finally {
      await closeAll();
      const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(pm.toString()), 'the post-mortem gone');
      await vscode.workspace.fs.delete(pm);
      await vscode.workspace.fs.delete(csv);
      await gone;
    }
  });
});
