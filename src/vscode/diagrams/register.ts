import * as vscode from 'vscode';
import { findMermaidBlocks } from '../../core/diagrams/blocks';
import type { DiagramKind, ZoomAction } from '../../shared/protocol/messages';
import { DiagramCodeLensProvider, OPEN_COMMAND } from './codeLens';
import { blockAtCursor, PanelManager } from './panelManager';
import { registerDiagramRestore } from './restore';
import { blockInsertion, diagramLine } from './templates';
import { markdownEditorForCommand } from '../commands/markdownEditorTarget';
import { checkWrite, refused } from '../editing/writeGuard';

/** The commands the diagram panel's zoom keybindings run (ids as in package.json). */
const ZOOM_COMMANDS: Readonly<Record<ZoomAction, string>> = {
  in: 'postmortem.diagramZoomIn',
  out: 'postmortem.diagramZoomOut',
  reset: 'postmortem.diagramZoomReset',
};

/** What registerDiagramEditor hands back: dispose it to unregister; `panels` for the integration tests. */
export interface DiagramEditorRegistration extends vscode.Disposable {
  readonly panels: PanelManager;
}

/**
 * Registers the diagram editor: the CodeLens above each fishbone/fault-tree block, the commands
 * to open, insert and export diagrams, and the panels (restored after a window reload). Call once
 * from activate(), synchronously: VS Code asks for restored panels right after activation.
 */
export function registerDiagramEditor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): DiagramEditorRegistration {
  const panels = new PanelManager(context.extensionUri, output);

  const open = async (uriArg?: unknown, indexArg?: unknown): Promise<void> => {
    if (typeof uriArg === 'string' && typeof indexArg === 'number' && Number.isInteger(indexArg) && indexArg >= 0) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriArg, true));
      panels.open(document, indexArg);
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const index = editor ? blockAtCursor(editor) : undefined;
    if (!editor || index === undefined) {
      void vscode.window.showInformationMessage('No fishbone or fault-tree diagram in this file. Insert one with "Post-mortem: Insert Fishbone Diagram" or "Insert Fault Tree".');
      return;
    }
    panels.open(editor.document, index);
  };

  const insert = async (kind: DiagramKind): Promise<void> => {
    // From the walkthrough the focus is on its page: the Markdown editor used last is the target.
    const target = await markdownEditorForCommand();
    if (!target) {
      void vscode.window.showInformationMessage('Open a Markdown post-mortem to insert a diagram.');
      return;
    }
    if ('refusal' in target) return void refused(`No diagram inserted: ${target.refusal}`);
    const { editor } = target;
    const doc = editor.document;
    // Never in the middle of a line (it would split it), never in the front matter.
    const line = diagramLine(doc.getText(), editor.selection.active.line, target.cursorChosen);
    const lines = doc.getText().split(/\r?\n/);
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const { text, fenceLine } = blockInsertion(kind, lines, line, eol);
    const at = line >= doc.lineCount ? doc.lineAt(doc.lineCount - 1).range.end : new vscode.Position(line, 0);
    const prefix = line >= doc.lineCount && doc.lineAt(doc.lineCount - 1).text !== '' ? eol : '';
    // As every editor write: not into a file a save would rewrite beyond the edit (Windows-1252, lone CRs).
    const version = doc.version;
    const check = await checkWrite(doc, [prefix + text]);
    if (!check.ok) return void refused(check.message);
    const ok = doc.version === version && await editor.edit((b) => b.insert(at, prefix + text));
    if (!ok) return;
    const block = findMermaidBlocks(doc.getText()).find((b) => b.range.start.line === fenceLine + (prefix ? 1 : 0));
    if (block) panels.open(doc, block.index);
  };

  const disposable = vscode.Disposable.from(
    panels,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new DiagramCodeLensProvider()),
    vscode.commands.registerCommand(OPEN_COMMAND, open),
    vscode.commands.registerCommand('postmortem.insertFishbone', () => insert('fishbone')),
    vscode.commands.registerCommand('postmortem.insertFaultTree', () => insert('fault-tree')),
    vscode.commands.registerCommand('postmortem.exportDiagramSvg', () => panels.export('svg')),
    vscode.commands.registerCommand('postmortem.exportDiagramPng', () => panels.export('png')),
    // Bound to Ctrl/Cmd+= / - / 0 while a diagram panel is active (package.json), ahead of VS Code's window zoom.
    vscode.commands.registerCommand(ZOOM_COMMANDS.in, () => panels.zoom('in')),
    vscode.commands.registerCommand(ZOOM_COMMANDS.out, () => panels.zoom('out')),
    vscode.commands.registerCommand(ZOOM_COMMANDS.reset, () => panels.zoom('reset')),
    registerDiagramRestore(panels, context.extensionUri, output),
  );
  return { panels, dispose: () => disposable.dispose() };
}
