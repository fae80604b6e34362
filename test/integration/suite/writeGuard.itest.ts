import * as vscode from 'vscode';
import type { ActionItemsNode } from '../../../src/vscode/tree/actionItemsProvider';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, waitFor, workspaceUri } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;
type MarkResult = { changed: boolean; refused?: boolean; message?: string };

/** Windows-1252 bytes of a text of Latin-1 letters and the dashes/quotes of 0x80–0x9F. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80 };
  return Uint8Array.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function postmortem(title: string, item: string, eol = '\n'): string {
  return ['---', 'type: postmortem', `title: "${title}"`, 'status: draft', '---', '', '## Action items', '', `- [ ] ${item}`, ''].join(eol);
}

const ITEM_LINE = 8;

/** Writes `bytes` as postmortems/<name> and waits until the Action Items view lists its item. */
async function place(a: Api, name: string, bytes: Uint8Array, itemStart: string): Promise<{ uri: vscode.Uri; node: ActionItemsNode }> {
  const uri = workspaceUri('postmortems', name);
  await vscode.workspace.fs.writeFile(uri, bytes);
  const p = a.actionItems.provider;
  const find = async () => {
    for (const g of await p.getChildren()) for (const c of await p.getChildren(g)) if (c.kind === 'item' && c.open.uri === uri.toString() && c.open.item.text.startsWith(itemStart)) return c;
    return undefined;
  };
  await waitFor(a.indexer.onDidChange, () => a.indexer.index.openItems().some((i) => i.uri === uri.toString()), `${name} in the index`);
  const node = await find();
  ok(node, `the item of ${name} in the Action Items view`);
  return { uri, node };
}

async function disk(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

function openDoc(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

suite('Write guard: no editor-side write destroys bytes', () => {
  let a: Api;
  const made: vscode.Uri[] = [];
  suiteSetup(async () => {
    a = await api();
    await closeAll();
  });
  suiteTeardown(async () => {
    await closeAll();
    for (const uri of made) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('Mark done on a Windows-1252 post-mortem that is not open: refused, every byte kept, the user told why', async () => {
    const bytes = cp1252(postmortem('Café outage – «checkout» down', 'Fix the café thing @josé due:2026-12-05'));
    const { uri, node } = await place(a, 'cp1252-outage.md', bytes, 'Fix the caf');
    made.push(uri);
    ok(!openDoc(uri)?.isDirty, 'not open with changes');
    const result = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', node);
    equal(result.changed, false);
    equal(result.refused, true);
    ok(result.message?.startsWith('Nothing was written to postmortems/cp1252-outage.md: it is not valid UTF-8 at line 3'), `message: ${result.message}`);
    ok(result.message?.includes('Windows-1252') && result.message.includes('Save with Encoding'), `says what to do: ${result.message}`);
    ok(same(await disk(uri), bytes), 'the file on disk is byte-for-byte what it was');
    ok(!openDoc(uri)?.isDirty, 'no unsaved change left behind either (a later Save All would write U+FFFD)');
  });

  test('the same file reopened as Windows-1252: marked done, written back in Windows-1252', async () => {
    const text = postmortem('Café outage – «checkout» down', 'Fix the café thing @josé due:2026-12-05');
    const { uri } = await place(a, 'cp1252-reopened.md', cp1252(text), 'Fix the caf');
    made.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri, { encoding: 'windows1252' });
    equal(doc.encoding, 'windows1252');
    ok(doc.lineAt(ITEM_LINE).text.includes('café'), 'read right this time');
    const result = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', { uri, line: ITEM_LINE, text: 'Fix the café thing @josé due:2026-12-05' });
    ok(result.changed, `marked: ${result.message}`);
    const after = await disk(uri);
    const line = doc.lineAt(ITEM_LINE).text;
    ok(line.startsWith('- [x] Fix the café thing @josé due:2026-12-05 done:'), line);
    ok(same(after, cp1252(doc.getText())), 'the file is still Windows-1252, accents intact');
  });

  test('UTF-8 with CRLF and accents: marked done, only the item line changes', async () => {
    const text = postmortem('Ünïcödé — “fine”', 'Fix the café thing @josé due:2026-12-05', '\r\n');
    const { uri, node } = await place(a, 'utf8-crlf.md', utf8(text), 'Fix the caf');
    made.push(uri);
    const result = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', node);
    ok(result.changed, `marked: ${result.message}`);
    const after = new TextDecoder('utf-8', { fatal: true }).decode(await disk(uri));
    const lines = text.split('\r\n');
    const afterLines = after.split('\r\n');
    equal(afterLines.length, lines.length, 'every CRLF kept');
    ok(afterLines[ITEM_LINE].startsWith('- [x] Fix the café thing @josé due:2026-12-05 done:'), afterLines[ITEM_LINE]);
    afterLines.forEach((l, i) => i === ITEM_LINE || equal(l, lines[i], `line ${i + 1} unchanged`));
  });

  test('a lone CR and mixed line endings: refused, bytes kept', async () => {
    const cr = utf8(postmortem('Old Mac file', 'Fix the CR thing @ann').replace('status: draft\n', 'status: draft\r'));
    const mixed = utf8(postmortem('Mixed endings', 'Fix the mixed thing @ann', '\r\n').replace('## Action items\r\n', '## Action items\n'));
    const one = await place(a, 'lone-cr.md', cr, 'Fix the CR');
    const two = await place(a, 'mixed-eol.md', mixed, 'Fix the mixed');
    made.push(one.uri, two.uri);
    const r1 = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', one.node);
    ok(r1.refused && r1.message?.includes('lone CR'), `lone CR: ${r1.message}`);
    const r2 = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', two.node);
    ok(r2.refused && r2.message?.includes('mixes CRLF and LF line endings'), `mixed: ${r2.message}`);
    ok(same(await disk(one.uri), cr) && same(await disk(two.uri), mixed), 'both files unchanged');
  });

  test('UTF-16 (PowerShell, Notepad "Unicode"): VS Code reads it by its BOM and writes it back as UTF-16', async () => {
    const text = postmortem('Café in UTF-16', 'Fix the utf16 thing @josé due:2026-12-05');
    const uri = workspaceUri('postmortems', 'utf16.md');
    await vscode.workspace.fs.writeFile(uri, utf16le(text));
    made.push(uri);
    // The index reads files as UTF-8 and does not list this one: the command is given the item as an editor's cursor would.
    const result = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', { uri, line: ITEM_LINE, text: 'Fix the utf16 thing @josé due:2026-12-05' });
    ok(result.changed, `marked: ${result.message}`);
    const doc = openDoc(uri);
    ok(doc, 'opened to edit');
    ok(doc.lineAt(ITEM_LINE).text.startsWith('- [x] Fix the utf16 thing'), doc.lineAt(ITEM_LINE).text);
    ok(same(await disk(uri), utf16le(doc.getText())), 'still UTF-16 LE with its BOM, accents intact');
  });

  test('UTF-16 with CRLF: marked done, still UTF-16 LE with its BOM and every CRLF; with CRLF beside LF: refused naming the line endings, bytes kept', async () => {
    const text = postmortem('Café in UTF-16 CRLF', 'Fix the crlf thing @josé due:2026-12-05', '\r\n');
    const uri = workspaceUri('postmortems', 'utf16-crlf.md');
    await vscode.workspace.fs.writeFile(uri, utf16le(text));
    made.push(uri);
    const result = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', { uri, line: ITEM_LINE, text: 'Fix the crlf thing @josé due:2026-12-05' });
    ok(result.changed, `marked: ${result.message}`);
    const doc = openDoc(uri);
    ok(doc, 'opened to edit');
    await doc.save();
    const after = await disk(uri);
    ok(same(after, utf16le(doc.getText())), 'still UTF-16 LE with its BOM');
    const lines = new TextDecoder('utf-16le').decode(after).split('\r\n');
    equal(lines.length, text.split('\r\n').length, 'every CRLF kept');
    ok(lines[ITEM_LINE].startsWith('- [x] Fix the crlf thing'), lines[ITEM_LINE]);

    const mixedText = postmortem('Mixed in UTF-16', 'Fix the mixed utf16 thing @ann', '\r\n').replace('## Action items\r\n', '## Action items\n');
    const mixedUri = workspaceUri('postmortems', 'utf16-mixed.md');
    const mixed = utf16le(mixedText);
    await vscode.workspace.fs.writeFile(mixedUri, mixed);
    made.push(mixedUri);
    const refused = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', { uri: mixedUri, line: ITEM_LINE, text: 'Fix the mixed utf16 thing @ann' });
    ok(refused.refused && refused.message?.includes('mixes CRLF and LF line endings'), `mixed UTF-16: ${refused.message}`);
    ok(!/re-save it as UTF-8/.test(refused.message ?? ''), `not sent to re-save a UTF-16 file as UTF-8 for its line endings: ${refused.message}`);
    ok(same(await disk(mixedUri), mixed), 'unchanged');
  });

  test('a change made on disk after VS Code read the file is never overwritten', async () => {
    const text = postmortem('Changed underneath', 'Fix the race thing @ann');
    const { uri, node } = await place(a, 'race.md', utf8(text), 'Fix the race');
    made.push(uri);
    await vscode.workspace.openTextDocument(uri); // VS Code has read it
    const theirs = text.replace('status: draft', 'status: in-review');
    await vscode.workspace.fs.writeFile(uri, utf8(theirs));
    // Either the guard sees the disk differ from the document (refused), or VS Code has already
    // reloaded the document and the item is marked in the new text: the other change survives both.
    const result = await vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', node);
    const now = new TextDecoder().decode(await disk(uri));
    ok(now.includes('status: in-review'), `the change on disk survives (${result.changed ? 'marked' : result.message})`);
    // trial13b F6: the refusal blamed the encoding ("re-save it as UTF-8") of a plain UTF-8 file.
    if (!result.changed) {
      ok(result.message?.endsWith(': it changed on disk since VS Code read it (another program, a teammate\'s change or a git pull wrote it); VS Code reloads it and the views refresh: try again then.'), `says why: ${result.message}`);
      ok(!/UTF-8|encod/i.test(result.message ?? ''), `no word of encodings: ${result.message}`);
    }
  });

  test('Fix All on a Windows-1252 post-mortem no editor shows: refused, no unsaved change left for a later Save All', async () => {
    const bytes = cp1252(postmortem('Café sans sections', 'Fix the fix-all thing @josé due:2026-12-05'));
    const { uri } = await place(a, 'cp1252-fixall.md', bytes, 'Fix the fix-all');
    made.push(uri);
    const applied = await vscode.commands.executeCommand<boolean>('postmortem.fixAll', uri);
    equal(applied, false);
    ok(same(await disk(uri), bytes), 'unchanged on disk');
    ok(!openDoc(uri)?.isDirty, 'no dirty document holding U+FFFD');
  });

  test('what VS Code itself does (why the guard is needed): a WorkspaceEdit on a closed file opens it dirty; a save after a change on disk is refused', async () => {
    const text = postmortem('Raw edit', 'Fix the raw thing @ann');
    const uri = workspaceUri('postmortems', 'raw-edit.md');
    await vscode.workspace.fs.writeFile(uri, utf8(text));
    made.push(uri);
    ok(!openDoc(uri), 'not open');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(ITEM_LINE, 0), 'x');
    ok(await vscode.workspace.applyEdit(edit));
    const doc = openDoc(uri);
    ok(doc?.isDirty, 'the edit lives in a dirty document (saved later by Save All or auto save, in the encoding VS Code read it with)');
    equal(new TextDecoder().decode(await disk(uri)), text, 'not written to disk by the edit itself');
    // Someone changes the file on disk while it is dirty: VS Code's save must not silently overwrite it.
    const theirs = text.replace('status: draft', 'status: in-review');
    await vscode.workspace.fs.writeFile(uri, utf8(theirs));
    const saved = await doc.save().then((r) => r, () => false);
    const now = new TextDecoder().decode(await disk(uri));
    equal(saved, false, 'VS Code refuses the save (File Modified Since)');
    ok(now.includes('in-review') && !now.includes('x- [ ]'), 'the other change stays on disk, ours is not written');
    await vscode.commands.executeCommand('workbench.action.files.revert', uri).then(undefined, () => undefined);
  });

  test('Convert of a Windows-1252 document VS Code read as UTF-8: nothing written, no copy holding U+FFFD', async () => {
    const uri = workspaceUri('imports', 'legacy-cp1252.md');
    await vscode.workspace.fs.writeFile(uri, cp1252('# Café outage – checkout down\n\n## Timeline\n\n- 2026-11-02 10:00 UTC Alerts fired for the café\n'));
    made.push(uri);
    const before = (await vscode.workspace.fs.readDirectory(workspaceUri('imports'))).map(([n]) => n).sort();
    const outcome = await vscode.commands.executeCommand('postmortem.convertToStandardFormat', { document: uri.toString(), confirm: false });
    equal(outcome, undefined, 'not converted');
    const after = (await vscode.workspace.fs.readDirectory(workspaceUri('imports'))).map(([n]) => n).sort();
    equal(after.join(', '), before.join(', '), 'no new file');
  });
});

