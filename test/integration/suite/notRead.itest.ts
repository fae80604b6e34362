import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, ours, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

const FRONT = (title: string, extra = '') => `---\ntype: postmortem\ntitle: ${title}\nstatus: draft\nseverity: SEV3\nstarted_at: 2026-11-01T10:00:00Z\n${extra}---\n\n# ${title}\n\n## Action items\n\n`;

/**
 * Trial U8 and U14 in a real VS Code: a post-mortem holding a NUL byte and one over the size budget
 * were dropped from the trees, the badge and Problems without a word, and a CR-only one was listed
 * without its title or items. A front matter's `$(loading~spin)` drew a spinner in the status bar
 * and a bidi override reversed a title in the trees.
 */
suite('Files the editor does not read are shown, not dropped', () => {
  const nul = workspaceUri('postmortems', 'hostile-nul.md');
  const big = workspaceUri('postmortems', 'hostile-big.md');
  const cr = workspaceUri('postmortems', 'hostile-cr.md');
  const markup = workspaceUri('postmortems', 'hostile-markup.md');
  // UTF-16 LE without a byte-order mark (a BOM stripped by a tool): read as lint reads it, not called a NUL file.
  const utf16 = workspaceUri('postmortems', 'hostile-utf16.md');
  let a: Api;

  suiteSetup(async () => {
    a = await api();
    await a.indexer.ready();
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const read = waitFor(a.indexer.onDidChange, () => a.indexer.skipped.has(nul.toString()) && a.indexer.skipped.has(big.toString())
      && a.indexer.index.get(cr.toString())?.title === 'Mac line endings' && a.indexer.index.has(markup.toString())
      && a.indexer.index.get(utf16.toString())?.title === 'Windows export in Zürich', 'the five files seen by the index', 30_000);
    await write(nul, `${FRONT('Binary damage')}- [ ] Item in a damaged file @eve due:2026-11-01\nA NUL \u0000 here\n`);
    await write(big, `${FRONT('Huge paste')}- [ ] Item in a big file @eve due:2026-11-01\n\n${'A long pasted log line that makes this file large.\n'.repeat(24_000)}`);
    await write(cr, `${FRONT('Mac line endings')}- [ ] Item in a CR-only file @eve due:2026-11-02\n`.replace(/\n/g, '\r'));
    await write(markup, FRONT('Invoice\u202Egnp.exe').replace('status: draft', 'status: "$(loading~spin) in-review"'));
    const le = `${FRONT('Windows export in Zürich')}- [ ] Item in a UTF-16 file @eve due:2026-11-03\n`;
    await vscode.workspace.fs.writeFile(utf16, Uint8Array.from([...le].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])));
    await read;
  });

  suiteTeardown(async () => {
    await closeAll();
    const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.skipped.size && !a.indexer.index.has(cr.toString()) && !a.indexer.index.has(markup.toString()) && !a.indexer.index.has(utf16.toString()), 'the files gone');
    for (const uri of [nul, big, cr, markup, utf16]) await vscode.workspace.fs.delete(uri);
    await gone;
  });

  test('the Action Items view lists them first under "Not read" with the reason, and says their items are missing', async () => {
    const p = a.actionItems.provider;
    const [first] = await p.getChildren();
    const group = p.getTreeItem(first);
    equal(labelOf(group), 'Not read');
    equal(group.description, '2 post-mortems: their action items are missing below');
    const rows = (await p.getChildren(first)).map((n) => p.getTreeItem(n));
    equal(rows.map((r) => `${labelOf(r)} — ${r.description}`).join('\n'), [
      'hostile-big.md — not read: too large (1.2 MB > 1 MB, setting postmortem.index.maxFileSizeKB)',
      'hostile-nul.md — not read: contains NUL at line 14',
    ].join('\n'));
    ok((rows[0].iconPath as vscode.ThemeIcon).id === 'warning', 'a warning icon');
    ok(/^2 post-mortems were not read: their action items are not listed or counted here\./.test(a.actionItems.message ?? ''), `message: ${a.actionItems.message}`);
    const badge = a.actionItems.view.badge;
    ok(!badge || /2 post-mortems not read/.test(badge.tooltip ?? ''), `badge tooltip: ${badge?.tooltip}`);
  });

  test('a CR-only post-mortem is read with its title and items, as VS Code shows its lines', () => {
    const items = a.indexer.index.openItems().filter((i) => i.uri === cr.toString()).map((i) => i.item.text);
    equal(items.join('|'), 'Item in a CR-only file @eve due:2026-11-02');
  });

  test('a UTF-16 post-mortem without a byte-order mark is listed like any other, with its title and items (not under "Not read")', () => {
    const items = a.indexer.index.openItems().filter((i) => i.uri === utf16.toString()).map((i) => i.item.text);
    equal(items.join('|'), 'Item in a UTF-16 file @eve due:2026-11-03');
    ok(!a.indexer.skipped.has(utf16.toString()), 'not skipped');
  });

  test('the Post-mortems library lists them under "Not read" and says so above the tree', () => {
    const p = a.library.provider;
    const group = p.getChildren().find((n) => n.kind === 'unreadGroup');
    ok(group, 'a "Not read" group');
    equal(p.getChildren(group).map((n) => labelOf(p.getTreeItem(n))).join(', '), 'hostile-big.md, hostile-nul.md');
    ok((a.library.message ?? '').startsWith('2 post-mortems were not read'), `message: ${a.library.message}`);
  });

  test('Problems lists each unread file without opening it: file/nul at the NUL, too-large at the top', async () => {
    const [d] = await waitForDiagnostics(nul, (ds) => ds.length === 1, 'the NUL file in Problems');
    equal(codeOf(d), 'file/nul');
    equal(d.severity, vscode.DiagnosticSeverity.Error);
    equal(`${d.range.start.line + 1}:${d.range.start.character + 1}`, '14:7');
    ok(/^Not read: the file contains NUL at line 14/.test(d.message), d.message);
    const [b] = ours(big);
    equal(b && codeOf(b), 'document/too-large');
  });

  test('Lint All says how many files were not checked', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; notRead: number }>('postmortem.lintWorkspace');
    equal(result.notRead, 2);
  });

  test('a file that becomes readable leaves "Not read" and its diagnostic goes', async () => {
    const back = waitFor(a.indexer.onDidChange, () => !a.indexer.skipped.has(nul.toString()) && a.indexer.index.has(nul.toString()), 'the repaired file in the index');
    await vscode.workspace.fs.writeFile(nul, new TextEncoder().encode(`${FRONT('Binary damage')}- [ ] Item in a damaged file @eve due:2026-11-01\n`));
    await back;
    await waitForDiagnostics(nul, (ds) => !ds.some((d) => codeOf(d) === 'file/nul'), 'the file/nul problem gone');
    const p = a.library.provider;
    const group = p.getChildren().find((n) => n.kind === 'unreadGroup');
    equal(group && p.getChildren(group).length, 1);
  });

  test('the status bar shows `$(loading~spin)` from the front matter as text, and trees show a bidi override escaped', async () => {
    const doc = await vscode.workspace.openTextDocument(markup);
    await vscode.window.showTextDocument(doc, { preview: false });
    // Linted once the document is open: the status bar item follows the lint.
    await waitForDiagnostics(markup, (ds) => ds.length > 0, 'the file linted');
    a.statusBar.update();
    ok(a.statusBar.visible, 'the status bar item is shown');
    // An invalid status is shown cut and marked (`…?`); its `$(` is escaped, so VS Code draws no icon.
    ok(a.statusBar.item.text.includes(' · \\$(loading~spin) in-revi'), `status bar text: ${a.statusBar.item.text}`);
    const p = a.library.provider;
    const labels = p.getChildren().flatMap((g) => (g.kind === 'group' ? p.getChildren(g) : [])).map((n) => labelOf(p.getTreeItem(n)));
    ok(labels.includes('Invoice\\u202Egnp.exe'), `library rows: ${labels.join(', ')}`);
    ok(!labels.some((l) => l.includes('\u202E')), 'no raw override in a row');
  });
});
