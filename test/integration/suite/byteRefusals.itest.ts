import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, waitForDiagnostics, workspaceUri } from './helpers';

/** Windows-1252 bytes of a text of Latin-1 letters and the dashes/quotes of 0x80–0x9F. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80 };
  return Uint8Array.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A post-mortem with a fixable problem (`severity: sev2`, schema/enum: "Change to SEV2"). */
function postmortem(title: string, eol = '\n'): string {
  return [
    '---', 'type: postmortem', 'id: PM-2026-950', `title: "${title}"`, 'status: draft', 'severity: sev2', 'started_at: 2026-11-21T09:00:00Z', '---', '',
    `# ${title}`, '', '## Summary', '', 'The café checkout failed for 20 minutes.', '', '## Action items', '', '- [ ] Add a canary for the café page @josé due:2026-12-20', '',
  ].join(eol);
}

const SEVERITY_LINE = 5;

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  // Ours only: the built-in Markdown extension may offer its own.
  return actions.filter((a) => a.title.startsWith('Change to') || a.title.startsWith('Fix all'));
}

async function fixAllActions(uri: vscode.Uri): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.postmortem');
  return actions.filter((a) => a.kind?.value === 'source.fixAll.postmortem');
}

suite('A post-mortem a save would rewrite (Windows-1252, classic Mac line endings): the editor says so and offers no fix', () => {
  const made: vscode.Uri[] = [];
  suiteSetup(async () => {
    await api();
    await closeAll();
  });
  teardown(closeAll);
  suiteTeardown(async () => {
    for (const uri of made) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  /** Writes the file, opens it and waits until the lint's schema/enum and (when `code`) the byte diagnostic are shown. */
  async function openWith(name: string, bytes: Uint8Array, code?: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; ds: vscode.Diagnostic[] }> {
    const uri = workspaceUri('postmortems', name);
    await vscode.workspace.fs.writeFile(uri, bytes);
    made.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'schema/enum') && (!code || x.some((d) => codeOf(d) === code)), `schema/enum${code ? ` and ${code}` : ''} in ${name}`);
    return { uri, doc, ds };
  }

  test('the same post-mortem in UTF-8: the schema/enum quick fix and Fix All are offered (what the refusals below withhold)', async () => {
    const { uri, ds } = await openWith('bytes-control.md', utf8(postmortem('Café outage – «checkout» down')));
    ok(!ds.some((d) => codeOf(d).startsWith('file/')), `no byte problem: ${ds.map(codeOf).join(', ')}`);
    const severity = ds.find((d) => codeOf(d) === 'schema/enum' && d.range.start.line === SEVERITY_LINE)!;
    ok(severity, 'schema/enum on the severity line');
    const fixes = await quickFixes(uri, severity.range);
    ok(fixes.some((a) => a.title === 'Change to "SEV2"' && a.edit), `the quick fix among ${fixes.map((a) => a.title).join(', ')}`);
    equal((await fixAllActions(uri)).length, 1, 'a source.fixAll.postmortem action');
  });

  const cases = [
    {
      name: 'a Windows-1252 file',
      file: 'bytes-cp1252.md',
      bytes: cp1252(postmortem('Café outage – «checkout» down')),
      code: 'file/not-utf8',
      message: /^not valid UTF-8: byte 0xE9 at line 4, byte 12 of the line \(\d+ invalid sequences in the file\)\. .*quick fixes, Fix All and fix-on-save never rewrite this file here.*Windows-1252/,
    },
    {
      name: 'a file with classic Mac line endings (CR only)',
      file: 'bytes-cr-only.md',
      bytes: utf8(postmortem('Café outage, CR only', '\r')),
      code: 'file/lone-cr',
      message: /^a line break that is a lone CR .*\(\d+ in the file\).*never rewrite this file here \(it would change its line endings\)/,
    },
  ];

  for (const c of cases) {
    test(`${c.name}: ${c.code} on line 1, no quick fix, Fix All and fix-on-save leave the bytes as they were`, async () => {
      const { uri, doc, ds } = await openWith(c.file, c.bytes, c.code);
      const problem = ds.find((d) => codeOf(d) === c.code)!;
      equal(problem.range.start.line, 0, 'on line 1');
      equal(problem.severity, vscode.DiagnosticSeverity.Warning);
      ok(c.message.test(problem.message), `the CLI's words: ${problem.message}`);
      const severity = ds.find((d) => codeOf(d) === 'schema/enum' && d.range.start.line === SEVERITY_LINE);
      ok(severity, `schema/enum on the severity line: ${ds.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ')}`);
      equal((await quickFixes(uri, severity.range)).map((a) => a.title).join(', '), '', 'no quick fix on the fixable problem');
      equal((await quickFixes(uri, problem.range)).map((a) => a.title).join(', '), '', 'none on line 1 either');
      equal((await fixAllActions(uri)).length, 0, 'no source.fixAll.postmortem action (what fix-on-save runs)');
      const applied = await vscode.commands.executeCommand<boolean>('postmortem.fixAll', uri);
      equal(applied, false, 'the Fix All command refuses');
      ok(!doc.isDirty, 'no unsaved change for a later Save All');
      ok(same(await vscode.workspace.fs.readFile(uri), c.bytes), 'the file on disk is byte-for-byte what it was');
    });
  }

  test('re-saved as UTF-8 with LF line endings: the warning goes and the fixes come back', async () => {
    const { uri, doc } = await openWith('bytes-resaved.md', utf8(postmortem('Café outage, CR only', '\r')), 'file/lone-cr');
    await vscode.workspace.fs.writeFile(uri, utf8(postmortem('Café outage, re-saved with LF')));
    // VS Code reloads the document (it has no unsaved changes) from disk; the next lint reads the new bytes.
    const ds = await waitForDiagnostics(uri, (x) => doc.getText().includes('re-saved with LF') && !x.some((d) => codeOf(d) === 'file/lone-cr') && x.some((d) => codeOf(d) === 'schema/enum'), 'file/lone-cr to go');
    ok(!doc.isDirty);
    const severity = ds.find((d) => codeOf(d) === 'schema/enum' && d.range.start.line === SEVERITY_LINE)!;
    ok((await quickFixes(uri, severity.range)).some((a) => a.title === 'Change to "SEV2"'), 'the quick fix is offered again');
  });
});
