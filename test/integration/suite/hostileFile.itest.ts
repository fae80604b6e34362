import * as vscode from 'vscode';
import { ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, ours, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

/**
 * Issue 9: a 1 KB post-mortem whose title is a BOM, `# `, a thousand spaces and U+2028 hung the
 * index and `actions` (a cubic regular expression). With it in the workspace, indexed and open, the
 * extension must still answer: another file's diagnostics arrive. The bound asserted is generous
 * (a loaded CI machine); the time measured is printed.
 */
suite('A hostile file does not block the extension', () => {
  const hostile = workspaceUri('postmortems', 'hostile-heading.md');
  const other = workspaceUri('postmortems', 'after-hostile.md');

  suiteTeardown(async () => {
    await closeAll();
    const { indexer } = await api();
    const gone = waitFor(indexer.onDidChange, () => !indexer.index.has(hostile.toString()), 'the hostile file leaving the index');
    await vscode.workspace.fs.delete(hostile);
    await vscode.workspace.fs.delete(other);
    await gone;
  });

  test('indexes and lints the 1 KB BOM + spaces + U+2028 heading, and another file still gets its diagnostics', async () => {
    const { indexer } = await api();
    const text = `\uFEFF# ${' '.repeat(1000)}\u2028\n\n## Action items\n\n- [ ] Add an alert @ana due:2026-12-01\n`;
    const indexed = waitFor(indexer.onDidChange, () => indexer.index.has(hostile.toString()), 'the hostile file in the index');
    await vscode.workspace.fs.writeFile(hostile, new TextEncoder().encode(text));
    await indexed;
    const hostileDoc = await vscode.workspace.openTextDocument(hostile);
    await vscode.window.showTextDocument(hostileDoc, { preview: false });
    await waitForDiagnostics(hostile, (ds) => ds.length > 0, 'the hostile file linted');

    // A file of our own, so its diagnostics cannot be left over from an earlier suite.
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('---\ntype: postmortem\ntitle: After the hostile one\nstatus: bogus\n---\n\n# After the hostile one\n'));
    const started = Date.now();
    const otherDoc = await vscode.workspace.openTextDocument(other);
    await vscode.window.showTextDocument(otherDoc, { preview: false });
    const ds = await waitForDiagnostics(other, (x) => x.some((d) => codeOf(d) === 'schema/enum'), 'the other file\'s schema/enum diagnostic');
    const ms = Date.now() - started;
    console.log(`    another file's diagnostics ${ms} ms after opening it, with the hostile file indexed and open (${ds.length} problems)`);
    ok(ms < 15_000, `diagnostics took ${ms} ms`);
    ok(ours(hostile).length > 0, 'the hostile file itself was linted');
  });
});
