import * as vscode from 'vscode';
import { checkWrite, insertedTexts } from '../editing/writeGuard';
import { parsePostmortem } from '../../core/document/parse';
import type { ConfigStore } from '../config/configStore';
import { baseName } from '../recognise';
import { utcStamp } from '../../core/evidence/section';
import { evidenceFolderRefusal, prepareAttachment, type IncomingFile } from './prepare';

export const ATTACH_EVIDENCE_COMMAND = 'postmortem.attachEvidence';

/** Arguments for scripted use and the tests; anything missing is asked for. */
export interface AttachEvidenceArgs {
  /** Uri (string) of the post-mortem; default: the active editor's document. */
  readonly document?: string;
  /** Uris (strings) of the files to attach. */
  readonly files?: readonly string[];
  readonly caption?: string;
  /** 1-based line of the timeline entry to link from; default: asked when the cursor is on one. */
  readonly timelineLine?: number;
  /** Test-only: false attaches without questions (captions are file names, no timeline link unless given). */
  readonly confirm?: boolean;
}

export interface AttachEvidenceOutcome {
  readonly attached: readonly string[];
  readonly redacted: number;
  readonly applied: boolean;
  readonly message: string;
}

/**
 * The "captured" time written under `## Evidence` is each file's modification time: said, since a
 * log exported hours after the incident would otherwise be recorded as captured then (trial13b F13).
 */
function capturedFromMtime(files: readonly IncomingFile[]): string {
  const times = files.slice(0, 3).map((f) => `${f.name} ${utcStamp(f.capturedAt)}`).join(', ');
  return `The "captured" time is the file's modification time (${times}${files.length > 3 ? ', …' : ''}), not necessarily when it was taken: correct it under ## Evidence if it differs.`;
}

async function fileOf(uri: vscode.Uri): Promise<IncomingFile> {
  const [bytes, stat] = await Promise.all([vscode.workspace.fs.readFile(uri), vscode.workspace.fs.stat(uri)]);
  return { name: baseName(uri), bytes, capturedAt: stat.mtime || Date.now() };
}

/**
 * "Post-mortem: Attach Evidence…": picks files, asks a caption (one file) and whether to link the
 * timeline entry under the cursor, copies them into `<name>.assets/` and links them from
 * `## Evidence` with the UTC capture time (the file's modification time). Text evidence is scanned:
 * secrets and personal data are redacted in the copy unless `postmortem.evidence.redact` is false.
 */
export async function attachEvidence(config: ConfigStore, args: AttachEvidenceArgs = {}): Promise<AttachEvidenceOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = args.document ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.document)) : editor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Open the post-mortem the evidence belongs to, then run Attach Evidence again.');
    return undefined;
  }
  const interactive = args.confirm !== false;
  const uris = args.files?.map((f) => vscode.Uri.parse(f)) ?? (await vscode.window.showOpenDialog({
    title: `Evidence for ${baseName(doc.uri)}: screenshots, logs, chat exports, PDFs`,
    canSelectMany: true, canSelectFiles: true, canSelectFolders: false, defaultUri: vscode.Uri.joinPath(doc.uri, '..'),
  }));
  if (!uris?.length) return undefined;
  let files: IncomingFile[];
  try {
    files = await Promise.all(uris.map(fileOf));
  } catch (e) {
    const message = `Could not read the evidence: ${(e as Error).message}. Nothing was attached.`;
    void vscode.window.showErrorMessage(message);
    return { attached: [], redacted: 0, applied: false, message };
  }
  if (files.length === 1) {
    const caption = args.caption ?? (interactive ? await vscode.window.showInputBox({
      title: `Caption for ${files[0].name}`, prompt: 'What it shows (images get it as alt text)', value: files[0].name, ignoreFocusOut: true,
    }) : undefined);
    if (caption === undefined && interactive && args.caption === undefined) return undefined;
    files = [{ ...files[0], caption: caption ?? files[0].name }];
  } else if (args.caption) files = files.map((f) => ({ ...f, caption: args.caption }));

  let timelineLine = args.timelineLine !== undefined ? args.timelineLine - 1 : undefined;
  if (timelineLine === undefined && interactive && editor?.document === doc) {
    const line = editor.selection.active.line;
    const entry = parsePostmortem(doc.getText()).timeline.find((e) => e.line === line && e.form === 'list');
    if (entry) {
      const yes = `Link from line ${line + 1}`;
      const answer = await vscode.window.showQuickPick([yes, 'Only under ## Evidence'], { title: `Also link the evidence from the timeline entry "${entry.description.slice(0, 60)}"?` });
      if (answer === undefined) return undefined;
      if (answer === yes) timelineLine = line;
    }
  }
  const fileConfig = await config.ensureFor(doc.uri);
  const redact = vscode.workspace.getConfiguration('postmortem', doc.uri).get<boolean>('evidence.redact', true) !== false;
  const version = doc.version;
  const prepared = await prepareAttachment(doc, files, { redact, redaction: fileConfig.redaction, ...(timelineLine !== undefined ? { timelineLine } : {}) });
  if (prepared.refused) {
    void vscode.window.showWarningMessage(prepared.refused);
    return { attached: [], redacted: 0, applied: false, message: prepared.refused };
  }
  if (prepared.notTimeline) {
    const message = `Line ${(timelineLine ?? 0) + 1} of ${baseName(doc.uri)} is not a timeline entry; nothing was attached.`;
    void vscode.window.showWarningMessage(message);
    return { attached: [], redacted: 0, applied: false, message };
  }
  if (doc.version !== version) {
    const message = `${baseName(doc.uri)} changed while attaching; nothing was attached. Run Attach Evidence again.`;
    void vscode.window.showWarningMessage(message);
    return { attached: [], redacted: 0, applied: false, message };
  }
  const check = await checkWrite(doc, insertedTexts(prepared.edit));
  if (!check.ok || doc.version !== version) {
    const message = check.ok ? `${baseName(doc.uri)} changed while attaching; nothing was attached. Run Attach Evidence again.` : check.message;
    void vscode.window.showWarningMessage(message);
    return { attached: [], redacted: 0, applied: false, message };
  }
  const folderRefused = await evidenceFolderRefusal(doc.uri);
  if (folderRefused) {
    void vscode.window.showWarningMessage(folderRefused);
    return { attached: [], redacted: 0, applied: false, message: folderRefused };
  }
  const applied = await vscode.workspace.applyEdit(prepared.edit);
  const message = applied
    ? [`Attached ${prepared.attached.join(', ')} to ${baseName(doc.uri)} (Undo removes the links and deletes the ${prepared.attached.length === 1 ? 'copy' : 'copies'}).`, ...prepared.notes, capturedFromMtime(files)].join(' ')
    : 'The edit was refused (a file of that name may exist); nothing was attached.';
  if (!applied) void vscode.window.showWarningMessage(message);
  else if (prepared.notes.length) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return { attached: applied ? prepared.attached : [], redacted: applied ? prepared.redacted : 0, applied, message };
}
