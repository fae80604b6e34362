import * as vscode from 'vscode';
import { ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, open } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

async function completions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

suite('Front matter hover and completion', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  test('hover on a key shows the schema description and allowed values', async () => {
    const editor = await open('postmortems', '2026-11-20-checkout-errors.md');
    const uri = editor.document.uri;
    ok(editor.document.lineAt(5).text.startsWith('severity:'));
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 3)));
    ok(text.includes('Incident severity'), `severity description in: ${text}`);
    ok(text.includes('`SEV1`'), `allowed values in: ${text}`);
    const nested = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(14, 5)));
    ok(nested.includes('impact.users_affected') && nested.includes('Number of users affected'), `nested key hover: ${nested}`);
  });

  test('completion offers enum values, UTC now, owners, ids and missing keys', async () => {
    const editor = await open('postmortems', 'schema-errors.md');
    const uri = editor.document.uri;
    // severity: → the four levels
    await editor.edit((b) => b.replace(new vscode.Range(5, 10, 5, 14), ''));
    const sev = (await completions(uri, new vscode.Position(5, 10))).map(label);
    for (const v of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) ok(sev.includes(v), `${v} in ${sev.join(', ')}`);
    // a new *_at key → now in UTC
    await editor.edit((b) => b.insert(new vscode.Position(7, 0), 'detected_at: \n'));
    const before = Date.now();
    const nowItem = (await completions(uri, new vscode.Position(7, 13))).find((i) => label(i) === 'now');
    ok(nowItem, 'a `now` item for detected_at');
    const inserted = String(nowItem.insertText);
    ok(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(inserted), `UTC ISO time: ${inserted}`);
    ok(Math.abs(Date.parse(inserted) - before) < 120_000, `close to now: ${inserted}`);
    // facilitator: → owners seen in the workspace's action items
    await editor.edit((b) => b.insert(new vscode.Position(7, 0), 'facilitator: \n'));
    const people = (await completions(uri, new vscode.Position(7, 13))).map(label);
    for (const o of ['alice', 'bob', 'carol']) ok(people.includes(o), `owner ${o} in ${people.join(', ')}`);
    // related: - → ids of other post-mortems
    await editor.edit((b) => b.insert(new vscode.Position(7, 0), 'related:\n  - \n'));
    const ids = (await completions(uri, new vscode.Position(8, 4))).map(label);
    ok(ids.includes('PM-2026-014') && ids.includes('PM-2026-011'), `known ids in ${ids.join(', ')}`);
    // a new key at the top level → keys not yet written, with descriptions
    await editor.edit((b) => b.insert(new vscode.Position(7, 0), 'mitig\n'));
    const keys = await completions(uri, new vscode.Position(7, 5));
    const mitigated = keys.find((i) => label(i) === 'mitigated_at');
    ok(mitigated, `mitigated_at among ${keys.map(label).join(', ')}`);
    ok(String(mitigated.insertText) === 'mitigated_at: ', 'inserts the key with its colon');
    ok(!keys.some((i) => label(i) === 'title' && i.kind === vscode.CompletionItemKind.Property), 'title is already written');
  });
});
