import * as vscode from 'vscode';
import type { EditQueue } from '../actions/editQueue';
import { markActionItem, type MarkResult } from '../actions/markActionItem';
import type { ActionItemsNode } from '../tree/actionItemsProvider';
import { ticketLink } from './ticketLink';

/** What the mark commands accept: a tree node, `{ uri, line, text? }`, or nothing (the editor's cursor line). */
export type ItemArg = ActionItemsNode | { readonly uri: string | vscode.Uri; readonly line: number; readonly text?: string } | undefined;

function resolveTarget(arg: ItemArg): { uri: vscode.Uri; line: number; text?: string } | undefined {
  if (arg && 'kind' in arg) {
    if (arg.kind !== 'item') return undefined;
    return { uri: vscode.Uri.parse(arg.open.uri), line: arg.open.item.line, text: arg.open.item.text };
  }
  if (arg && 'uri' in arg) return { uri: typeof arg.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg.uri, line: arg.line, ...(arg.text !== undefined ? { text: arg.text } : {}) };
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri, line: editor.selection.active.line } : undefined;
}

export async function markCommand(queue: EditQueue, arg: ItemArg, done: boolean): Promise<MarkResult> {
  const target = resolveTarget(arg);
  if (!target) return { changed: false, message: 'Select an action item in the view or put the cursor on one.' };
  const result = await markActionItem(queue, target.uri, { line: target.line, ...(target.text !== undefined ? { text: target.text } : {}) }, done);
  if (!result.changed && result.message) void vscode.window.showInformationMessage(result.message);
  return result;
}

export async function revealActionItem(arg: { uri: string; line: number }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
  const line = Math.min(arg.line, doc.lineCount - 1);
  const range = doc.lineAt(line).range;
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(range.start, range.start), preview: true });
}

export async function openTicket(arg: ActionItemsNode | undefined): Promise<void> {
  const ticket = arg?.kind === 'item' ? arg.open.item.ticket : undefined;
  const link = ticket ? ticketLink(ticket) : undefined;
  if (!ticket || !link) {
    void vscode.window.showInformationMessage(ticket ? `Ticket ${ticket} has no link; write it as [${ticket}](https://…) to open it from here.` : 'This action item has no ticket.');
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(link));
}
