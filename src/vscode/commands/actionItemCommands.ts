import * as vscode from 'vscode';
import { plainLabel } from '../../core/api';
import type { EditQueue } from '../actions/editQueue';
import { markActionItem, type MarkResult } from '../actions/markActionItem';
import type { ActionItemsNode } from '../tree/actionItemsProvider';
import { ticketOptionsFor } from './ticketAddresses';
import { ticketLink, whyNoLink } from './ticketLink';

/** What the mark commands accept: a tree node, `{ uri, line, text? }`, or nothing (the editor's cursor line). */
export type ItemArg = ActionItemsNode | { readonly uri: string | vscode.Uri; readonly line: number; readonly text?: string } | undefined;

function resolveTarget(arg: ItemArg): { uri: vscode.Uri; line: number; text?: string; label?: string } | undefined {
  if (arg && 'kind' in arg) {
    if (arg.kind !== 'item') return undefined;
    const item = arg.open.item;
    return { uri: vscode.Uri.parse(arg.open.uri), line: item.line, text: item.text, label: plainLabel(item.description.trim() || item.text) };
  }
  if (arg && 'uri' in arg) return { uri: typeof arg.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg.uri, line: arg.line, ...(arg.text !== undefined ? { text: arg.text } : {}) };
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri, line: editor.selection.active.line } : undefined;
}

/** Ways the notification after a change can be answered; tests pass their own to press Undo. */
export type Notify = (message: string, ...actions: string[]) => Thenable<string | undefined>;

export interface MarkCommandResult extends MarkResult {
  /** Settles when the notification's Undo was pressed and the change undone, or it was dismissed. */
  readonly undone?: Promise<boolean>;
}

/**
 * Marks an item done (or reopens it) and says so in a notification with Undo: from the tree one
 * click on the icon under the pointer writes the file and removes the row, so the change has to be
 * visible and reversible. Undo reopens (or marks done again) the same item by its text.
 */
export async function markCommand(queue: EditQueue, arg: ItemArg, done: boolean, notify: Notify = (m, ...a) => vscode.window.showInformationMessage(m, ...a)): Promise<MarkCommandResult> {
  const target = resolveTarget(arg);
  if (!target) return { changed: false, message: 'Select an action item in the view or put the cursor on one.' };
  const itemTarget = { line: target.line, ...(target.text !== undefined ? { text: target.text } : {}) };
  const result = await markActionItem(queue, target.uri, itemTarget, done);
  if (!result.changed) {
    // A refusal of the write guard is a warning: the user asked for a change and did not get it.
    if (result.message) void (result.refused ? vscode.window.showWarningMessage(result.message) : notify(result.message));
    return result;
  }
  if (result.message) void vscode.window.showWarningMessage(result.message);
  const label = shortLabel(target.label ?? target.text);
  const undone = Promise.resolve(notify(`${done ? 'Marked done' : 'Reopened'}${label ? `: ${label}` : ''}`, 'Undo')).then(async (pick) => {
    if (pick !== 'Undo') return false;
    const back = await markActionItem(queue, target.uri, itemTarget, !done);
    if (!back.changed && back.message) void (back.refused ? vscode.window.showWarningMessage(back.message) : notify(back.message));
    return back.changed;
  });
  return { ...result, undone };
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
