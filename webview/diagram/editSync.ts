import type { EditMessage, HistoryMessage } from '../../src/shared/protocol/messages';

/**
 * What a local state was made of, in words the panel can apply again to other text (a name typed,
 * a row added after another): `intents`; `opaque` when part of it cannot be described that way
 * (a field in Details).
 */
export interface Steps<I> {
  readonly intents: readonly I[];
  readonly opaque: boolean;
}

type Op<I> = { readonly kind: 'edit'; readonly content: string; readonly steps: Steps<I> } | { readonly kind: 'history'; readonly direction: 'undo' | 'redo' };

interface Sent<I> {
  readonly requestId: number;
  readonly op: Op<I>;
  /** The text changed under this edit: it will be (or was) overtaken; the view shows the document. */
  superseded: boolean;
}

/**
 * Local states waiting beyond this many are merged into the newest one (each edit carries the whole
 * block, so nothing is lost, only undo steps): the queue stays bounded however fast keys come.
 */
export const MAX_QUEUED = 32;

/**
 * The webview's half of the two-way sync, kept free of the DOM so it is unit-tested.
 *
 * Everything the panel asks of the document goes through one ordered queue with at most one
 * request in flight: each local state (one edit per action, so each is one undo step in the text),
 * and undo/redo, which must act on the document only after the edits made before them are in it
 * (T8: Ctrl+Z sent ahead of a waiting edit undid the wrong step and the waiting edit was then
 * refused as made against old text). An edit names the document version it was made against:
 * the version the extension reported after the previous request, so it includes the panel's own
 * earlier edits. When the text changes under it (typing in the editor), the extension rejects it
 * and the document's text wins.
 */
export class EditSync<I = never> {
  private docContent: string | undefined;
  private docVersion = 0;
  private inFlight: Sent<I> | undefined;
  private readonly queue: Op<I>[] = [];
  /**
   * Local states the text overtook before they were written (a teammate's change arrived first), in
   * the order they were made: the panel applies their steps again to the text as it is now
   * (trial14b F7: names typed while changes kept arriving were all lost).
   */
  private overtaken: Steps<I>[] = [];
  private nextRequestId = 1;

  /** What the outline and drawing should show: the newest local state, else the document's. */
  get content(): string {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const op = this.queue[i];
      if (op.kind === 'edit') return op.content;
    }
    const sent = this.inFlight;
    if (sent && !sent.superseded && sent.op.kind === 'edit') return sent.op.content;
    return this.docContent ?? '';
  }

  get version(): number {
    return this.docVersion;
  }

  /** True while an undo/redo the panel asked for is unanswered: a change of the text now is most likely its doing. */
  get historyInFlight(): boolean {
    return this.inFlight?.op.kind === 'history';
  }

  /** True while requests have not all been answered (the page says "saving"); an undo/redo until its answer. */
  get pending(): boolean {
    const sent = this.inFlight;
    return this.queue.length > 0 || (sent !== undefined && (!sent.superseded || sent.op.kind === 'history'));
  }

  /**
   * The document's text arrived (with its version). Returns true when the view must re-read
   * `content`: the block changed in the text (local states made against the old text are dropped).
   * Returns false for the echo of our own edit, or when only the version moved.
   */
  onDocument(content: string, version: number): boolean {
    if (version < this.docVersion) return false;
    this.docVersion = version;
    if (content === this.docContent) return false;
    this.docContent = content;
    const sent = this.inFlight;
    if (sent && !sent.superseded && sent.op.kind === 'edit' && content === sent.op.content) return false;
    // Typing in the text, or the undo/redo we asked for: states made on the old text are not written,
    // nor what was asked after them; an undo/redo asked before any of them still runs. Overtaken by
    // someone else's change (not our undo/redo), their steps wait to be applied again.
    const firstEdit = this.queue.findIndex((op) => op.kind === 'edit');
    if (firstEdit >= 0) {
      if (sent?.op.kind !== 'history') this.keepSteps(this.queue.slice(firstEdit));
      this.queue.length = firstEdit;
    }
    if (sent) sent.superseded = true;
    return true;
  }

  /** A local edit produced `content` (made of `steps`); returns the message to send now, if any. */
  local(content: string, steps: Steps<I> = { intents: [], opaque: true }): EditMessage | HistoryMessage | undefined {
    if (content === this.content) return undefined;
    this.push({ kind: 'edit', content, steps });
    return this.next();
  }

  /**
   * The steps of local states the text overtook, oldest first, to be applied again to `content`
   * (now the document's text, or newer local states made on it); taken once. Undefined while an
   * overtaken edit is still unanswered: it may yet have been written before the other change.
   */
  takeOvertaken(): Steps<I>[] | undefined {
    if (this.overtaken.length === 0) return undefined;
    const sent = this.inFlight;
    if (sent && sent.superseded && sent.op.kind === 'edit') return undefined;
    const taken = this.overtaken;
    this.overtaken = [];
    return taken;
  }

  /** True when `takeOvertaken` has steps to give now. */
  get hasOvertaken(): boolean {
    const sent = this.inFlight;
    return this.overtaken.length > 0 && !(sent && sent.superseded && sent.op.kind === 'edit');
  }

  private keepSteps(ops: readonly Op<I>[], first = false): void {
    const steps: Steps<I>[] = [];
    for (const op of ops) if (op.kind === 'edit') steps.push(op.steps);
    this.overtaken = first ? steps.concat(this.overtaken) : this.overtaken.concat(steps);
  }

  /** Undo/redo asked for: sent once every edit made before it has been answered. */
  history(direction: 'undo' | 'redo'): EditMessage | HistoryMessage | undefined {
    this.push({ kind: 'history', direction });
    return this.next();
  }

  /**
   * The extension answered a request (`answered`: what it was). On success returns the next request to send (if any
   * waited). On rejection waiting local states are dropped and `reread` says the view must show the
   * document's text again.
   */
  onResult(requestId: number, ok: boolean, version: number): {
    send?: EditMessage | HistoryMessage; reread: boolean; answered?: 'edit' | 'undo' | 'redo';
    /** The answered edit had been overtaken by a change in the text: the view shows that text now (the page held it until this answer). */
    overtaken?: boolean;
    /** Refused without a change in the text (VS Code did not apply it): what these steps did is not written and not made again. */
    refused?: Steps<I>[];
  } {
    const sent = this.inFlight;
    if (!sent || sent.requestId !== requestId) return { reread: false };
    this.inFlight = undefined;
    const answered = sent.op.kind === 'edit' ? 'edit' : sent.op.direction;
    if (version > this.docVersion) this.docVersion = version;
    if (sent.superseded && sent.op.kind === 'edit') {
      // Overtaken: refused, its steps come first; written after all, they are in the text. Edits made
      // while the answer was awaited were made on the page's old view (it waits, see DiagramApp):
      // their steps are made again on the text as it is now, never sent as they are.
      if (!ok) this.keepSteps([sent.op], true);
      this.keepSteps(this.queue);
      this.queue.length = 0;
      return { reread: true, answered, overtaken: true };
    }
    if (!ok) {
      const hadLocal = (!sent.superseded && sent.op.kind === 'edit') || this.queue.some((op) => op.kind === 'edit');
      const refused: Steps<I>[] = [];
      for (const op of [sent.op, ...this.queue]) if (op.kind === 'edit' && op.steps.intents.length > 0) refused.push(op.steps);
      this.queue.length = 0;
      return { reread: hadLocal, answered, ...(refused.length > 0 ? { refused } : {}) };
    }
    if (sent.op.kind === 'edit' && !sent.superseded) this.docContent = sent.op.content;
    return { send: this.next(), reread: false, answered };
  }

  /** An edit overtaken by a change in the text is unanswered: the page keeps its view until the answer. */
  get awaitingOvertaken(): boolean {
    const sent = this.inFlight;
    return sent !== undefined && sent.superseded && sent.op.kind === 'edit';
  }

  private push(op: Op<I>): void {
    const last = this.queue[this.queue.length - 1];
    // Bounded: beyond MAX_QUEUED an edit replaces the newest waiting edit (it holds the whole block,
    // and its steps follow the replaced one's), and more undo/redo is not taken (the page stays
    // "saving" until the queue drains).
    if (this.queue.length < MAX_QUEUED) this.queue.push(op);
    else if (op.kind === 'edit' && last?.kind === 'edit') {
      const steps = { intents: last.steps.intents.concat(op.steps.intents), opaque: last.steps.opaque || op.steps.opaque };
      this.queue[this.queue.length - 1] = { ...op, steps };
    }
    else if (op.kind === 'edit') this.queue.push(op);
  }

  private next(): EditMessage | HistoryMessage | undefined {
    if (this.inFlight) return undefined;
    for (let op = this.queue.shift(); op !== undefined; op = this.queue.shift()) {
      if (op.kind === 'edit' && op.content === this.docContent) continue;
      const requestId = this.nextRequestId++;
      this.inFlight = { requestId, op, superseded: false };
      return op.kind === 'edit'
        ? { type: 'edit', requestId, baseVersion: this.docVersion, content: op.content }
        : { type: op.direction, requestId };
    }
    return undefined;
  }
}
