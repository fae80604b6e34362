import * as vscode from 'vscode';
import { ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, open, waitFor, workspaceUri } from './helpers';

/**
 * An open post-mortem's summary reaches the index with each of its lints (read where the lint runs,
 * on the lint thread in the Node host), so the index does not read the document again itself. A
 * tab closed right after an edit cancels that edit's lint (it was still waiting for the pause in
 * typing): the index must then read the document itself, or it keeps the edit that is gone. Found
 * as "grouped by owner" missing its "No owner" group once a choice fix (owner @bob) had been
 * reverted and its tab closed at once; revert-and-close is one command here, so the lint of the
 * reverted text can never have run before the tab closes.
 */
suite('The index follows an open post-mortem whose tab closes right after an edit', () => {
  suiteTeardown(closeAll);

  test('revert and close at once: the reverted item leaves the index', async () => {
    const pm = await api();
    await pm.ready();
    const key = workspaceUri('postmortems', '2026-10-02-dns-outage.md').toString();
    const editor = await open('postmortems', '2026-10-02-dns-outage.md');
    const doc = editor.document;
    const hasNewThing = () => pm.indexer.index.openItems().some((i) => i.uri === key && i.item.text.startsWith('Reverted thing'));
    ok(!hasNewThing(), 'not in the index before the edit');
    const added = waitFor(pm.indexer.onDidChange, hasNewThing, 'the unsaved item to reach the index');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    ok(await editor.edit((b) => b.insert(end, '\n- [ ] Reverted thing @alice due:2026-12-01\n')), 'the edit applies');
    await added;

    const gone = waitFor(pm.indexer.onDidChange, () => !hasNewThing(), 'the reverted item to leave the index');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    ok(!doc.isDirty, 'the revert threw the edit away');
    await gone;
  });
});

/**
 * A post-mortem deleted on disk while its document is still open (an editor showing "(deleted)", or
 * the document of a closed tab that VS Code has not disposed yet). Every config or index change
 * re-lints all open documents, and each lint brings the document's summary to the index: a lint of
 * the deleted file's document put the file back in the index, and when the document closed later the
 * index found it unreadable and listed it under "Not read (ENOENT)" (a Node-host run: a post-mortem
 * the Commands suite had created and deleted). Unsaved edits to it still count, as they always have.
 */
suite('A post-mortem deleted on disk stays out of the index while its document is open', () => {
  const uri = workspaceUri('postmortems', 'hostworker-deleted-on-disk.md');
  const key = uri.toString();
  const text = '---\ntype: postmortem\ntitle: Deleted while open\nstatus: draft\nseverity: SEV3\nstarted_at: 2026-11-01T10:00:00Z\n---\n\n# Deleted while open\n\n## Action items\n\n- [ ] Saved thing @alice due:2026-12-01\n';

  suiteTeardown(async () => {
    const pm = await api();
    await closeAll();
    const gone = waitFor(pm.indexer.onDidChange, () => !pm.indexer.index.has(key), 'the file to leave the index');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await gone;
  });

  test('a lint of its unedited document does not bring it back; an edit does, as unsaved text', async () => {
    const pm = await api();
    await pm.ready();
    const indexed = waitFor(pm.indexer.onDidChange, () => pm.indexer.index.has(key), 'the new file in the index');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await indexed;
    const doc = (await vscode.window.showTextDocument(uri)).document;
    ok(await pm.diagnostics.lintNow(doc), 'linted as a post-mortem');

    const removed = waitFor(pm.indexer.onDidChange, () => !pm.indexer.index.has(key), 'the deleted file to leave the index');
    await vscode.workspace.fs.delete(uri);
    await removed;
    ok(!doc.isClosed && !doc.isDirty, 'its document is still open, without edits');
    // What a config change or a new id in the index does to every open document.
    ok(await pm.diagnostics.lintNow(doc), 'its document is still linted (its problems stay visible)');
    ok(!pm.indexer.index.has(key), 'the lint did not put the deleted file back in the index');
    ok(!pm.indexer.skipped.has(key), 'nor under "Not read"');

    const hasEdit = () => pm.indexer.index.openItems().some((i) => i.uri === key && i.item.text.startsWith('Unsaved thing'));
    const edited = waitFor(pm.indexer.onDidChange, hasEdit, 'the unsaved edit of the deleted file in the index');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    // The web workbench may close or replace the editor of a file deleted on disk: show the document again.
    const shown = await vscode.window.showTextDocument(doc);
    ok(await shown.edit((b) => b.insert(end, '- [ ] Unsaved thing @bob due:2026-12-02\n')), 'the edit applies');
    await edited;
    // Saving writes the file again: it stays (the teardown deletes it).
    ok(await doc.save(), 'saved');
    ok(await pm.diagnostics.lintNow(doc), 'linted after the save');
    ok(pm.indexer.index.has(key), 'a saved file is in the index again');
  });
});
