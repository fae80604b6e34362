import * as vscode from 'vscode';
import { parsePostmortem } from '../../../src/core/document/parse';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, open, readDisk, waitFor, workspaceUri } from './helpers';

suite('Commands', () => {
  suiteSetup(() => api());
  teardown(closeAll);

  test('New post-mortem creates the file from the template in the configured folder and opens it', async () => {
    const { indexer } = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Login latency after cache eviction', started: '2026-11-20T13:05Z' });
    ok(uri, 'the command returns the new file');
    ok(uri.path.startsWith(workspaceUri('postmortems').path + '/'), `created under postmortems/: ${uri.path}`);
    const text = await readDisk(uri);
    const doc = parsePostmortem(text);
    equal(doc.meta.type, 'postmortem');
    equal(doc.meta.title, 'Login latency after cache eviction');
    ok(typeof doc.meta.id === 'string' && doc.meta.id.length > 0, 'an id is filled in');
    equal(String(doc.meta.started_at), '2026-11-20T13:05:00Z', 'the start given is written, in UTC');
    equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new file is open');
    await waitFor(indexer.onDidChange, () => indexer.index.has(uri.toString()), 'the index to pick up the new file');
    // A second one with the same title does not overwrite the first.
    const second = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Login latency after cache eviction', open: false });
    ok(second && second.toString() !== uri.toString(), 'a second file with a new name');
    // No start given: a placeholder, never the moment the file was made (U7: it was counted as a 0-minute detection).
    const unknown = parsePostmortem(await readDisk(second));
    ok(unknown.meta.started_at === undefined && unknown.meta.detected_at === undefined, 'no start given: no started_at, no detected_at');
    ok(/^# started_at: YYYY-MM-DDTHH:MM:SSZ/m.test(unknown.text), 'the placeholder says what to fill in');
    await closeAll();
    const gone = waitFor(indexer.onDidChange, () => !indexer.index.has(uri.toString()) && !indexer.index.has(second.toString()), 'both files to leave the index');
    // Deleted as the Explorer deletes (a workspace edit): the index hears it at once, not only from the watcher.
    const removal = new vscode.WorkspaceEdit();
    removal.deleteFile(uri);
    removal.deleteFile(second);
    ok(await vscode.workspace.applyEdit(removal), 'both files deleted');
    await gone;
  });

  // trial13b F9: the H1 was written `# Checkout "502" <b> & 🔥 storm`: on a code host `<b>` vanished and the rest turned bold.
  test('New post-mortem writes the title into the heading as Markdown text, and as typed into the front matter', async () => {
    const title = 'Checkout "502" <b> & 🔥 storm';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title, open: false });
    ok(uri, 'created');
    try {
      const text = await readDisk(uri);
      equal(parsePostmortem(text).meta.title, title);
      ok(text.split('\n').includes('# Checkout "502" \\<b\\> \\& 🔥 storm'), text);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('Insert timeline entry puts a UTC entry in the Timeline at its place in time', async () => {
    const editor = await open('postmortems', '2026-10-02-dns-outage.md');
    const before = parsePostmortem(editor.document.getText()).timeline.length;
    ok(await vscode.commands.executeCommand<boolean>('postmortem.insertTimelineEntry'));
    const doc = parsePostmortem(editor.document.getText());
    equal(doc.timeline.length, before + 1, 'one more timeline entry');
    const last = doc.timeline[doc.timeline.length - 1];
    ok(last.instant !== undefined && Math.abs(last.instant - Date.now()) < 120_000, `the new (latest) entry is stamped now: ${last.text}`);
    ok(last.zoneWritten && /Z\b/.test(last.text), `written in UTC: ${last.text}`);
    const timeline = doc.sections.find((s) => s.id === 'timeline')!;
    ok(last.line > timeline.headingLine && last.line < timeline.endLine, 'inside the Timeline section');
  });
});
