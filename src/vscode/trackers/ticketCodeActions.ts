import * as vscode from 'vscode';
import type { PostmortemSummary } from '../../core/index/summary';
import type { ConfigStore } from '../config/configStore';
import { actionItemEdits } from '../actions/actionItemEdits';
import { checkWrite } from '../editing/writeGuard';
import { TICKET_CLOSED, type TicketDiagnosticData } from './ticketStatus';

/**
 * "Create Ticket" on an open action item without one (when a tracker is configured for the file),
 * and "Mark done (done:<closing date>)" on an item whose ticket was closed.
 */
export class TicketCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(
    private readonly configs: ConfigStore,
    /** The document's summary at its current version, from its lint (never parsed on this thread); undefined for a file that is not a post-mortem. */
    private readonly summaryOf: (doc: vscode.TextDocument) => Promise<PostmortemSummary | undefined>,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.code !== TICKET_CLOSED) continue;
      const data = (d as vscode.Diagnostic & { data?: TicketDiagnosticData }).data;
      if (!data?.closedOn) continue;
      const result = actionItemEdits(doc.getText(), { line: data.line, text: data.text }, true, data.closedOn);
      if (result.kind !== 'edits') continue;
      // As every editor write: not into a file a save would rewrite beyond the edit (its diagnostic says why).
      if (!(await checkWrite(doc, result.edits.map((e) => e.newText))).ok) continue;
      const edit = new vscode.WorkspaceEdit();
      for (const e of result.edits) edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      const action = new vscode.CodeAction(`Mark done (done:${data.closedOn})`, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
    }
    // Only post-mortems whose configuration names a tracker get the action (the file's folder's config, loaded if needed).
    const config = doc.languageId === 'markdown' ? this.configs.cachedFor(doc.uri) ?? await this.configs.ensureFor(doc.uri) : undefined;
    if (config?.tracker) {
      const version = doc.version;
      const summary = await this.summaryOf(doc);
      const item = doc.version === version ? summary?.actionItems.find((i) => i.line === range.start.line) : undefined;
      if (item && !item.isDone && !item.ticket) {
        const action = new vscode.CodeAction('Create Ticket…', vscode.CodeActionKind.RefactorRewrite);
        action.command = { command: 'postmortem.createTicket', title: 'Create Ticket…', arguments: [{ uri: doc.uri.toString(), line: item.line, text: item.text }] };
        actions.push(action);
      }
    }
    return actions;
  }
}
