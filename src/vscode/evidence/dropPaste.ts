import * as vscode from 'vscode';
import { parsePostmortem } from '../../core/document/parse';
import type { ConfigStore } from '../config/configStore';
import { checkWrite } from '../editing/writeGuard';
import { baseName } from '../recognise';
import { evidenceFolderRefusal, prepareAttachment, type IncomingFile } from './prepare';

/** Our kind: a Markdown link that is also post-mortem evidence (users can prefer it in `editor.*.preferences`). */
export const EVIDENCE_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'postmortemEvidence');

/** Files of a DataTransfer: dropped or pasted from outside (`files`), or from the explorer (`text/uri-list`). */
async function incomingFiles(dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<IncomingFile[]> {
  const out: IncomingFile[] = [];
  const now = Date.now();
  for (const [mime, item] of dataTransfer) {
    const file = item.asFile();
    if (!file || token.isCancellationRequested) continue;
    // A pasted screenshot has no useful name: give it one with its type.
    const name = file.name && file.name !== 'image.png' ? file.name : `screenshot-${new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${mime.split('/')[1] ?? 'png'}`;
    out.push({ name, bytes: await file.data(), capturedAt: now });
  }
  if (out.length) return out;
  const list = await dataTransfer.get('text/uri-list')?.asString();
  for (const line of (list ?? '').split(/\r?\n/)) {
    const s = line.trim();
    if (!s || s.startsWith('#') || token.isCancellationRequested) continue;
    try {
      const uri = vscode.Uri.parse(s, true);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) continue;
      out.push({ name: baseName(uri), bytes: await vscode.workspace.fs.readFile(uri), capturedAt: stat.mtime || now });
    } catch {
      // Not a file we can read (a web link): not evidence to copy.
    }
  }
  return out;
}

/**
 * Paste and drop into a post-mortem: the files are copied into `<name>.assets/` and listed under
 * `## Evidence` (caption = file name, UTC capture time); dropped on a timeline entry, the entry gets
 * `(evidence: …)`. Offered beside VS Code's own Markdown link edit (pick it in the paste/drop widget,
 * or prefer it with `"editor.pasteAs.preferences": ["markdown.link.postmortemEvidence"]`).
 */
export class EvidenceDropPasteProvider implements vscode.DocumentDropEditProvider, vscode.DocumentPasteEditProvider {
  static readonly dropMetadata: vscode.DocumentDropEditProviderMetadata = { dropMimeTypes: ['files', 'text/uri-list'], providedDropEditKinds: [EVIDENCE_EDIT_KIND] };
  static readonly pasteMetadata: vscode.DocumentPasteProviderMetadata = { pasteMimeTypes: ['files', 'image/*'], providedPasteEditKinds: [EVIDENCE_EDIT_KIND] };

  /** What to tell the person once an edit of ours is actually applied (resolve runs for that one only). */
  private readonly notes = new WeakMap<object, string>();

  constructor(private readonly config: ConfigStore, private readonly isPostmortem: (doc: vscode.TextDocument) => boolean) {}

  resolveDocumentDropEdit(edit: vscode.DocumentDropEdit): vscode.DocumentDropEdit {
    this.tell(edit);
    return edit;
  }

  resolveDocumentPasteEdit(edit: vscode.DocumentPasteEdit): vscode.DocumentPasteEdit {
    this.tell(edit);
    return edit;
  }

  private tell(edit: object): void {
    const note = this.notes.get(edit);
    if (note) void vscode.window.showWarningMessage(note);
  }

  async provideDocumentDropEdits(doc: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const made = await this.edit(doc, position.line, dataTransfer, token);
    if (!made) return undefined;
    const edit = new vscode.DocumentDropEdit('', made.title, EVIDENCE_EDIT_KIND);
    edit.additionalEdit = made.edit;
    if (made.note) this.notes.set(edit, made.note);
    return edit;
  }

  async provideDocumentPasteEdits(doc: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const made = await this.edit(doc, ranges[0]?.start.line, dataTransfer, token);
    if (!made) return undefined;
    const edit = new vscode.DocumentPasteEdit('', made.title, EVIDENCE_EDIT_KIND);
    edit.additionalEdit = made.edit;
    if (made.note) this.notes.set(edit, made.note);
    return [edit];
  }

  /** The attach edit for the files in `dataTransfer`, public for the integration tests (a real drag needs a mouse). */
  async edit(doc: vscode.TextDocument, line: number | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<{ edit: vscode.WorkspaceEdit; title: string; note?: string } | undefined> {
    if (!this.isPostmortem(doc) || doc.uri.scheme === 'untitled') return undefined;
    const files = await incomingFiles(dataTransfer, token);
    if (!files.length || token.isCancellationRequested) return undefined;
    // As Attach Evidence: nothing of ours goes into a file a save would rewrite beyond the edit (its diagnostic says why).
    if (!(await checkWrite(doc)).ok) return undefined;
    // The evidence folder leads out of the workspace: said (not asked: providers must not block), nothing offered.
    const folderRefused = await evidenceFolderRefusal(doc.uri);
    if (folderRefused) {
      void vscode.window.showWarningMessage(folderRefused);
      return undefined;
    }
    const onEntry = line !== undefined && parsePostmortem(doc.getText()).timeline.some((e) => e.line === line && e.form === 'list');
    const fileConfig = await this.config.ensureFor(doc.uri);
    const redact = vscode.workspace.getConfiguration('postmortem', doc.uri).get<boolean>('evidence.redact', true) !== false;
    const prepared = await prepareAttachment(doc, files, { redact, redaction: fileConfig.redaction, ...(onEntry ? { timelineLine: line } : {}) });
    if (prepared.refused) {
      // A file that cannot be scanned is never offered as attachable evidence.
      void vscode.window.showWarningMessage(prepared.refused);
      return undefined;
    }
    // Providers must not block on dialogs: the notes (redactions, large files) are shown, not asked.
    const where = onEntry ? ' and link it from this timeline entry' : '';
    return {
      edit: prepared.edit,
      title: `Attach as post-mortem evidence (copy into ${prepared.attached[0]?.split('/')[0]}/${where})`,
      ...(prepared.notes.length ? { note: prepared.notes.join(' ') } : {}),
    };
  }
}
