import * as vscode from 'vscode';
import { bytesRefusal, isUnicode, staleReason, unsavedRefusal } from './refusalReason';
import { writeTargetRefusalOf } from './writeTarget';
import { notAFileReason } from '../recognise';
import { afterSaves, heldByDocument, rememberTexts, SAVE_WAIT_MS, saveUnderWay } from './ownSaves';

/**
 * The one check before any editor-side write to a post-mortem (Mark done, tickets, Add to Related,
 * Fix All, import timeline, evidence links, review, the diagram editor): a write goes through the
 * document, and VS Code saves a document by encoding its whole text again, in the document's
 * encoding with one line-ending sequence. When the bytes on disk are not what that encoding of the
 * text gives back (a Windows-1252 file read as UTF-8 holds U+FFFD where its accents were; a lone CR
 * or mixed line endings were normalised; the file changed on disk since VS Code read it), the save
 * would rewrite bytes far from the edit. Then nothing is written and the user is told why. Nor is a
 * file written that the CLI would not write: read-only, or reached through a symlink out of the
 * workspace folders (writeTarget.ts, the core's decision).
 *
 * VS Code's own saves are not a change on disk (ownSaves.ts): a save under way (auto-save after the
 * previous edit) is waited for, and a file holding an earlier text of the document itself (the
 * extension host may see it "not dirty" before auto-save has caught up) is not refused (trial17b F2).
 *
 * A document with unsaved changes is the user's own: they see its text and save it themselves. It
 * is refused when the file's bytes would not survive a save at all (invalid UTF-8 read as UTF-8, lone
 * CRs, mixed line endings: the editor shows a diagnostic saying so), not for a change on disk.
 */
export type WriteCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Whether `doc` can be edited (and saved) without changing bytes other than the edit's. `inserted` are
 * the texts the edit adds: in a single-byte encoding (a file reopened as Windows-1252) a character
 * the encoding lacks would be saved as `?`.
 */
export async function checkWrite(doc: vscode.TextDocument, inserted: readonly string[] = []): Promise<WriteCheck> {
  if (doc.isUntitled) return { ok: true };
  // The import preview's "after" text, git's old versions, output: views, not files (the linter's gate).
  const view = notAFileReason(doc.uri);
  if (view) return { ok: false, message: `Nothing was written: ${view}. Open the post-mortem itself and try again.` };
  // Read-only, or a symlink out of the workspace: the rules the CLI's writer keeps (writeTarget.ts).
  const target = await writeTargetRefusalOf(doc.uri);
  if (target) return refuse(doc, target.message);
  rememberTexts(doc);
  // At most twice: once more after a save of VS Code's own that was under way (bounded wait).
  let stillSaving = false;
  for (let pass = 0; pass < 2; pass++) {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(doc.uri);
    } catch (e) {
      // Not a file this editor can read back (a virtual document) or gone: VS Code decides on save.
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return refuse(doc, 'it is no longer on disk (deleted or renamed since it was read)');
      return { ok: true };
    }
    // The same refusal whether or not the document has unsaved changes (the code actions' cache,
    // byteRefusals.ts, withholds fixes on it too): the bytes themselves would not survive a save.
    const why = bytesRefusal(bytes, doc.encoding);
    if (why && !(pass === 0 && saveUnderWay(doc.uri))) return refuse(doc, why);
    if (doc.isDirty && !why) return checkInserted(doc, inserted);
    // One snapshot of the text for both questions: VS Code may reload the document from disk meanwhile.
    const text = doc.getText();
    const saved = await vscode.workspace.encode(text, { encoding: doc.encoding });
    if (!why && sameBytes(saved, bytes)) return checkInserted(doc, inserted);
    // VS Code is saving the document (auto-save after the last edit): the file may be half written.
    // Wait for that save, then look again (trial17b F2: refused as someone else's change).
    if (pass === 0 && saveUnderWay(doc.uri)) {
      stillSaving = !(await afterSaves(doc.uri));
      continue;
    }
    if (why) return refuse(doc, why);
    // Which of the two: the file's text is not the document's (changed on disk), or only its encoding differs.
    const onDisk = await vscode.workspace.decode(bytes, { encoding: doc.encoding });
    if (onDisk !== text && heldByDocument(doc.uri, onDisk) && sameBytes(await vscode.workspace.encode(onDisk, { encoding: doc.encoding }), bytes)) {
      // The file holds an earlier text of this very document: VS Code's own save lagging behind its
      // edits (auto-save), not another program's change. The document's text is newer and is what a
      // save writes; nothing on disk is lost.
      return checkInserted(doc, inserted);
    }
    if (stillSaving && onDisk !== text) return refuse(doc, `VS Code was still saving it after ${SAVE_WAIT_MS / 1000} s (its own save, not someone else's change); try again once it is saved`);
    return refuse(doc, staleReason(bytes, doc.encoding, onDisk !== text));
  }
  return refuse(doc, `VS Code was still saving it after ${SAVE_WAIT_MS / 1000} s; try again once it is saved`);
}

/** The text of each insertion survives the document's encoding (always true in UTF-8 and UTF-16). */
async function checkInserted(doc: vscode.TextDocument, inserted: readonly string[]): Promise<WriteCheck> {
  if (isUnicode(doc.encoding)) return { ok: true };
  for (const text of inserted) {
    const back = await vscode.workspace.decode(await vscode.workspace.encode(text, { encoding: doc.encoding }), { encoding: doc.encoding });
    if (back !== text) return refuse(doc, `the text to insert ("${clip(text)}") has characters its encoding (${doc.encoding}) cannot hold; re-save the file as UTF-8 (Save with Encoding) and try again`);
  }
  return { ok: true };
}

function refuse(doc: vscode.TextDocument, why: string): WriteCheck {
  return { ok: false, message: `Nothing was written to ${vscode.workspace.asRelativePath(doc.uri, false)}: ${why}.` };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/** Says a refusal as a warning (the user asked for a change and did not get it); false for the caller to return. */
export function refused(message: string): false {
  void vscode.window.showWarningMessage(message);
  return false;
}

/** Every text a WorkspaceEdit inserts, for checkWrite. */
export function insertedTexts(edit: vscode.WorkspaceEdit): string[] {
  const texts: string[] = [];
  for (const [, edits] of edit.entries()) for (const e of edits) if ('newText' in e && typeof e.newText === 'string' && e.newText) texts.push(e.newText);
  return texts;
}

/**
 * For commands that copy a document's text into a new file (Convert): undefined when VS Code read
 * the file without loss; else why the copy would hold U+FFFD where the file has real characters.
 */
export async function lossyReading(doc: vscode.TextDocument): Promise<string | undefined> {
  if (doc.isUntitled) return undefined;
  const bytes = await vscode.workspace.fs.readFile(doc.uri).then((b) => b, () => undefined);
  const why = bytes ? unsavedRefusal(bytes, doc.encoding, 'the converted copy would hold U+FFFD too') : undefined;
  return why ? `${vscode.workspace.asRelativePath(doc.uri, false)}: ${why}` : undefined;
}
