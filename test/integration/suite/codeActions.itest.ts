import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, nextEvent, open, openUntitled, rangeText, readDisk, waitFor, waitForDiagnostics } from './helpers';

suite('Code actions', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  test('the quick fix from the core applies and the diagnostic goes away', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'schema/enum'), 'schema/enum');
    const diagnostic = ds.find((d) => codeOf(d) === 'schema/enum')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to "SEV2"');
    ok(fix, `a "Change to SEV2" fix among ${actions.map((a) => a.title).join(', ')}`);
    ok(fix.isPreferred, 'the fix is preferred (auto-fix with Shift+Alt+.)');
    ok(fix.edit, 'the fix carries its edit');
    ok(await vscode.workspace.applyEdit(fix.edit));
    equal(editor.document.lineAt(5).text, 'severity: SEV2');
    await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'schema/enum'), 'schema/enum to go');
  });

  test('two missing sections reported at the H1: each offers its own section, and the shared "Insert all" once (trial17b F3)', async () => {
    const text = '---\ntype: postmortem\nid: PM-F3\ntitle: Cache stampede\nstatus: in-review\nseverity: SEV2\nstarted_at: 2026-12-01T12:00:00Z\nresolved_at: 2026-12-01T13:00:00Z\n---\n\n'
      + '# Cache stampede\n\n## Summary\n\nx\n\n## Impact\n\n300 users saw errors.\n\n## Timeline\n\n- 2026-12-01 12:00Z [started] a\n\n## Root cause analysis\n\ny\n\n## Action items\n\n- [ ] z @kim due:2099-01-01 OPS-1\n';
    const editor = await openUntitled('two-missing', text);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, (x) => x.filter((d) => codeOf(d) === 'sections/missing').length >= 2, 'two sections/missing');
    const missing = ds.filter((d) => codeOf(d) === 'sections/missing');
    ok(missing.some((d) => d.message.includes('## Response')) && missing.some((d) => d.message.includes('## Lessons learned')), missing.map((d) => d.message).join(' | '));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing[0].range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const count = (t: string) => titles.filter((x) => x === t).length;
    equal(count('Insert a "## Response" section'), 1, titles.join(', '));
    equal(count('Insert a "## Lessons learned" section'), 1, titles.join(', '));
    equal(count('Insert all 2 missing sections'), 1, titles.join(', '));
    const lessons = actions.find((a) => a.title === 'Insert a "## Lessons learned" section')!;
    ok(await vscode.workspace.applyEdit(lessons.edit!));
    ok(editor.document.getText().includes('## Lessons learned'), 'the Lessons learned skeleton is in');
    ok(!editor.document.getText().includes('## Response'), 'and not a Response section');
  });

  test('Fix all (source.fixAll.postmortem) edits only what changes', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    // Two fixable problems: status and severity.
    await editor.edit((b) => b.replace(new vscode.Range(4, 8, 4, 13), 'Draft'));
    await waitForDiagnostics(uri, (x) => x.filter((d) => codeOf(d) === 'schema/enum').length === 2, 'two schema/enum problems');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.postmortem');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.postmortem');
    ok(fixAll?.edit, `a source.fixAll.postmortem action among ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(', ')}`);
    const edits = fixAll.edit.get(uri);
    equal(edits.length, 1);
    equal(rangeText(edits[0].range), '4:8-5:13', 'one minimal edit from the first to the last changed character');
    ok(await vscode.workspace.applyEdit(fixAll.edit));
    equal(editor.document.lineAt(4).text, 'status: draft');
    equal(editor.document.lineAt(5).text, 'severity: SEV2');
    await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'schema/enum'), 'all schema/enum problems to go');
  });

  test('Fix All says what it assumed, as `lint --fix` prints it: a dateless 00:20 after 23:58 read as the next day (trial12 T8), and the zone the times were read in (trial18c F11)', async () => {
    const pm = await api();
    const text = '---\ntype: postmortem\nid: PM-R1\ntitle: Midnight\nstatus: draft\nseverity: SEV3\nstarted_at: 2026-12-01T07:30:00Z\ntimezone: Asia/Kolkata\nfacilitator: "@ana"\n---\n# Midnight\n## Summary\nx\n## Timeline\n'
      + '- 2026-12-01 23:58 [detected] alert\n- 00:20 [mitigated] rollback done\n- 00:40 [resolved] closed\n';
    const editor = await openUntitled('midnight', text);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'timeline/not-utc'), 'timeline/not-utc');
    const said = nextEvent(pm.onDidSayFixNotes, (n) => n.uri === uri.toString(), 'the Fix All note');
    ok(await vscode.commands.executeCommand<boolean>('postmortem.fixAll'), 'Fix All applied');
    ok(editor.document.getText().includes('- 2026-12-01 18:28Z [detected] alert\n- 18:50Z [mitigated] rollback done'), editor.document.getText());
    const note = await said;
    ok(/^Fix All in midnight-\d+\.md: timeline\/not-utc: converted assuming 00:20 on line 16 is the next day, 2026-12-02 \(its clock is more than 12 hours earlier than the entry above's, so past midnight\); if a time is a typo, correct it Also: timeline\/not-utc: read 3 timeline times without a zone as Asia\/Kolkata, the front matter's timezone \(2026-12-01 23:58 on line 15 → 2026-12-01 18:28Z\)$/.test(note.message), note.message);
  });

  test('editor.codeActionsOnSave with source.fixAll.postmortem fixes the file on save', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    const editorConfig = vscode.workspace.getConfiguration('editor', uri);
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.postmortem': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      await editor.edit((b) => b.replace(new vscode.Range(4, 8, 4, 13), 'Draft'));
      await waitForDiagnostics(uri, (x) => x.filter((d) => codeOf(d) === 'schema/enum').length === 2, 'two schema/enum problems');
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = await readDisk(uri);
      ok(saved.includes('\nstatus: draft\n') && saved.includes('\nseverity: SEV2\n'), `fixed on save: ${saved.slice(0, 160)}`);
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      // Put the fixture back for the suites after this one.
      const doc = editor.document;
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
      await doc.save();
    }
  });
});

suite('Code actions that need a choice', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  test('missing owner: the pick list offers you and the workspace\'s owners, and the picked owner is written', async () => {
    const pm = await api();
    const editor = await open('postmortems', '2026-11-20-checkout-errors.md');
    const uri = editor.document.uri;
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('Document the pool size in the runbook'));
    ok(line > 0, 'the item without an owner is in the fixture');
    // The owners come from the index: wait until it has read the workspace, then for a lint that used it.
    await pm.ready();
    pm.diagnostics.lintNow(editor.document);
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'actions/missing-owner' && d.range.start.line === line), 'actions/missing-owner');
    const diagnostic = ds.find((d) => codeOf(d) === 'actions/missing-owner' && d.range.start.line === line)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    ok(titles.includes('Assign to @alice (you)'), `"Assign to @alice (you)" among ${titles.join(', ')}`);
    const choose = actions.find((a) => a.title === 'Assign an owner…');
    ok(choose?.command, `a command-backed "Assign an owner…" among ${titles.join(', ')}`);
    ok(!choose.edit && !choose.isPreferred, 'no edit until an owner is picked, and never preferred');

    const shown = nextEvent(pm.onDidShowFixChoices, () => true, 'the owner pick list');
    const applied = vscode.commands.executeCommand<boolean>(choose.command.command, ...(choose.command.arguments ?? []));
    const pick = await shown;
    const labels = pick.items.map((i) => i.label);
    equal(labels[0], '@alice', `you first: ${labels.join(', ')}`);
    const bob = pick.items.find((i) => i.label === '@bob');
    ok(bob, `an owner seen in the workspace (@bob) among ${labels.join(', ')}`);
    ok(labels[labels.length - 1].includes('Other'), 'and a way to type another handle');
    // Type "bob" into the pick list as a person would, and accept once the list shows @bob first.
    const bobActive = nextEvent(pick.onDidChangeActive, (active) => active[0]?.label === '@bob', 'the pick list to filter to @bob');
    pick.value = 'bob';
    await bobActive;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    equal(await applied, true);
    ok(editor.document.lineAt(line).text.endsWith('Document the pool size in the runbook @bob'), editor.document.lineAt(line).text);
    await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'actions/missing-owner' && d.range.start.line === line), 'actions/missing-owner to go');
    // Leave the index as the fixture is (the Action-items suite counts the items nobody owns).
    const ownerless = () => pm.indexer.index.openItems().some((i) => i.uri === uri.toString() && i.item.text.startsWith('Document the pool size') && !i.item.owner);
    const reverted = waitFor(pm.indexer.onDidChange, ownerless, 'the reverted owner to leave the index');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await reverted;
  });
});
