import * as vscode from 'vscode';
import { checkWrite, insertedTexts, type WriteCheck } from '../editing/writeGuard';
import { baseName } from '../recognise';
import { readSummary } from '../../core/api';
import { createTickets, heldBackNote, planTickets, ticketWriteBacks, urlPathOf, TrackerError, type CreateOutcome, type PlannedTicket } from '../../core/trackers';
import { ticketOptionsFor } from '../commands/ticketAddresses';
import type { ActionItemsNode } from '../tree/actionItemsProvider';
import type { TrackerAccessor } from './trackerAccess';

/** `{ uri, line, text }` (code action), a tree node, or nothing (the editor's cursor line). */
export type TicketItemArg = ActionItemsNode | { readonly uri: string | vscode.Uri; readonly line: number; readonly text?: string } | undefined;

export interface CreateTicketsResult {
  readonly created: number;
  readonly failed: number;
  readonly written: boolean;
  readonly message: string;
  /** Secrets and personal data replaced by placeholders in the tickets created (values, not kinds). */
  readonly heldBack: number;
}

/**
 * "Create Ticket" (one item) and "Create Tickets for This Post-mortem" (every open item without a
 * ticket): a preview lists what will be created (the user may leave items out), the tickets are
 * created (idempotently: see core/trackers/createTickets.ts), and the addresses are written into the
 * items as one WorkspaceEdit — one Undo — only for tickets that exist.
 */
export class CreateTicketsCommand implements vscode.Disposable {
  private readonly previewShown = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem & { plan: PlannedTicket }>>();
  /** Fires with the preview once it is on screen (tests accept it as a person would). */
  readonly onDidShowPreview = this.previewShown.event;

  constructor(private readonly access: TrackerAccessor) {}

  async run(arg: TicketItemArg, all: boolean): Promise<CreateTicketsResult | undefined> {
    const target = resolve(arg);
    if (!target) {
      void vscode.window.showWarningMessage('Open a post-mortem (or select an action item) first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(target.uri);
    const config = await this.access.configFor(doc.uri);
    const summary = readSummary(doc.getText(), { sectionAliases: config.sectionAliases });
    if (!config.tracker) {
      void vscode.window.showWarningMessage((await this.access.trackerFor(doc.uri, false) as { message: string }).message);
      return undefined;
    }
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    const repo = ticketOptionsFor(doc.uri).repositoryUrl;
    const lineUrl = repo ? (line: number) => `${repo}${/gitlab/i.test(repo) ? '/-/blob' : '/blob'}/HEAD/${urlPathOf(rel)}#L${line}` : undefined;
    // What lint calls redaction/* is never sent: the title and body carry placeholders (trial 14a F30).
    let plans = planTickets(summary, { path: rel, ...(lineUrl ? { lineUrl } : {}) }, config.tracker, config.owners, { redaction: config.redaction });
    if (!all) {
      // The item on the line; if lines moved since the tree was drawn, the item with the same text.
      const one = plans.find((p) => p.item.line === target.line && (target.text === undefined || p.item.text === target.text)) ?? plans.find((p) => target.text !== undefined && p.item.text === target.text);
      plans = one ? [one] : [];
    }
    if (!plans.length) {
      void vscode.window.showInformationMessage(all ? 'Every open action item of this post-mortem has a ticket already.' : 'This action item already has a ticket, is done, or is not an action item.');
      return undefined;
    }
    const access = await this.access.trackerFor(doc.uri, true);
    if (!access.ok) {
      void vscode.window.showErrorMessage(access.message);
      return undefined;
    }
    const chosen = await this.preview(plans, access.tracker.name);
    if (!chosen?.length) return undefined;
    // Tickets already in the items: one found by a marker among them is another item's (trial18d F1).
    const linked = summary.actionItems.filter((i) => i.ticket).map((i) => ({ line: i.line, ticket: i.ticket! }));
    const notes: string[] = [];
    const outcomes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Creating ${chosen.length} ticket${chosen.length === 1 ? '' : 's'} in ${access.tracker.name}…` },
      () => createTickets(access.tracker, chosen, { linked, onNote: (n) => notes.push(n) }).catch((e: unknown) => e as Error),
    );
    if (outcomes instanceof Error) {
      const message = `${outcomes.message} No tickets were created.`;
      void vscode.window.showErrorMessage(message);
      if (outcomes instanceof TrackerError && outcomes.kind === 'auth') await this.access.forgetToken(access.provider.type);
      return { created: 0, failed: chosen.length, written: false, message, heldBack: 0 };
    }
    return this.writeBack(doc, outcomes, notes);
  }

  private async preview(plans: PlannedTicket[], trackerName: string): Promise<PlannedTicket[] | undefined> {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { plan: PlannedTicket }>();
    pick.canSelectMany = true;
    pick.ignoreFocusOut = true;
    const held = plans.filter((p) => p.heldBack).length;
    pick.title = `Create ${plans.length === 1 ? 'a ticket' : `${plans.length} tickets`} in ${trackerName}${held ? ` (secrets and personal data held back from ${held}: sent as [redacted: …])` : ''}`;
    pick.placeholder = 'Uncheck items to leave out; Enter creates the checked tickets (nothing is sent before)';
    pick.items = plans.map((plan) => ({
      plan,
      label: plan.draft.title,
      description: `line ${plan.item.line + 1}`,
      detail: [
        plan.draft.assignee ? `assignee ${plan.draft.assignee}` : plan.unmappedOwner ? `unassigned: @${plan.unmappedOwner} is not in "owners"` : 'unassigned',
        plan.otherOwner && `@${plan.otherOwner} not assigned (first owner only)`,
        plan.draft.due && `due ${plan.draft.due}`,
        plan.draft.priority,
        plan.draft.labels.length ? `labels ${plan.draft.labels.join(', ')}` : undefined,
        plan.heldBack ? `held back: ${plan.heldBack.labels.join(', ')} (sent as [redacted: …])` : undefined,
      ].filter(Boolean).join(' · '),
      picked: true,
    }));
    pick.selectedItems = pick.items;
    const answer = new Promise<PlannedTicket[] | undefined>((done) => {
      const subs = [
        pick.onDidAccept(() => {
          done(pick.selectedItems.map((i) => i.plan));
          pick.hide();
        }),
        pick.onDidHide(() => {
          done(undefined);
          for (const s of subs) s.dispose();
          pick.dispose();
        }),
      ];
    });
    pick.show();
    this.previewShown.fire(pick);
    return answer;
  }

  /** One WorkspaceEdit for every ticket that exists, on the document as it is now. */
  private async writeBack(doc: vscode.TextDocument, outcomes: readonly CreateOutcome[], notes: readonly string[]): Promise<CreateTicketsResult> {
    const done = outcomes.filter((o): o is Extract<CreateOutcome, { ticket: unknown }> => o.kind === 'created' || o.kind === 'found');
    const failed = outcomes.filter((o) => o.kind !== 'created' && o.kind !== 'found');
    const version = doc.version;
    const results = ticketWriteBacks(doc.getText(), done.map((o) => ({ target: { line: o.plan.item.line, text: o.plan.item.text }, writeBack: o.ticket.writeBack })));
    const edit = new vscode.WorkspaceEdit();
    const notPlaced: string[] = [];
    results.forEach((r, i) => {
      if (r.kind === 'edit') edit.insert(doc.uri, new vscode.Position(r.edit.range.start.line, r.edit.range.start.character), r.edit.newText);
      else notPlaced.push(`${done[i]!.ticket.label}: ${r.message}`);
    });
    // Tickets exist now whatever happens: a refused write lists them to add by hand.
    let check: WriteCheck = edit.size > 0 ? await checkWrite(doc, insertedTexts(edit)) : { ok: true };
    if (check.ok && doc.version !== version) check = { ok: false, message: `${baseName(doc.uri)} changed while its tickets were created; nothing was written into it` };
    if (!check.ok) notPlaced.push(`${done.map((o) => o.ticket.label).join(', ')}: ${check.message}`);
    const written = edit.size > 0 && check.ok ? await vscode.workspace.applyEdit(edit) : false;
    const lines = [
      done.length ? `${done.length} ticket${done.length === 1 ? '' : 's'} ${written ? 'created and written into the post-mortem' : 'created'}: ${done.map((o) => o.ticket.label).join(', ')}.` : '',
      ...failed.map((o) => {
        switch (o.kind) {
          case 'failed': return `Not created: "${o.plan.draft.title}": ${o.error.message}`;
          case 'refused': return `Not linked: "${o.plan.draft.title}": ${o.message}`;
          case 'unknown': return `Unknown: "${o.plan.draft.title}": ${o.message}`;
          default: return `Not tried: "${o.plan.draft.title}".`;
        }
      }),
      ...notPlaced.map((n) => `Not written into the item (add it by hand): ${n}`),
      ...done.flatMap((o) => (o.notes ?? []).map((n) => `Note: ${n}`)),
      ...notes.map((n) => `Note: ${n}`),
    ].filter(Boolean);
    const sent = outcomes.filter((o) => o.kind === 'created').map((o) => o.plan.heldBack);
    const held = heldBackNote(sent, baseName(doc.uri), { fix: 'the Problems view lists them (redaction/*) with a Redact fix.', allow: 'add it to "redaction.allow" in .postmortemrc.json or the postmortem.redaction setting' });
    if (held) lines.push(held.replace(/\n/g, ' '));
    const message = lines.join(' ');
    if (failed.length || notPlaced.length) void vscode.window.showErrorMessage(message);
    else if (held || notes.length || done.some((o) => o.notes?.length)) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
    return { created: done.length, failed: failed.length, written, message, heldBack: sent.reduce((n, h) => n + (h?.count ?? 0), 0) };
  }

  dispose(): void {
    this.previewShown.dispose();
  }
}

function resolve(arg: TicketItemArg): { uri: vscode.Uri; line: number; text?: string } | undefined {
  if (arg && 'kind' in arg) {
    if (arg.kind === 'group') return arg.group.uri ? { uri: vscode.Uri.parse(arg.group.uri), line: -1 } : undefined;
    if (arg.kind !== 'item') return undefined; // An unread file's row: no items known.
    return { uri: vscode.Uri.parse(arg.open.uri), line: arg.open.item.line, text: arg.open.item.text };
  }
  if (arg && 'uri' in arg) return { uri: typeof arg.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg.uri, line: arg.line, ...(arg.text !== undefined ? { text: arg.text } : {}) };
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri, line: editor.selection.active.line } : undefined;
}
