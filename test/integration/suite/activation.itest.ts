import * as vscode from 'vscode';
import { ok, equal } from '../../vscode-harness/in-host/assert';
import { api, closeAll, EXTENSION_ID, open } from './helpers';

/** Set by test/integration/build.mjs: which extension host this bundle of the suite is for. */
declare const PM_EXPECTED_HOST: 'node' | 'webworker';
const EXPECTED_HOST = PM_EXPECTED_HOST;

suite('Activation', () => {
  suiteTeardown(closeAll);

  test('opening a post-mortem activates the extension and lints it', async () => {
    await open('postmortems', '2026-11-20-checkout-errors.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    ok(ext, 'extension is installed');
    const result = await api();
    ok(ext.isActive, 'extension is active');
    ok(result.activationMs >= 0 && result.activationMs < 5_000, `activation took ${result.activationMs} ms`);
    console.log(`    activate() took ${result.activationMs.toFixed(1)} ms in the ${result.host} extension host`);
    ok(result.indexer.buildMs !== undefined, 'the index was built');
    console.log(`    index of ${result.indexer.index.size} post-mortems built in ${result.indexer.buildMs.toFixed(0)} ms, ${(result.indexer.listMs ?? 0).toFixed(0)} ms of it in findFiles`);
    equal(result.host, EXPECTED_HOST, `the ${EXPECTED_HOST} bundle runs in the ${EXPECTED_HOST} extension host`);
  });

  test('the post-mortem context key and the status bar follow the active editor', async () => {
    const { statusBar, diagnostics } = await api();
    const editor = await open('postmortems', '2026-11-20-checkout-errors.md');
    // The summary it shows comes with the document's lint (read where the lint runs).
    await diagnostics.lintNow(editor.document);
    // Five days after it was resolved (2026-11-20T15:10Z): the 48 h review is overdue, and the bar warns.
    statusBar.update(Date.parse('2026-11-25T15:10:00Z'));
    const text = statusBar.item.text;
    ok(text.includes('SEV2') && text.includes('in-review'), `status bar shows severity and status: ${text}`);
    // In review: the approvals so far of those publishing needs (none of 1), as review/not-approved will count them (vs19).
    equal(text, '$(warning) SEV2 · in-review · approvals 0 of 1 · review overdue 3 d');
    // Three years on, the review is not published: said without the warning (trial12 T16b).
    statusBar.update(Date.parse('2029-11-20T15:10:00Z'));
    equal(statusBar.item.text, '$(checklist) SEV2 · in-review · approvals 0 of 1 · review not published (resolved 2026-11-20)');
    equal(statusBar.item.backgroundColor, undefined, 'no warning background for a review years past its deadline');
    await open('notes', 'meeting.md');
    statusBar.update();
    equal(statusBar.visible, false, 'no status bar item for a file that is not a post-mortem');
  });
});
