import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, waitForDiagnostics, workspaceUri } from './helpers';

// Files live in links-it-N/ (a fresh folder for each attempt, so a second attempt starts clean) and
// docs/, created and removed here, so the other suites' counts stay.
let attempt = 0;
let DIR = 'links-it-0';
const pmText = (failover: string) => `---
type: postmortem
id: PM-IT-LINKS
title: Database failover took 40 minutes
status: draft
---

# Database failover took 40 minutes

## Summary

The on-call followed the [failover runbook](${failover}#promote) and the
[cache runbook](runbooks/Cache-Warmup.md); [the status page](https://status.example.com/x.md) is not checked.
`;

async function write(path: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(DIR, ...path.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

const broken = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'links/missing-file');

suite('Links to runbooks and docs', () => {
  suiteSetup(() => api());
  teardown(closeAll);
  suiteTeardown(async () => {
    for (let n = 1; n <= attempt; n++) {
      await vscode.workspace.fs.delete(workspaceUri(`links-it-${n}`), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(workspaceUri('docs', `db-failover-${n}.md`), { useTrash: false }).then(undefined, () => undefined);
    }
  });

  test('a missing runbook is a diagnostic, a case slip has the "Change link to" fix, and creating the runbook clears it', async () => {
    DIR = `links-it-${++attempt}`;
    // The missing runbook belongs in docs/, a folder the file watcher has watched since the window
    // opened: a file written into a folder created moments before may get no event at all on Linux
    // (parcel-bundler/watcher#243; newFolders.ts), which the case slip below covers instead.
    const failover = `db-failover-${attempt}.md`;
    await write('runbooks/cache-warmup.md', '# Cache warm-up\n');
    const uri = await write('db.postmortem.md', pmText(`../docs/${failover}`));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The file list may predate cache-warmup.md by a moment (the watcher's batch): wait for the case slip to be named.
    const ds = broken(await waitForDiagnostics(uri, (x) => broken(x).length === 2 && broken(x).some((d) => d.message.includes('the case differs')), 'two links/missing-file diagnostics, one a case slip'));
    ok(ds.some((d) => editor.document.getText(d.range) === `[failover runbook](../docs/${failover}#promote)`), ds.map((d) => d.message).join('\n'));
    const slip = ds.find((d) => d.message.includes('the case differs'));
    ok(slip, ds.map((d) => d.message).join('\n'));
    equal(slip.severity, vscode.DiagnosticSeverity.Warning);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, slip.range, vscode.CodeActionKind.QuickFix.value);
    const change = actions.find((a) => a.title === 'Change link to runbooks/cache-warmup.md');
    ok(change?.edit, `a Change link fix among ${actions.map((a) => a.title).join(', ')}`);
    ok(await vscode.workspace.applyEdit(change.edit));
    ok(editor.document.getText().includes('[cache runbook](runbooks/cache-warmup.md)'), editor.document.getText());
    await waitForDiagnostics(uri, (x) => broken(x).length === 1, 'the case slip to go');

    // The runbook is written: the file watcher updates the list and the diagnostic goes, no edit needed.
    await vscode.workspace.fs.writeFile(workspaceUri('docs', failover), new TextEncoder().encode('# Failover\n'));
    await waitForDiagnostics(uri, (x) => broken(x).length === 0, 'the missing-runbook diagnostic to go once the runbook exists');
    await editor.document.save();
  });
});
