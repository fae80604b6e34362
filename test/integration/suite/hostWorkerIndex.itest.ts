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
