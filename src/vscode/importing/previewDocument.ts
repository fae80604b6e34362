import * as vscode from 'vscode';
import { applyEdits } from '../../core/fix/applyEdits';
import type { TextEdit } from '../../core/types';
import { baseName } from '../recognise';

const PREVIEW_SCHEME = 'postmortem-preview';

/** Read-only virtual documents holding "after" texts for vscode.diff (never written to disk). */
export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private static instance: PreviewDocuments | undefined;
  private readonly texts = new Map<string, string>();
  private counter = 0;
  private readonly registration: vscode.Disposable;

  private constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);
  }

  static register(): PreviewDocuments {
    PreviewDocuments.instance ??= new PreviewDocuments();
    return PreviewDocuments.instance;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A fresh uri per preview, so an old diff tab never shows a newer text. */
  add(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${++this.counter}/${name}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
    PreviewDocuments.instance = undefined;
  }
}

/** Opens a diff of the document's current text against the text after `edits`. */
export async function showPreviewDiff(doc: vscode.TextDocument, text: string, edits: readonly TextEdit[], label = 'after import'): Promise<void> {
  const name = baseName(doc.uri);
  const after = PreviewDocuments.register().add(name, applyEdits(text, edits).text);
  await vscode.commands.executeCommand('vscode.diff', doc.uri, after, `${name} ↔ ${label}`, { preview: true });
}
