import * as vscode from 'vscode';
import { plainLabel } from '../../core/api';
import type { EditQueue } from '../actions/editQueue';
import { markActionItem, type MarkResult } from '../actions/markActionItem';
import type { ActionItemsNode } from '../tree/actionItemsProvider';
import { ticketOptionsFor } from './ticketAddresses';
import { ticketLink, whyNoLink } from './ticketLink';

/** What the mark commands accept: a tree node, `{ uri, line, text? }`, or nothing (the editor's cursor line). */
export type ItemArg = ActionItemsNode | { readonly uri: string | vscode.Uri; readonly line: number; readonly text?: string } | undefined;

/**
 * Where a mark command was started. A row of the Action Items view (`view`) names its item, and the
 * command acts on that item or on nothing: when the row is gone by the time the menu is clicked (its
 * file renamed or rewritten behind the open menu) VS Code passes no argument, and falling back to
 * the text cursor marked an item of another post-mortem (trial14b F3). The palette (`palette`) may
 * use the cursor line.
 */
export type MarkOrigin = 'view' | 'palette';

interface Target { readonly uri: vscode.Uri; readonly line: number; readonly text?: string; readonly label: string }

function resolveTarget(arg: ItemArg, origin: MarkOrigin, done: boolean): Target | { readonly refusal: string } {
  if (arg && 'kind' in arg) {
    if (arg.kind !== 'item') return { refusal: 'Select an action item in the view (not a group) and try again.' };
    const item = arg.open.item;
    return { uri: vscode.Uri.parse(arg.open.uri), line: item.line, text: item.text, label: plainLabel(item.description.trim() || item.text) };
  }
  if (arg && 'uri' in arg) return { uri: typeof arg.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg.uri, line: arg.line, ...(arg.text !== undefined ? { text: arg.text, label: plainLabel(arg.text) } : { label: '' }) };
  if (origin === 'view') {
    return { refusal: `${done ? 'Not marked done' : 'Not reopened'}: that row is no longer in the Action Items view (its file was renamed, moved or changed while the menu was open), so nothing was changed. The list is up to date now; try again on the row.` };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return { refusal: 'Select an action item in the Action Items view, or put the cursor on one in a post-mortem.' };
  const line = editor.selection.active.line;
  return { uri: editor.document.uri, line, label: plainLabel(itemWords(editor.document.lineAt(line).text)) };
}

/** A task line without its list marker and checkbox (or a table row's first cell), for the notification. */
function itemWords(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) return trimmed.slice(1).split('|')[0]?.trim() ?? '';
  return trimmed.replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, '');
}

/** Ways the notification after a change can be answered; tests pass their own to press Undo. */
export type Notify = (message: string, ...actions: string[]) => Thenable<string | undefined>;

export interface MarkCommandResult extends MarkResult {
  /** Settles when the notification's Undo was pressed and the change undone, or it was dismissed. */
  readonly undone?: Promise<boolean>;
  /** The notification shown after the change: it names the item and the file written. */
  readonly notice?: string;
}

/**
 * Marks an item done (or reopens it) and says so in a notification with Undo: from the tree one
 * click on the icon under the pointer writes the file and removes the row, so the change has to be
 * visible and reversible. Undo reopens (or marks done again) the same item by its text. The
 * notification names the item and its file, so a change to the wrong one cannot pass unseen.
 */
export async function markCommand(queue: EditQueue, arg: ItemArg, done: boolean, origin: MarkOrigin = 'palette', notify: Notify = (m, ...a) => vscode.window.showInformationMessage(m, ...a)): Promise<MarkCommandResult> {
  const target = resolveTarget(arg, origin, done);
  if ('refusal' in target) {
    void vscode.window.showWarningMessage(target.refusal);
    return { changed: false, refused: true, message: target.refusal };
  }
  const itemTarget = { line: target.line, ...(target.text !== undefined ? { text: target.text } : {}) };
  const result = await markActionItem(queue, target.uri, itemTarget, done);
  if (!result.changed) {
    // A refusal of the write guard is a warning: the user asked for a change and did not get it.
    if (result.message) void (result.refused ? vscode.window.showWarningMessage(result.message) : notify(result.message));
    return result;
  }
  if (result.message) void vscode.window.showWarningMessage(result.message);
  const label = shortLabel(target.label);
  const notice = `${done ? 'Marked done' : 'Reopened'}${label ? `: ${label}` : ''} (${vscode.workspace.asRelativePath(target.uri)}, line ${target.line + 1})`;
  const undone = Promise.resolve(notify(notice, 'Undo')).then(async (pick) => {
    if (pick !== 'Undo') return false;
    const back = await markActionItem(queue, target.uri, itemTarget, !done);
    if (!back.changed && back.message) void (back.refused ? vscode.window.showWarningMessage(back.message) : notify(back.message));
    return back.changed;
  });
  return { ...result, undone, notice };
}

function shortLabel(text: string | undefined): string {
  const words = (text ?? '').replace(/\s+/g, ' ').trim();
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

export async function revealActionItem(arg: { uri: string; line: number }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
  const line = Math.min(arg.line, doc.lineCount - 1);
  const range = doc.lineAt(line).range;
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(range.start, range.start), preview: true });
}

/**
 * Opens the item's ticket in the browser and returns the address it asked VS Code to open (or
 * undefined, after saying why not: no ticket, a key without an address template, not http(s)).
 * Does not wait for the browser: VS Code may first ask the user whether to open the site.
 */
export function openTicket(arg: ActionItemsNode | undefined): string | undefined {
  const ticket = arg?.kind === 'item' ? arg.open.item.ticket : undefined;
  if (!ticket) {
    void vscode.window.showInformationMessage('This action item has no ticket.');
    return undefined;
  }
  const options = ticketOptionsFor(arg?.kind === 'item' ? vscode.Uri.parse(arg.open.uri) : undefined);
  const link = ticketLink(ticket, options);
  if (!link) {
    void vscode.window.showInformationMessage(whyNoLink(ticket, options) ?? `Ticket ${ticket} cannot be opened.`, 'Open Settings').then((pick) => {
      if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'postmortem.ticketUrls');
    });
    return undefined;
  }
  void vscode.env.openExternal(vscode.Uri.parse(link));
  return link;
}
