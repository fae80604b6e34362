import * as vscode from 'vscode';
import { equal } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, open, ours, readDisk, waitForDiagnostics, workspaceUri } from './helpers';

const hasEnum = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'schema/enum');
const enumSeverity = (ds: vscode.Diagnostic[]) => ds.find((d) => codeOf(d) === 'schema/enum')?.severity;
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

// postmortems/payments/ has its own .postmortemrc.json (schema/enum re-graded to info) and a
// post-mortem with the same kind of problem as postmortems/schema-errors.md next to it.
const NESTED = ['postmortems', 'payments', '2026-11-12-card-authorisation-timeouts.md'] as const;
const NESTED_RC = ['postmortems', 'payments', '.postmortemrc.json'] as const;

suite('Configuration', () => {
  suiteSetup(() => api());
  suiteTeardown(closeAll);

  test('.postmortemrc.json (read through workspace.fs) switches a rule off, and back on when deleted', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasEnum, 'schema/enum');
    const rc = workspaceUri('.postmortemrc.json');
    await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('{ "rules": { "schema/enum": "off" } }\n'));
    await waitForDiagnostics(uri, (ds) => !hasEnum(ds), 'schema/enum to be switched off by .postmortemrc.json');
    await vscode.workspace.fs.delete(rc);
    await waitForDiagnostics(uri, hasEnum, 'schema/enum back after deleting .postmortemrc.json');
  });

  test('the postmortem.rules setting re-grades a rule', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('rules', { 'schema/enum': 'hint' }, vscode.ConfigurationTarget.Workspace);
    try {
      const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'schema/enum' && d.severity === vscode.DiagnosticSeverity.Hint), 'schema/enum as a hint');
      equal(ds.filter((d) => codeOf(d) === 'schema/enum').length, 1);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'schema/enum' && d.severity === vscode.DiagnosticSeverity.Error), 'schema/enum back to an error');
  });

  test('a nested .postmortemrc.json applies to the post-mortems in its folder only', async () => {
    const sibling = (await open('postmortems', 'schema-errors.md')).document.uri;
    const nested = (await open(...NESTED)).document.uri;
    await waitForDiagnostics(sibling, (ds) => enumSeverity(ds) === vscode.DiagnosticSeverity.Error, 'schema/enum as an error outside payments/');
    await waitForDiagnostics(nested, (ds) => enumSeverity(ds) === vscode.DiagnosticSeverity.Information, 'schema/enum as info inside payments/');
    // The same rule, otherwise the same diagnostics: only the severity the nested file sets differs.
    const rules = (uri: vscode.Uri) => ours(uri).map(codeOf).sort().join(' ');
    equal(rules(nested), rules(sibling));
  });

  test('editing, breaking and deleting the nested .postmortemrc.json re-lints its folder', async () => {
    const sibling = (await open('postmortems', 'schema-errors.md')).document.uri;
    const nested = (await open(...NESTED)).document.uri;
    const rc = workspaceUri(...NESTED_RC);
    const original = await readDisk(rc);
    try {
      await waitForDiagnostics(nested, (ds) => enumSeverity(ds) === vscode.DiagnosticSeverity.Information, 'schema/enum as info');
      await write(rc, '{ "rules": { "schema/enum": "off" } }\n');
      await waitForDiagnostics(nested, (ds) => !hasEnum(ds) && ds.length > 0, 'schema/enum switched off in payments/');
      equal(enumSeverity(ours(sibling)), vscode.DiagnosticSeverity.Error, 'the sibling outside payments/ keeps it');
      // Bad JSON: logged and shown once, never a crash; that file is ignored, the defaults apply.
      await write(rc, '{ "rules": ');
      await waitForDiagnostics(nested, (ds) => enumSeverity(ds) === vscode.DiagnosticSeverity.Error, 'the defaults while the rc file is broken');
      await write(rc, '{ "rules": { "schema/enum": "off" } }\n');
      await waitForDiagnostics(nested, (ds) => !hasEnum(ds) && ds.length > 0, 'the fixed rc file to apply again');
      await vscode.workspace.fs.delete(rc);
      await waitForDiagnostics(nested, (ds) => enumSeverity(ds) === vscode.DiagnosticSeverity.Error, 'schema/enum back as an error once the rc file is gone');
    } finally {
      await write(rc, original);
      // The broken file's warning stays until dismissed: do not leave it over the later suites' editors.
      await vscode.commands.executeCommand('notifications.clearAll');
    }
    await waitForDiagnostics(nested, (ds) => enumSeverity(ds) === vscode.DiagnosticSeverity.Information, 'the restored rc file');
  });
});
