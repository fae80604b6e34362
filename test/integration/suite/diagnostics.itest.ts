import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, open, ours, rangeText, waitFor, waitForDiagnostics } from './helpers';

const has = (code: string, range?: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code && (!range || rangeText(d.range) === range));

suite('Diagnostics', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  test('a post-mortem gets diagnostics with codes and exact ranges on open', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const ds = await waitForDiagnostics(editor.document.uri, has('schema/enum', '5:10-5:14'), 'schema/enum on `severity: sev2`');
    const d = ds.find((x) => codeOf(x) === 'schema/enum')!;
    equal(d.source, 'postmortem');
    ok(d.message.includes('SEV2'), `message names the allowed values: ${d.message}`);
    equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('an edit adds a diagnostic at the edited range, and undoing it removes it', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('schema/enum', '5:10-5:14'), 'initial diagnostics');
    equal(editor.document.lineAt(4).text, 'status: draft');
    // Three quick edits: only the last version's result may stay (stale results are dropped).
    for (const value of ['d', 'dr', 'drafty']) {
      await editor.edit((b) => b.replace(new vscode.Range(4, 8, 4, editor.document.lineAt(4).text.length), value));
    }
    const after = await waitForDiagnostics(uri, has('schema/enum', '4:8-4:14'), 'schema/enum on `status: drafty`');
    equal(after.filter((d) => codeOf(d) === 'schema/enum' && d.range.start.line === 4).length, 1, 'one diagnostic for the status line');
    await editor.edit((b) => b.replace(new vscode.Range(4, 8, 4, 14), 'draft'));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.range.start.line === 4) && has('schema/enum', '5:10-5:14')(ds), 'the status diagnostic to go');
  });

  test('`related` ids are checked against the workspace index', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('schema/enum'), 'initial diagnostics');
    await editor.edit((b) => b.insert(new vscode.Position(7, 0), 'related: [PM-2026-011, PM-1999-404]\n'));
    const ds = await waitForDiagnostics(uri, has('related/unknown-id'), 'related/unknown-id');
    const unknown = ds.filter((d) => codeOf(d) === 'related/unknown-id');
    equal(unknown.length, 1, 'only the id no post-mortem in the workspace has');
    ok(unknown[0].message.includes('PM-1999-404'), unknown[0].message);
  });

  test('an id another post-mortem has is reported, naming that file, and goes when the id is changed back (T4)', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('schema/enum'), 'initial diagnostics');
    equal(editor.document.lineAt(2).text, 'id: PM-2026-101');
    await editor.edit((b) => b.replace(new vscode.Range(2, 4, 2, 15), 'PM-2026-011'));
    const ds = await waitForDiagnostics(uri, has('front-matter/duplicate-id', '2:4-2:15'), 'front-matter/duplicate-id on the copied id');
    const d = ds.find((x) => codeOf(x) === 'front-matter/duplicate-id')!;
    ok(/"PM-2026-011" to name one post-mortem, found it also in \S*postmortems\/2026-10-02-dns-outage\.md;/.test(d.message), d.message);
    ok(!d.message.includes('schema-errors.md'), `not itself: ${d.message}`);
    await editor.edit((b) => b.replace(new vscode.Range(2, 4, 2, 15), 'PM-2026-101'));
    await waitForDiagnostics(uri, (x) => !has('front-matter/duplicate-id')(x) && has('schema/enum')(x), 'the duplicate-id warning to go');
  });

  test('broken YAML still gets the other diagnostics', async () => {
    const editor = await open('postmortems', 'broken-yaml.md');
    const ds = await waitForDiagnostics(editor.document.uri, (x) => has('yaml/syntax')(x) && x.some((d) => !codeOf(d).startsWith('yaml/')), 'yaml/syntax plus other rules');
    ok(ds.find((d) => codeOf(d) === 'yaml/syntax')!.range.start.line >= 1, 'the YAML error points into the front matter');
  });

  test('a file that stops being a post-mortem loses its diagnostics', async () => {
    const editor = await open('docs', 'incident-search.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'diagnostics on a `type: postmortem` file outside the globs');
    equal(editor.document.lineAt(1).text, 'type: postmortem');
    await editor.edit((b) => b.delete(new vscode.Range(1, 0, 2, 0)));
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'diagnostics to be cleared');
  });

  test('closing a post-mortem clears its diagnostics', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'diagnostics');
    await closeAll();
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'diagnostics to be cleared when the tab closes');
  });

  test('Lint workspace fills the Problems panel for files that are not open', async () => {
    await closeAll();
    const { indexer } = await api();
    // The earlier test's revert brings `type: postmortem` back; the index re-reads it after its debounce.
    await waitFor(indexer.onDidChange, () => indexer.index.size === 6, 'the six fixture post-mortems in the index');
    await vscode.commands.executeCommand('postmortem.lintWorkspace');
    const files = [...indexer.index.entries()].map(([u]) => vscode.Uri.parse(u));
    // Never opened in this suite, so its diagnostics can only come from Lint workspace.
    const dns = files.find((u) => u.path.endsWith('2026-10-02-dns-outage.md'))!;
    ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === dns.toString()), 'the DNS post-mortem is not open');
    ok(ours(dns).length > 0, 'the DNS post-mortem has problems listed');
    ok(!files.some((u) => u.path.endsWith('notes/meeting.md')), 'notes are not indexed');
  });
});
