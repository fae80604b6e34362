import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import type { Indexer } from '../index/indexer';
import type { ActionItemsView } from '../tree/actionItemsView';
import { TRACKERS } from '../../core/trackers';
import { TrackerCredentialStore } from './credentials';
import { CreateTicketsCommand, type TicketItemArg } from './createTicketsCommand';
import { TicketCodeActionProvider } from './ticketCodeActions';
import { TicketStatusController, type LintSummaries } from './ticketStatus';
import { TrackerAccessor } from './trackerAccess';

export interface TrackersApi {
  readonly create: CreateTicketsCommand;
  readonly status: TicketStatusController;
  /** Stores a token as "Set Tracker Token" does (tests: a stand-in's token without a prompt). */
  storeToken(type: string, token: string, email?: string): Promise<void>;
}

/** Tickets in the team's tracker: create from items, follow their states (src/core/trackers). */
export function registerTrackers(context: vscode.ExtensionContext, configs: ConfigStore, indexer: Indexer, actionItems: ActionItemsView, lints: LintSummaries): TrackersApi {
  const credentials = new TrackerCredentialStore(context.secrets);
  const access = new TrackerAccessor(configs, credentials);
  const create = new CreateTicketsCommand(access);
  const status = new TicketStatusController(access, indexer, lints);
  actionItems.provider.ticketState = (uri, ticket) => status.stateOf(uri, ticket);
  context.subscriptions.push(
    create, status,
    status.onDidChange(() => actionItems.provider.refresh()),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new TicketCodeActionProvider(configs, (doc) => lints.summaryOf(doc)), { providedCodeActionKinds: TicketCodeActionProvider.kinds }),
    vscode.commands.registerCommand('postmortem.createTicket', (arg?: TicketItemArg) => create.run(arg, false)),
    vscode.commands.registerCommand('postmortem.createTicketsForPostmortem', (arg?: TicketItemArg | vscode.Uri) => create.run(arg instanceof vscode.Uri ? { uri: arg, line: -1 } : arg, true)),
    vscode.commands.registerCommand('postmortem.refreshTicketStatus', async (uri?: vscode.Uri) => {
      const message = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading ticket states…' }, () => status.refresh(uri ? [uri] : undefined));
      void vscode.window.showInformationMessage(message);
      return message;
    }),
    vscode.commands.registerCommand('postmortem.setTrackerToken', async () => {
      const type = await vscode.window.showQuickPick(Object.values(TRACKERS).map((p) => ({ label: p.label, type: p.type })), { title: 'Store a token for which tracker?' });
      if (!type) return;
      const provider = TRACKERS[type.type]!;
      const email = provider.env.email ? await vscode.window.showInputBox({ title: `${provider.label}: account e-mail`, ignoreFocusOut: true }) : undefined;
      if (provider.env.email && !email) return;
      const token = await vscode.window.showInputBox({ title: `${provider.label}: token`, password: true, ignoreFocusOut: true, prompt: 'Stored in VS Code\'s secret storage, never shown or written to a file.' });
      if (token?.trim()) await credentials.store(provider.type, token.trim(), email?.trim());
    }),
  );
  return { create, status, storeToken: (type, token, email) => credentials.store(type, token, email) };
}
