import * as vscode from 'vscode';
import { findMermaidBlocks, parseFaultTree, parseFishbone } from '../../../src/core/diagrams';
import type { ToWebview } from '../../../src/shared/protocol/messages';
import type { DiagramPanel } from '../../../src/vscode/diagrams/diagramPanel';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { harnessScreenshot } from '../../vscode-harness/in-host/screenshot';
import { api, closeAll, nextEvent, open, openUntitled, readDisk, waitFor, workspaceUri } from './helpers';

// Not a post-mortem (no front matter, outside the globs): diagrams work in any Markdown file,
// and the action-item and diagnostics suites keep their counts.
const FIXTURE = ['notes', 'root-cause-diagrams.md'] as const;
const OPEN_COMMAND = 'postmortem.openDiagramEditor';

declare const PM_EXPECTED_HOST: 'node' | 'webworker';

type Api = Awaited<ReturnType<typeof api>>;

/** Resolves with the first message the panel sends to its webview that matches `match`. */
function nextPost<T extends ToWebview>(panel: DiagramPanel, match: (m: ToWebview) => m is T, what: string, ms = 20_000): Promise<T> {
  return nextEvent(panel.onDidPost, match, what, ms);
}

const editResult = (requestId: number) => (m: ToWebview): m is Extract<ToWebview, { type: 'editResult' }> => m.type === 'editResult' && m.requestId === requestId;

/** The tabs showing one of our diagram panels (VS Code prefixes the view type of webview tabs). */
function diagramTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('postmortem.diagramEditor'));
}

async function openPanel(a: Api, editor: vscode.TextEditor, index: number): Promise<DiagramPanel> {
  const open = a.diagramPanels.find(editor.document.uri, index);
  if (open?.webviewReady) return open;
  await vscode.commands.executeCommand(OPEN_COMMAND, editor.document.uri.toString(), index);
  const panel = a.diagramPanels.find(editor.document.uri, index);
  ok(panel, `a panel for block ${index}`);
  // The real webview page has loaded its script (under its CSP) and asked for the document.
  try {
    await waitFor(panel.onDidReceive, () => panel.webviewReady, 'the webview to say it is ready');
    // ... and Mermaid drew the block into it.
    await waitFor(panel.onDidReceive, () => panel.drawingsDone > 0, 'the webview to draw the diagram');
  } catch (error) {
    await harnessScreenshot(`diagram-editor-not-ready-${PM_EXPECTED_HOST}`);
    throw error;
  }
  return panel;
}

/** Resolves at the next change of `doc`'s text; rejects after `ms` with `what`. */
function changed(doc: vscode.TextDocument, what: string, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

suite('Diagram editor', () => {
  let a: Api;
  suiteSetup(async () => {
    a = await api();
    await closeAll();
  });
  // The fixture's panels stay open from test to test (each test leaves the text as it found it), and
  // panels are closed as a user closes them (closeAll), never with panel.dispose() from here: under
  // code-server a webview created right after the extension disposed one stayed blank (never loaded).
  suiteTeardown(closeAll);

  test('CodeLens "Edit fishbone" / "Edit fault tree" above each diagram block, opening its editor', async () => {
    const editor = await open(...FIXTURE);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const ours = lenses.filter((l) => l.command?.command === OPEN_COMMAND);
    deepEqual(ours.map((l) => [l.range.start.line, l.command?.title]), [[4, 'Edit fishbone'], [17, 'Edit fault tree']]);
    deepEqual(ours.map((l) => l.command?.arguments), [[editor.document.uri.toString(), 0], [editor.document.uri.toString(), 1]]);
  });

  test('the editor opens beside the text, one panel per block', async () => {
    const editor = await open(...FIXTURE);
    const panel = await openPanel(a, editor, 0);
    const tabs = diagramTabs();
    equal(tabs.length, 1, 'one diagram tab');
    ok(tabs[0].label.startsWith('Fishbone 1'), `tab label: ${tabs[0].label}`);
    ok(tabs[0].group.viewColumn !== editor.viewColumn, 'beside the text, not over it');
    ok(vscode.window.visibleTextEditors.some((e) => e.document === editor.document), 'the text stays visible');
    await harnessScreenshot(`diagram-editor-in-host-${PM_EXPECTED_HOST}`);
    // Opening the same block again reveals the same panel.
    await vscode.commands.executeCommand(OPEN_COMMAND, editor.document.uri.toString(), 0);
    equal(a.diagramPanels.all.length, 1);
    equal(a.diagramPanels.find(editor.document.uri, 0), panel);
    equal(diagramTabs().length, 1);
  });

  test('an edit from the panel replaces only the block\'s lines, and undo restores the text', async () => {
    const editor = await open(...FIXTURE);
    const doc = editor.document;
    const original = doc.getText();
    const panel = await openPanel(a, editor, 0);
    const block = findMermaidBlocks(original)[0];
    const content = block.content.replace('      Config change merged without canary', '      Config change merged without canary\n      No rollback runbook');

    const applied = nextPost(panel, editResult(1), 'the edit result');
    panel.receive({ type: 'edit', requestId: 1, baseVersion: doc.version, content });
    const result = await applied;
    ok(result.ok, `applied: ${result.reason ?? ''}`);
    equal(result.version, doc.version, 'the result names the document version after the edit');
    const after = doc.getText();
    const lines = original.split('\n');
    const expected = [...lines.slice(0, block.contentRange.start.line), ...content.split('\n'), ...lines.slice(block.contentRange.end.line + 1)].join('\n');
    equal(after, expected, 'only the block content changed');
    ok(doc.isDirty, 'the document is dirty, as after any edit');

    const undone = changed(doc, 'the undo');
    panel.receive({ type: 'undo', requestId: 2 });
    await undone;
    equal(doc.getText(), original, 'undo restores the text exactly');
  });

  test('a message that does not match the protocol is ignored', async () => {
    const editor = await open(...FIXTURE);
    const panel = await openPanel(a, editor, 0);
    const before = editor.document.getText();
    let seen = 0;
    const sub = panel.onDidReceive(() => seen++);
    panel.receive({ type: 'edit', requestId: 'x', baseVersion: editor.document.version, content: 'ishikawa-beta\n  Hacked' });
    panel.receive({ type: 'eval', code: 'alert(1)' });
    sub.dispose();
    equal(seen, 0, 'neither message reached the handler');
    equal(editor.document.getText(), before);
  });
  test('typing in the block updates the panel; a deleted block makes the panel refuse to write', async () => {
    const editor = await open(...FIXTURE);
    const doc = editor.document;
    const panel = await openPanel(a, editor, 1);
    const block = findMermaidBlocks(doc.getText())[1];

    // The typed text's message, not any earlier `document` message still on its way.
    const updated = nextPost(panel, (m): m is Extract<ToWebview, { type: 'document' }> => m.type === 'document' && m.content.includes('G1["Checkout down"]'), 'the new block text');
    await editor.edit((b) => b.replace(new vscode.Range(21, 0, 21, doc.lineAt(21).text.length), '  G1["Checkout down"]'));
    const doc1 = await updated;
    ok(doc1.content.includes('G1["Checkout down"]'), 'the panel gets the typed text');
    equal(doc1.version, doc.version);

    const gone = nextPost(panel, (m): m is Extract<ToWebview, { type: 'gone' }> => m.type === 'gone', 'the gone message');
    await editor.edit((b) => b.delete(new vscode.Range(block.range.start.line, 0, block.range.end.line + 1, 0)));
    await gone;
    const text = doc.getText();
    const refused = nextPost(panel, editResult(7), 'the refusal');
    panel.receive({ type: 'edit', requestId: 7, baseVersion: doc.version, content: doc1.content.replace('Checkout down', 'Anything') });
    const result = await refused;
    equal(result.ok, false, 'the write is refused');
    ok(/deleted/.test(result.reason ?? ''), `it says why: ${result.reason}`);
    equal(doc.getText(), text, 'nothing was written anywhere');
    await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => diagramTabs().some((t) => t.label.startsWith('Diagram (gone)')), 'the tab to say the block is gone');
  });

  test('the panel goes on editing the file after its Markdown tab is closed, follows a rename, and stops (saying why) when the file is deleted', async () => {
    // A file of its own: the panel saves to disk here, and the test deletes it at the end.
    const uri = workspaceUri('notes', `closed-tab-${PM_EXPECTED_HOST}.md`);
    const renamed = workspaceUri('notes', `closed-tab-${PM_EXPECTED_HOST}-renamed.md`);
    const fixture = await readDisk(workspaceUri(...FIXTURE));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(fixture));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const panel = await openPanel(a, editor, 0);
    const isDocument = (m: ToWebview): m is Extract<ToWebview, { type: 'document' }> => m.type === 'document';

    // The facilitator closes the text tab to give the diagram room (trial16b F3).
    const said = nextPost(panel, (m): m is Extract<ToWebview, { type: 'document' }> => isDocument(m) && /Markdown tab is closed/.test(m.hostNote ?? ''), 'the panel to say the tab is closed');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    ok(tab, 'the text tab');
    await vscode.window.tabGroups.close(tab);
    const note = await said;
    equal(note.hostNote, 'The Markdown tab is closed: each change made here is saved to the file at once.');
    // VS Code closes the document soon after its last tab: the panel must have opened it again, not stopped.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let gone = false;
    const watch = panel.onDidPost((m) => { gone ||= m.type === 'gone'; });

    const rename = (from: string, to: string, requestId: number, base: number) => {
      const content = findMermaidBlocks(fixture)[0].content.replace(from, to);
      const answered = nextPost(panel, editResult(requestId), `the answer to edit ${requestId}`);
      panel.receive({ type: 'edit', requestId, baseVersion: base, content });
      return answered;
    };
    const latest = () => new Promise<number>((resolve) => {
      // The version the webview knows last: the one of the last document message or answer.
      const sub = panel.onDidPost((m) => { if (m.type === 'document' || m.type === 'editResult') { sub.dispose(); resolve(m.version); } });
      panel.receive({ type: 'ready' });
    });
    let base = await latest();
    const first = await rename('Config change merged without canary', 'Renamed with the text tab closed', 41, base);
    ok(first.ok, `written: ${first.reason ?? ''}`);
    const held = () => vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri.toString()).map((d) => `closed=${d.isClosed} dirty=${d.isDirty} has=${d.getText().includes('Renamed with')}`).join('; ') || 'no document';
    ok((await readDisk(uri)).includes('Renamed with the text tab closed'), `the rename is in the file on disk (documents: ${held()}, tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')})`);
    equal(a.diagramPanels.find(uri, 0), panel, 'still the panel of that block');
    equal(gone, false, 'the panel never said it stopped');

    // Renamed in VS Code (Explorer, F2): the panel follows the file.
    const moved = new vscode.WorkspaceEdit();
    moved.renameFile(uri, renamed);
    ok(await vscode.workspace.applyEdit(moved), 'renamed');
    const followed = await waitFor(panel.onDidPost, () => panel.uri.toString() === renamed.toString(), 'the panel to follow the rename');
    ok(followed);
    base = await latest();
    const second = await rename('Config change merged without canary', 'Written after the rename', 42, base);
    ok(second.ok, `written after the rename: ${second.reason ?? ''}`);
    ok((await readDisk(renamed)).includes('Written after the rename'), 'the change is in the renamed file');
    equal(gone, false, 'following the rename did not stop the panel');
    watch.dispose();

    // Deleted: the panel cannot go on, and says so (not "undo the change in the text").
    const stopped = nextPost(panel, (m): m is Extract<ToWebview, { type: 'gone' }> => m.type === 'gone', 'the panel to stop');
    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(renamed);
    ok(await vscode.workspace.applyEdit(deletion), 'deleted');
    const stop = await stopped;
    ok(/closed-tab-.*-renamed\.md can no longer be opened \(deleted, or renamed or moved outside VS Code\)/.test(stop.reason), `says what: ${stop.reason}`);
    equal(stop.whatNow, 'This panel no longer writes to it: close it. Nothing you change here is written.');
    const refused = await rename('Config change merged without canary', 'Lost?', 43, base + 10);
    equal(refused.ok, false, 'an edit after that is refused, and the webview says so with what was typed');
    ok(/can no longer be opened/.test(refused.reason ?? ''), `the refusal says why: ${refused.reason}`);
  });

  // Last: it closes panels, and under code-server a webview created right after others were
  // closed has stayed blank (never loaded) — the tests above reuse the fixture's open panel instead.
  test('Insert Fishbone / Insert Fault Tree put a parseable block at the cursor and open its editor', async () => {
    const editor = await openUntitled('retro-notes', '# Retro notes\n\nWhy did checkout fail?\n\n## Next\n');
    const doc = editor.document;
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    await vscode.commands.executeCommand('postmortem.insertFishbone');
    let blocks = findMermaidBlocks(doc.getText());
    equal(blocks.length, 1, 'one block inserted');
    equal(blocks[0].kind, 'fishbone');
    equal(blocks[0].range.start.line, 4, 'after the cursor\'s line, with a blank line before it');
    ok(parseFishbone(blocks[0].content).writable, 'the new fishbone parses');
    ok(doc.getText().startsWith('# Retro notes\n\nWhy did checkout fail?\n\n```mermaid\n'), 'the text before the cursor line is untouched');
    ok(a.diagramPanels.find(doc.uri, 0), 'its editor opened');

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('postmortem.insertFaultTree');
    blocks = findMermaidBlocks(doc.getText());
    deepEqual(blocks.map((b) => b.kind), ['fault-tree', 'fishbone']);
    equal(blocks[0].range.start.line, 2, 'after the heading, with a blank line before it');
    const tree = parseFaultTree(blocks[0].content);
    ok(tree.writable && tree.problems.length === 0, `the new fault tree parses: ${JSON.stringify(tree.problems)}`);
    ok(doc.getText().includes('```\n\nWhy did checkout fail?'), 'a blank line between the block and the next paragraph');
    await closeAll(); // closes its panels too
  });

});
