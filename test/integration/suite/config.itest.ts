import * as vscode from 'vscode';
import { equal } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, open, waitForDiagnostics, workspaceUri } from './helpers';

const hasEnum = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'schema/enum');

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
});
