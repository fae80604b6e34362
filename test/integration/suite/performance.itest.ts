import * as vscode from 'vscode';
import { LINT_DEBOUNCE_MS } from '../../../src/vscode/diagnostics/diagnosticsController';
import { ok } from '../../vscode-harness/in-host/assert';
import { api, codeOf, ours, waitForDiagnostics } from './helpers';

/** A 2,000-line post-mortem: 1,000 timeline entries and 1,000 lines of prose. */
function bigPostmortem(): string {
  const lines = ['---', 'type: postmortem', 'title: Big one', 'status: draft', 'started_at: 2026-11-20T00:00:00Z', '---', '', '# Big one', '', '## Summary', '', 'Long.', '', '## Timeline', ''];
  for (let i = 0; i < 1000; i++) {
    const t = new Date(Date.UTC(2026, 10, 20, 0, i));
    lines.push(`- 2026-11-${String(t.getUTCDate()).padStart(2, '0')} ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}Z Step ${i}`);
  }
  lines.push('', '## Response', '');
  for (let i = 0; i < 1000; i++) lines.push(`Paragraph line ${i} about how the response went.`);
  return lines.join('\n');
}

suite('Speed (printed, not asserted)', () => {
  test('an edit in a 2,000-line post-mortem: diagnostics after the debounce', async () => {
    await api();
    // A name of its own: an anonymous untitled document reuses "Untitled-1", and the workbench may
    // hand it an earlier suite's reverted buffer of that name.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `speed-${Date.now()}.md` }));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), bigPostmortem()));
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'first diagnostics');
    const line = doc.lineCount - 10;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'status: bogus '));
    await editor.edit((b) => b.replace(new vscode.Range(3, 8, 3, 13), 'drafty'));
    // The debounce starts at the last change the extension hears of, once that edit has been applied.
    const edited = Date.now();
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'schema/enum'), 'schema/enum after the edit');
    const after = Date.now() - edited - LINT_DEBOUNCE_MS;
    console.log(`    ${doc.lineCount} lines: diagnostics ${after} ms after the ${LINT_DEBOUNCE_MS} ms debounce (${ds.length} problems)`);
    ok(ours(doc.uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
