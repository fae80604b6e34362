import * as vscode from 'vscode';
import { FAULT_TREE_MARKER, findMermaidBlocks } from '../../core/diagrams/blocks';
import type { ExportFormat, ZoomAction } from '../../shared/protocol/messages';
import { BlockTracker } from './blockTracker';
import { DiagramPanel } from './diagramPanel';

/** Keeps one panel per diagram block: opening a block that has a panel reveals that panel. */
export class PanelManager implements vscode.Disposable {
  private readonly panels = new Set<DiagramPanel>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.LogOutputChannel) {}

  /** Opens (or reveals) the editor for mermaid block `index` of `document`. */
  open(document: vscode.TextDocument, index: number): DiagramPanel | undefined {
    const existing = this.find(document.uri, index);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const tracker = BlockTracker.open(document.getText(), document.version, index);
    if (!tracker) {
      void vscode.window.showWarningMessage(`Diagram ${index + 1} of this file is not a fishbone (ishikawa-beta) or a fault tree (flowchart with "${FAULT_TREE_MARKER}").`);
      return undefined;
    }
    const panel = new DiagramPanel(document, tracker, this.extensionUri, this.output, (p) => this.panels.delete(p));
    this.panels.add(panel);
    return panel;
  }

  /**
   * Takes over a panel VS Code restored after a window reload, for block `index` of `document`
   * (found again by ./restoreBlock). Returns why not when that block cannot be edited in it.
   */
  restore(panel: vscode.WebviewPanel, document: vscode.TextDocument, index: number): DiagramPanel | string {
    // Two restored panels for one block (a state copied by hand): one panel per block stays the rule.
    if (this.find(document.uri, index)) return `Diagram ${index + 1} of this file is already open in another panel.`;
    const tracker = BlockTracker.open(document.getText(), document.version, index);
    if (!tracker) return `Diagram ${index + 1} of this file is not a fishbone or a fault tree any more.`;
    const restored = new DiagramPanel(document, tracker, this.extensionUri, this.output, (p) => this.panels.delete(p), panel);
    this.panels.add(restored);
    return restored;
  }

  /** The open panels, oldest first. */
  get all(): readonly DiagramPanel[] {
    return [...this.panels];
  }

  find(uri: vscode.Uri, index: number): DiagramPanel | undefined {
    for (const p of this.panels) {
      const s = p.tracker.state;
      if (p.uri.toString() === uri.toString() && s.status === 'tracked' && s.block.index === index) return p;
    }
    return undefined;
  }

  /** The panel the user looks at, if a diagram panel is active. */
  active(): DiagramPanel | undefined {
    for (const p of this.panels) if (p.panel.active) return p;
    return undefined;
  }

  /**
   * Zooms the active panel's drawing. The keybindings only apply while a diagram panel is active,
   * so without one (run by hand) there is nothing to do.
   */
  zoom(action: ZoomAction): void {
    this.active()?.zoom(action);
  }

  async export(format: ExportFormat): Promise<void> {
    let panel = this.active();
    if (!panel) {
      const editor = vscode.window.activeTextEditor;
      const index = editor ? blockAtCursor(editor) : undefined;
      if (!editor || index === undefined) {
        void vscode.window.showInformationMessage('Put the cursor in a fishbone or fault-tree block (or open its diagram editor) to export it.');
        return;
      }
      panel = this.open(editor.document, index);
    }
    await panel?.requestExport(format);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    this.panels.clear();
  }
}

/** Index of the fishbone/fault-tree block holding the cursor (or the first one after it). */
export function blockAtCursor(editor: vscode.TextEditor): number | undefined {
  const line = editor.selection.active.line;
  const blocks = findMermaidBlocks(editor.document.getText()).filter((b) => b.kind !== 'other');
  const inside = blocks.find((b) => b.range.start.line <= line && line <= b.range.end.line);
  return (inside ?? blocks.find((b) => b.range.start.line > line) ?? blocks[blocks.length - 1])?.index;
}
