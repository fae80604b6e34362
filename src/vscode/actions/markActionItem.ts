import * as vscode from 'vscode';
import { editorToday } from '../codeActions/fixFacts';
import { toTextEdit } from '../convert';
import { openForWrite } from '../editing/openForWrite';
import { checkWrite } from '../editing/writeGuard';
import { actionItemEdits, type ItemTarget } from './actionItemEdits';
import type { EditQueue } from './editQueue';

export interface MarkResult {
  readonly changed: boolean;
  readonly message?: string;
  /** The write guard refused: saving would have changed bytes beyond the edit (see editing/writeGuard.ts). */
  readonly refused?: boolean;
}

/**
 * Marks the item done or reopens it through a WorkspaceEdit (undoable in the editor). The edit is
 * computed on the document's current version inside the file's queue, and re-checked against that
 * version just before it is applied. A file that was not open with unsaved changes is saved, so the
 * tree, the disk and other tools agree. The `done:` date is the writer's local date (the
 * `postmortem.zone` setting, else the machine's zone), like `due:` dates people write: an item
 * closed at 00:30 in Berlin is done on that day, not on the previous UTC one. Nothing is written to
 * a file whose bytes a save would not keep (a Windows-1252 file read as UTF-8): the write guard.
 */
export async function markActionItem(queue: EditQueue, uri: vscode.Uri, target: ItemTarget, done: boolean, now = new Date()): Promise<MarkResult> {
  return queue.run(uri.toString(), async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const opened = await openForWrite(uri);
      if (!opened.ok) return { changed: false, refused: true, message: opened.message };
      const doc = opened.doc;
      const wasDirty = doc.isDirty;
      const version = doc.version;
      const result = actionItemEdits(doc.getText(), target, done, editorToday(now.getTime()));
      if (result.kind !== 'edits') return { changed: false, message: result.message };
      if (doc.version !== version) continue; // Changed while we computed: compute again on the new text.
      const check = await checkWrite(doc, result.edits.map((e) => e.newText));
      if (!check.ok) return { changed: false, refused: true, message: check.message };
      if (doc.version !== version) continue; // Changed while the guard read the disk.
      const edit = new vscode.WorkspaceEdit();
      edit.set(uri, result.edits.map(toTextEdit));
      const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: false });
      if (!applied) return { changed: false, message: 'VS Code refused the edit (is the file read-only?).' };
      // VS Code's save refuses when the file changed on disk meanwhile (File Modified Since): say so.
      if (!wasDirty && !(await doc.save())) return { changed: true, message: `Changed in the editor but not saved: ${vscode.workspace.asRelativePath(uri, false)} could not be written (changed on disk meanwhile?). Save it from the editor to compare or overwrite.` };
      return { changed: true };
    }
    return { changed: false, message: 'The file kept changing; try again.' };
  });
}
