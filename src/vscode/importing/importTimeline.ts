import * as vscode from 'vscode';
import { ImportError, mergeTimeline, parseGitLog, previewInsertions, type ImportedEvent, type MergeResult } from '../../core/import';
import type { ConfigStore } from '../config/configStore';
import { toRange } from '../convert';
import { canRunGit, runGitLog } from './gitLog';
import { readExport, type FileFormat } from './readExport';
import { showPreviewDiff } from './previewDocument';

export type ImportFormat = FileFormat | 'git';

/** Arguments for scripted use and the tests; anything missing is asked for. */
export interface ImportTimelineArgs {
  readonly format?: ImportFormat;
  /** Uri (string) of the export file or Slack folder; for git, of the repository folder. */
  readonly input?: string;
  /** Uri (string) of the post-mortem; default: the active editor's document. */
  readonly document?: string;
  readonly timeColumn?: string;
  readonly textColumn?: string;
  readonly zone?: string;
  /** Test-only: false inserts without the confirmation dialog. */
  readonly confirm?: boolean;
}

export interface ImportTimelineOutcome {
  readonly added: number;
  readonly applied: boolean;
  /** The preview shown (or, without confirmation, that would have been shown). */
  readonly preview: string;
  readonly message: string;
}

const FORMAT_ITEMS: readonly (vscode.QuickPickItem & { format: ImportFormat })[] = [
  { format: 'slack', label: 'Slack channel export', description: 'per-day JSON files (a channel folder or one day file)' },
  { format: 'csv', label: 'CSV', description: 'a time column and a text column (alert history of paging tools)' },
  { format: 'alertmanager', label: 'Prometheus Alertmanager', description: 'webhook JSON (alerts[].startsAt/labels/annotations)' },
  { format: 'git', label: 'git log', description: 'commits of a local repository folder over the incident window (desktop only)' },
];

const nameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

async function targetDocument(args: ImportTimelineArgs): Promise<vscode.TextDocument | undefined> {
  if (args.document) return vscode.workspace.openTextDocument(vscode.Uri.parse(args.document));
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc : undefined;
}

async function pickInput(format: ImportFormat, near: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folderOnly = format === 'git';
  const picked = await vscode.window.showOpenDialog({
    title: format === 'git' ? 'Repository folder to read git log from' : `The ${FORMAT_ITEMS.find((f) => f.format === format)?.label} export to import`,
    defaultUri: vscode.Uri.joinPath(near, '..'),
    canSelectFiles: !folderOnly,
    canSelectFolders: folderOnly || format === 'slack',
    canSelectMany: false,
    filters: format === 'csv' ? { CSV: ['csv', 'tsv', 'txt'] } : folderOnly ? undefined : { JSON: ['json'] },
  });
  return picked?.[0];
}

/**
 * "Post-mortem: Import Timeline…": reads an export, merges its events into `## Timeline` (core
 * mergeTimeline: window ± margin, UTC, source tags, no duplicates), previews the insertions and,
 * once confirmed, applies them as ONE undoable WorkspaceEdit — refused if the document changed
 * since the preview was computed.
 */
export async function importTimeline(config: ConfigStore, args: ImportTimelineArgs = {}, onlyFormat?: ImportFormat): Promise<ImportTimelineOutcome | undefined> {
  const doc = await targetDocument(args);
  if (!doc) {
    void vscode.window.showWarningMessage('Open the post-mortem whose timeline should receive the entries, then run Import Timeline again.');
    return undefined;
  }
  const gitAllowed = canRunGit();
  let format = args.format ?? onlyFormat;
  if (!format) {
    const items = FORMAT_ITEMS.filter((f) => f.format !== 'git' || gitAllowed);
    format = (await vscode.window.showQuickPick(items, { title: 'Import timeline entries from…', placeHolder: 'Format of the export' }))?.format;
    if (!format) return undefined;
  }
  const input = args.input ? vscode.Uri.parse(args.input) : await pickInput(format, doc.uri);
  if (!input) return undefined;

  const text = doc.getText();
  const version = doc.version;
  let events: ImportedEvent[];
  let result: MergeResult;
  const mergeOptions = { sectionAliases: config.config.sectionAliases };
  try {
    if (format === 'git') {
      if (input.scheme !== 'file') throw new ImportError('git log needs a folder on the local disk.');
      // git needs the window up front: the merge computes it from the front matter.
      const { window } = mergeTimeline(text, [], mergeOptions);
      events = parseGitLog(await runGitLog(input.fsPath, window.start, window.end), `git log of ${nameOf(input)}`);
    } else {
      events = await readExport(format, input, { timeColumn: args.timeColumn, textColumn: args.textColumn, zone: args.zone });
    }
    result = mergeTimeline(text, events, mergeOptions);
  } catch (e) {
    const message = e instanceof ImportError ? `${e.message}. Nothing was inserted.` : `Could not import ${nameOf(input)}: ${(e as Error).message}`;
    void vscode.window.showErrorMessage(message);
    return { added: 0, applied: false, preview: '', message };
  }

  const summary = `${events.length} events read: ${result.added.length} to add, ${result.duplicates} already in the timeline, ${result.outsideWindow} outside the window ${result.window.start} – ${result.window.end ?? 'open'}.`;
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(`${summary} Nothing to add to ${nameOf(doc.uri)}.`);
    return { added: 0, applied: false, preview: '', message: summary };
  }
  const preview = previewInsertions(text, result.edits, nameOf(doc.uri));
  if (args.confirm !== false && !(await confirm(doc, text, result, summary))) {
    return { added: result.added.length, applied: false, preview, message: 'Cancelled' };
  }
  if (doc.version !== version) {
    const message = `${nameOf(doc.uri)} changed while importing; nothing was inserted. Run Import Timeline again.`;
    void vscode.window.showWarningMessage(message);
    return { added: result.added.length, applied: false, preview, message };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.insert(doc.uri, toRange(e.range).start, e.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  const message = applied ? `Added ${result.added.length} timeline entries to ${nameOf(doc.uri)} (Undo reverts them).` : 'The edit was refused; nothing was inserted.';
  if (applied) void vscode.window.showInformationMessage(message);
  else void vscode.window.showWarningMessage(message);
  return { added: result.added.length, applied, preview, message };
}

/** A modal listing the entries; "Show Diff" opens the before/after diff and asks again beside it. */
async function confirm(doc: vscode.TextDocument, text: string, result: MergeResult, summary: string): Promise<boolean> {
  const insert = `Insert ${result.added.length} Entries`;
  const shown = result.added.slice(0, 15).join('\n') + (result.added.length > 15 ? `\n… and ${result.added.length - 15} more` : '');
  const choice = await vscode.window.showInformationMessage(`Import into ${nameOf(doc.uri)}?`, { modal: true, detail: `${summary}\n\n${shown}` }, insert, 'Show Diff');
  if (choice === insert) return true;
  if (choice !== 'Show Diff') return false;
  await showPreviewDiff(doc, text, result.edits);
  return (await vscode.window.showInformationMessage(`Insert the ${result.added.length} entries shown in the diff into ${nameOf(doc.uri)}?`, insert, 'Cancel')) === insert;
}
