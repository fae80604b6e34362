import type { EditMessage } from '../../src/shared/protocol/messages';

interface Sent {
  readonly requestId: number;
  readonly content: string;
  /** The text changed under this edit: it will be (or was) overtaken; the view shows the document. */
  superseded: boolean;
}

/**
 * The webview's half of the two-way sync, kept free of the DOM so it is unit-tested.
 * At most one edit is in flight; newer local states wait and are coalesced (each edit carries the
 * whole block, so only the latest matters). An edit names the document version it was made against;
 * when the text changes under it, the extension rejects it and the document's text wins.
 */
export class EditSync {
  private docContent: string | undefined;
  private docVersion = 0;
  private inFlight: Sent | undefined;
  private wanted: string | undefined;
  private nextRequestId = 1;

  /** What the outline and drawing should show: the newest local state, else the document's. */
  get content(): string {
    if (this.wanted !== undefined) return this.wanted;
    if (this.inFlight && !this.inFlight.superseded) return this.inFlight.content;
    return this.docContent ?? '';
  }

  get version(): number {
    return this.docVersion;
  }

  /** True while local edits have not all been written to the document. */
  get pending(): boolean {
    return this.wanted !== undefined || (this.inFlight !== undefined && !this.inFlight.superseded);
  }

  /**
   * The document's text arrived (with its version). Returns true when the view must re-read
   * `content`: the block changed in the text (local states made against the old text are dropped).
   * Returns false for the echo of our own edit, or when only the version moved.
   */
  onDocument(content: string, version: number): boolean {
    this.docVersion = version;
    if (content === this.docContent) return false;
    this.docContent = content;
    if (this.inFlight && !this.inFlight.superseded && content === this.inFlight.content) return false;
    this.wanted = undefined;
    if (this.inFlight) this.inFlight.superseded = true;
    return true;
  }

  /** A local edit produced `content`; returns the message to send now, if any. */
  local(content: string): EditMessage | undefined {
    if (content === this.content) return undefined;
    this.wanted = content;
    return this.inFlight ? undefined : this.flush();
  }

  /**
   * The extension answered an edit. On success returns the next edit to send (if local changes
   * waited). On rejection local states are dropped and `reread` says the view must show the
   * document's text again.
   */
  onResult(requestId: number, ok: boolean, version: number): { send?: EditMessage; reread: boolean } {
    const sent = this.inFlight;
    if (!sent || sent.requestId !== requestId) return { reread: false };
    this.inFlight = undefined;
    if (!ok) {
      const hadLocal = !sent.superseded || this.wanted !== undefined;
      this.wanted = undefined;
      return { reread: hadLocal };
    }
    if (version >= this.docVersion && !sent.superseded) {
      this.docVersion = version;
      this.docContent = sent.content;
    }
    return { send: this.flush(), reread: false };
  }

  private flush(): EditMessage | undefined {
    const content = this.wanted;
    this.wanted = undefined;
    if (content === undefined || content === this.docContent) return undefined;
    const requestId = this.nextRequestId++;
    this.inFlight = { requestId, content, superseded: false };
    return { type: 'edit', requestId, baseVersion: this.docVersion, content };
  }
}
