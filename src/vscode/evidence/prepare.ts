import * as vscode from 'vscode';
import type { RedactionSettings } from '../../core/redaction/config';
import { evidenceRedactionNotes } from '../../core/evidence/redactionNote';
import { appendAll } from '../../core/collections/appendAll';
import { addEvidenceEdits, evidenceEntriesBlocker, linkTimelineEntryEdit, type EvidenceEntry } from '../../core/evidence/section';
import { assetsFolderName, LARGE_EVIDENCE_BYTES, safeEvidenceName, uniqueName } from '../../core/evidence/paths';
import { evidenceCopy } from '../../core/evidence/textCopy';
import { toRange } from '../convert';
import { baseName } from '../recognise';
import { newFileRefusalOf } from '../editing/writeTarget';

/** One file to attach, however it arrived (picked, dropped, pasted). */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** When it was captured (the file's modification time, or now for a pasted image); epoch ms. */
  readonly capturedAt: number;
  readonly caption?: string;
}

export interface AttachOptions {
  /** 0-based line of a timeline entry to link the (first) file from. */
  readonly timelineLine?: number;
  /** Replace secrets and personal data in text evidence (default true). */
  readonly redact: boolean;
  readonly redaction: RedactionSettings;
}

export interface PreparedAttachment {
  /** Creates the copies and adds the links: one undoable edit. */
  readonly edit: vscode.WorkspaceEdit;
  /** Paths as linked (relative to the post-mortem). */
  readonly attached: readonly string[];
  /** Values redacted in the copies, and what the person should know (redactions, large files). */
  readonly redacted: number;
  readonly notes: readonly string[];
  /** Set when `timelineLine` was given but is not a timeline entry. */
  readonly notTimeline?: boolean;
  /** Set when a file looks like text but cannot be decoded, or is an archive, so cannot be scanned: why; the edit is empty (nothing attached). */
  readonly refused?: string;
}

/** `…/2026-11-20-checkout.md` → `…/2026-11-20-checkout.assets/`. */
export function evidenceFolder(doc: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(doc, '..', assetsFolderName(baseName(doc)));
}

/**
 * Why no evidence may be copied into the document's evidence folder (undefined when it may): the
 * folder, or one above it, is a symlink out of the workspace (the CLI's `evidence` refuses it too).
 */
export async function evidenceFolderRefusal(doc: vscode.Uri): Promise<string | undefined> {
  const folder = evidenceFolder(doc);
  const refusal = await newFileRefusalOf(vscode.Uri.joinPath(folder, 'evidence'));
  return refusal && `Nothing was attached: nothing was written to ${vscode.workspace.asRelativePath(folder, false)}: ${refusal.message}.`;
}

async function existingNames(folder: vscode.Uri): Promise<Set<string>> {
  try {
    return new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name));
  } catch {
    return new Set();
  }
}

/**
 * The one attach path of the command, paste and drop: copies named safely and uniquely in the
 * evidence folder, text evidence scanned (and redacted in the copy), large files noted, and the
 * `## Evidence` entries (and the timeline link) — all in one WorkspaceEdit, so Undo removes them.
 */
export async function prepareAttachment(doc: vscode.TextDocument, files: readonly IncomingFile[], options: AttachOptions): Promise<PreparedAttachment> {
  // The links must not land in a block left open at the end (trial18a F6): refused as the CLI refuses it.
  const blocked = evidenceEntriesBlocker(doc.getText());
  if (blocked) return { edit: new vscode.WorkspaceEdit(), attached: [], redacted: 0, notes: [], refused: `Nothing was attached: ${blocked}.` };
  const folder = evidenceFolder(doc.uri);
  const folderName = assetsFolderName(baseName(doc.uri));
  const taken = await existingNames(folder);
  const edit = new vscode.WorkspaceEdit();
  const entries: EvidenceEntry[] = [];
  const notes: string[] = [];
  let redacted = 0;
  for (const file of files) {
    const name = uniqueName(safeEvidenceName(file.name), taken);
    taken.add(name);
    let bytes = file.bytes;
    if (bytes.length > LARGE_EVIDENCE_BYTES) {
      notes.push(`${file.name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: large binaries bloat every clone; consider Git LFS (git lfs track "${folderName}/*").`);
    }
    const copy = evidenceCopy(file.name, bytes, options.redaction, options.redact);
    if (copy.kind === 'undecodable') {
      // Never copied as if checked: the whole attach stops, as the CLI's does (its --unscanned copies it anyway).
      return { edit: new vscode.WorkspaceEdit(), attached: [], redacted: 0, notes, refused: `${file.name} was not attached: ${copy.fact} ${copy.why} Re-save it as UTF-8 and attach it again. Nothing was attached.` };
    }
    if (copy.kind === 'archive') {
      // The logs in it cannot be scanned: refused as the CLI refuses it (trial15a F11).
      return { edit: new vscode.WorkspaceEdit(), attached: [], redacted: 0, notes, refused: `${file.name} was not attached: ${copy.fact} Unpack it and attach the files in it (or copy it as it is with \`postmortem evidence add … --unscanned\`). Nothing was attached.` };
    }
    bytes = copy.bytes;
    if (copy.kind === 'binary' && copy.note) notes.push(copy.note);
    if (copy.kind === 'text') {
      if (copy.encodingNote) notes.push(copy.encodingNote);
      if (copy.found.length && options.redact) redacted += copy.found.length;
      // What was redacted, and what the allow list kept (documentation addresses, redaction.allow): both said.
      appendAll(notes, evidenceRedactionNotes(file.name, copy.text, copy.found, copy.allowed, options.redact, 'postmortem.evidence.redact is off'));
    }
    edit.createFile(vscode.Uri.joinPath(folder, name), { contents: bytes, overwrite: false });
    entries.push({ path: `${folderName}/${name}`, caption: file.caption?.trim() || file.name, capturedAt: file.capturedAt });
  }
  const text = doc.getText();
  for (const e of addEvidenceEdits(text, entries)) edit.replace(doc.uri, toRange(e.range), e.newText);
  let notTimeline = false;
  if (options.timelineLine !== undefined && entries.length) {
    const link = linkTimelineEntryEdit(text, options.timelineLine, entries[0].path);
    if (link) edit.replace(doc.uri, toRange(link.range), link.newText);
    else notTimeline = true;
  }
  return { edit, attached: entries.map((e) => e.path), redacted, notes, ...(notTimeline ? { notTimeline } : {}) };
}
