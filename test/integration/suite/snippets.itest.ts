import * as vscode from 'vscode';
import { ok } from '../../vscode-harness/in-host/assert';
import { api, EXTENSION_ID, open, openUntitled } from './helpers';

interface SnippetDef { prefix: string; body: string[]; description: string }

async function snippetFile(): Promise<Record<string, SnippetDef>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'snippets', 'postmortem.code-snippets'));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDef>;
}

/** The longest piece of the body's first line that has no placeholder or variable in it. */
function literalOf(body: string[]): string {
  return body[0].split(/\$\{[^}]*\}|\$[A-Z_]+|\$\d/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

async function expand(name: string): Promise<string> {
  const editor = await openUntitled(`snippet-${name.replace(/\W+/g, '-')}`, '');
  const doc = editor.document;
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
  await changed;
  const text = editor.document.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

suite('Snippets', () => {
  suiteSetup(() => api());

  test('every contributed snippet expands in a Markdown file', async () => {
    const snippets = await snippetFile();
    const names = Object.keys(snippets);
    ok(names.length >= 7, `${names.length} snippets`);
    for (const name of names) {
      ok(snippets[name].prefix.startsWith('pm-'), `${name}: prefix pm-`);
      const text = await expand(name);
      ok(text.includes(literalOf(snippets[name].body)), `${name} expanded to: ${text.slice(0, 200)}`);
      ok(!/\$\{|\$[A-Z_]{4,}/.test(text), `${name}: no unresolved variables in ${text.slice(0, 200)}`);
    }
  });

  test('the pm-timeline-local snippet stamps the current local time with its UTC offset', async () => {
    const text = await expand('Timeline entry (local time with offset)');
    const m = /^- (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})([+-]\d{2}:\d{2}) \[detected\]/.exec(text);
    ok(m, `entry stamp: ${text}`);
    const ms = Date.parse(`${m[1]}T${m[2]}:00${m[3]}`);
    ok(Math.abs(ms - Date.now()) < 120_000, `the stamp ${m[0]} is now`);
  });

  test('the pm-timeline completion (and pm-timeline-utc) stamps the current UTC time', async () => {
    const editor = await open('postmortems', '2026-10-02-dns-outage.md');
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('## Action items')) - 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 0));
    for (const label of ['pm-timeline', 'pm-timeline-utc']) {
      const item = list.items.find((i) => i.label === label);
      ok(item, `${label} is offered`);
      const snippet = (item.insertText as vscode.SnippetString).value;
      const m = /^- (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})Z /.exec(snippet);
      ok(m, `${label}: UTC stamp in ${snippet}`);
      ok(Math.abs(Date.parse(`${m[1]}T${m[2]}:00Z`) - Date.now()) < 120_000, `${label}: ${m[0]} is now in UTC`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
