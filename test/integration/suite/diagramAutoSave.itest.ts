import * as vscode from 'vscode';
import { findMermaidBlocks, parseFishbone } from '../../../src/core/diagrams';
import type { ToWebview } from '../../../src/shared/protocol/messages';
import type { DiagramPanel } from '../../../src/vscode/diagrams/diagramPanel';
import { deepEqual, ok } from '../../vscode-harness/in-host/assert';
import { harnessScreenshot } from '../../vscode-harness/in-host/screenshot';
import { api, closeAll, nextEvent, readDisk, workspaceUri } from './helpers';
import { suiteSettings } from './settingsGuard';

/**
 * trial17b F1/F2: with `files.autoSave: afterDelay` (the default in vscode.dev, github.dev and
 * code-server) VS Code saves the document while the diagram panel writes its next edits. The panel's
 * write guard read the file while that save was under way and refused the edit as "changed on disk
 * (another program, a teammate's change or a git pull)": names typed in a burst were lost. The panel's
 * own edits and VS Code's own save of them are not someone else's change: every edit is written.
 */

declare const PM_EXPECTED_HOST: 'node' | 'webworker';

type Api = Awaited<ReturnType<typeof api>>;
type EditResult = Extract<ToWebview, { type: 'editResult' }>;

let attempt = 0;
const BLOCK = ['ishikawa-beta', '  Checkout returned 502', '    People', '      On-call new to payments', '    Process', '      No canary'].join('\n');
// A longer file: each save takes longer to write, the window the guard used to read in.
const TEXT = ['# Autosave burst', '', 'Notes from the retro.', '', '```mermaid', BLOCK, '```', '', ...Array.from({ length: 4000 }, (_, i) => `Line ${i} of the facilitator's notes, kept as written.`), ''].join('\n');

const editResult = (requestId: number) => (m: ToWebview): m is EditResult => m.type === 'editResult' && m.requestId === requestId;

function peopleCauses(text: string): string[] {
  const block = findMermaidBlocks(text)[0];
  return parseFishbone(block.content).model.categories[0].causes.map((c) => c.label);
}

suite('Diagram editor with auto-save after delay (trial17b F1/F2)', () => {
  let a: Api;
  // A new file per attempt (a failed first attempt is tried once more, suite/setup.ts).
  let uri = workspaceUri('notes', 'autosave-burst-0.md');
  const made: vscode.Uri[] = [];
  suiteSetup(async () => {
    a = await api();
    await closeAll();
  });
  // Saves as soon as VS Code lets them: the panel's next edit meets a save of the previous one.
  // Put back afterwards to the harness's `files.autoSave: off` (not deleted: see settingsGuard.ts).
  suiteSettings('files', { autoSaveDelay: 5, autoSave: 'afterDelay' });
  suiteTeardown(async () => {
    await closeAll();
    for (const u of made) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
  });

  test('names written in a burst while VS Code auto-saves: every edit is written, none refused as a change on disk', async () => {
    uri = workspaceUri('notes', `autosave-burst-${++attempt}.md`);
    made.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    const editor = await vscode.window.showTextDocument(uri);
    const doc = editor.document;
    await vscode.commands.executeCommand('postmortem.openDiagramEditor', uri.toString(), 0);
    const panel: DiagramPanel | undefined = a.diagramPanels.find(uri, 0);
    ok(panel, 'a panel for the fishbone');
    // The extension's side is what is tested: the edits are sent as the webview sends them (it need not have loaded).
    // As the webview sends them: one edit at a time, each on the version the previous answer gave.
    let version = doc.version;
    let content = findMermaidBlocks(doc.getText())[0].content;
    const names: string[] = [];
    const refused: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const name = `U${i}`;
      names.push(name);
      content = content.replace('    Process', `      ${name}\n    Process`);
      const answer = nextEvent(panel.onDidPost, editResult(1000 + i), `the answer to edit ${i}`);
      panel.receive({ type: 'edit', requestId: 1000 + i, baseVersion: version, content });
      const r = await answer;
      if (!r.ok) {
        refused.push(`${name}: ${r.reason ?? ''}`);
        // Made again on the text as it is (the webview would), so one refusal does not cascade.
        content = findMermaidBlocks(doc.getText())[0].content;
        names.pop();
      }
      version = r.version;
    }
    if (refused.length > 0) await harnessScreenshot(`diagram-autosave-refused-${PM_EXPECTED_HOST}`);
    deepEqual(refused, [], `no edit refused: ${refused.join(" | ")}`);
    deepEqual(peopleCauses(doc.getText()), ['On-call new to payments', ...names], 'every name in the text, in order');
    // And auto-save puts them on disk (doc.isDirty is no sign: the extension host may see the document
    // "not dirty" while the file is behind). Listening before each read, so no save is missed.
    const expected = JSON.stringify(['On-call new to payments', ...names]);
    for (;;) {
      const saved = nextEvent(vscode.workspace.onDidSaveTextDocument, (d) => d === doc, 'an auto-save that puts every name on disk');
      const onDisk = JSON.stringify(peopleCauses(await readDisk(uri)));
      if (onDisk === expected) {
        saved.catch(() => undefined);
        break;
      }
      await saved;
    }
  });
});
