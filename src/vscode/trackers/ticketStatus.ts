import * as vscode from 'vscode';
import type { IndexedActionItem, PostmortemSummary } from '../../core/index/summary';
import { driftOf, TrackerError, type TicketState } from '../../core/trackers';
import { indexStateSentence } from '../index/indexState';
import type { Indexer } from '../index/indexer';
import { editorWriterZone } from '../timeline/writerZone';
import type { TrackerAccessor } from './trackerAccess';

export const TICKET_CLOSED = 'tickets/closed';
export const TICKET_OPEN = 'tickets/open';

/**
 * Documents' summaries from their lints (read on the lint thread in the Node host, never parsed again
 * on the extension host's thread): `summaryOf` at the document's current version (undefined when it
 * is not a post-mortem or was not checked), `onDidLint` after each edit's lint.
 */
export interface LintSummaries {
  summaryOf(doc: vscode.TextDocument): Promise<PostmortemSummary | undefined>;
  readonly onDidLint: vscode.Event<{ readonly document: vscode.TextDocument; readonly result?: { readonly summary?: PostmortemSummary } }>;
}

/** What a ticket diagnostic carries for its fix: the closing date to write as `done:`. */
export interface TicketDiagnosticData {
  readonly line: number;
  readonly text: string;
  readonly closedOn?: string;
}

/**
 * The states of the items' tickets, fetched only when asked ("Refresh Ticket Status") or, when the
 * `postmortem.tickets.syncMinutes` setting is above 0 (off by default), periodically — one batch per
 * post-mortem, without sign-in prompts. Drift becomes diagnostics on the item: an open item whose
 * ticket is closed (warning, fix "mark done (done:<closing date>)"), a done item whose ticket is open
 * (information). Diagnostics follow edits from the states already fetched; nothing is sent on typing.
 */
export class TicketStatusController implements vscode.Disposable {
  /** Ticket text as written in the item → its state, per post-mortem URI. */
  private readonly states = new Map<string, Map<string, TicketState>>();
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem-tickets');
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when states changed (the tree redraws its descriptions). */
  readonly onDidChange = this.emitter.event;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly access: TrackerAccessor,
    private readonly indexer: Indexer,
    private readonly lints: LintSummaries,
  ) {
    this.disposables.push(
      this.collection, this.emitter,
      // Diagnostics follow edits with each lint's summary: no second read of the file per keystroke.
      lints.onDidLint((e) => {
        if (e.result?.summary && this.states.has(e.document.uri.toString())) this.updateDiagnostics(e.document.uri, e.result.summary.actionItems);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.tickets.syncMinutes')) this.schedule();
      }),
    );
    this.schedule();
  }

  /** The state of an item's ticket, when fetched. */
  stateOf(uri: string, ticket: string): TicketState | undefined {
    return this.states.get(uri)?.get(ticket);
  }

  /**
   * Fetches the states of the tickets of these post-mortems (default: the active one, else every
   * indexed one with tickets). Returns what to tell the user.
   */
  async refresh(uris?: readonly vscode.Uri[], interactive = true): Promise<string> {
    const targets = uris ?? await this.defaultTargets();
    if (!targets.length) {
      // "None" only when the workspace was read: a silent file search is said, not taken for no tickets (trial14b F6).
      const unknown = uris ? undefined : indexStateSentence(this.indexer.state);
      return unknown ? `No ticket states checked: ${unknown}` : 'No post-mortem with ticket references to check.';
    }
    const messages: string[] = [];
    let checked = 0;
    let drift = 0;
    for (const uri of targets) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const all = (await this.lints.summaryOf(doc))?.actionItems ?? [];
      const items = all.filter((i) => i.ticket);
      if (!items.length) continue;
      const access = await this.access.trackerFor(uri, interactive);
      if (!access.ok) {
        messages.push(access.message);
        continue;
      }
      try {
        const fetched = await access.tracker.fetchStates(items.map((i) => i.ticket!));
        const states = new Map<string, TicketState>();
        for (const [ticket, state] of fetched) {
          if (state instanceof TrackerError) messages.push(state.message);
          else states.set(ticket, state);
        }
        this.states.set(uri.toString(), states);
        checked += states.size;
        drift += this.updateDiagnostics(uri, all);
      } catch (e) {
        messages.push((e as Error).message);
      }
    }
    this.emitter.fire();
    return [`${checked} ticket${checked === 1 ? '' : 's'} checked, ${drift} disagree${drift === 1 ? 's' : ''} with the post-mortem.`, ...messages].join(' ');
  }

  private async defaultTargets(): Promise<vscode.Uri[]> {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'markdown' && (await this.lints.summaryOf(active))?.actionItems.some((i) => i.ticket)) return [active.uri];
    await this.indexer.ready();
    const uris = new Set<string>();
    for (const open of this.indexer.index.openItems({ includeDone: true })) if (open.item.ticket) uris.add(open.uri);
    return [...uris].map((u) => vscode.Uri.parse(u));
  }

  /** Diagnostics of one post-mortem from the states known; returns how many items disagree. */
  private updateDiagnostics(uri: vscode.Uri, items: readonly IndexedActionItem[]): number {
    const states = this.states.get(uri.toString());
    if (!states) return 0;
    const diagnostics: vscode.Diagnostic[] = [];
    // The proposed `done:` date is on the writer's calendar, as every date a fix writes.
    const writerZone = editorWriterZone().zone;
    for (const item of items) {
      const state = item.ticket ? states.get(item.ticket) : undefined;
      const drift = state ? driftOf(item, state, writerZone) : undefined;
      if (!drift) continue;
      const range = new vscode.Range(item.line, 0, item.line, Math.max(1, item.text.length + 6));
      const d = drift.kind === 'ticket-closed'
        ? new vscode.Diagnostic(range, `Expected this item to be done: its ticket ${item.ticket} was closed${drift.closedOn ? ` on ${drift.closedOn}` : ''}, found it open.`, vscode.DiagnosticSeverity.Warning)
        : new vscode.Diagnostic(range, `Expected the ticket ${item.ticket} to be closed: this item is done, found the ticket still open.`, vscode.DiagnosticSeverity.Information);
      d.source = 'postmortem';
      d.code = drift.kind === 'ticket-closed' ? TICKET_CLOSED : TICKET_OPEN;
      (d as vscode.Diagnostic & { data?: TicketDiagnosticData }).data = { line: item.line, text: item.text, ...(drift.kind === 'ticket-closed' && drift.closedOn ? { closedOn: drift.closedOn } : {}) };
      diagnostics.push(d);
    }
    this.collection.set(uri, diagnostics);
    return diagnostics.length;
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const minutes = vscode.workspace.getConfiguration('postmortem').get<number>('tickets.syncMinutes', 0);
    if (!(minutes > 0)) return;
    // Never more often than every 5 minutes: a tracker's rate limit is shared with the user's other tools.
    this.timer = setInterval(() => void this.refresh(undefined, false), Math.max(5, minutes) * 60_000);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
