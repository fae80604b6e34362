import type { Mermaid } from 'mermaid';

export interface RenderOutcome {
  readonly ok: boolean;
  /** Milliseconds from the render request to the SVG being in the page. */
  readonly ms: number;
  readonly error?: string;
}

/**
 * Draws Mermaid text into a host element, latest request wins: while one render runs, further
 * requests replace each other, so fast typing never queues a backlog of stale drawings.
 * Mermaid's output is its own sanitized SVG (securityLevel strict); we never insert user text as HTML.
 */
export class DiagramRenderer {
  private pending: { text: string; requested: number } | undefined;
  private running = false;
  private counter = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly mermaid: Mermaid,
    private readonly host: HTMLElement,
    private readonly onDone: (outcome: RenderOutcome) => void,
  ) {}

  render(text: string): void {
    this.pending = { text, requested: performance.now() };
    if (!this.running) void this.drain();
  }

  /**
   * Runs `job` with Mermaid to itself (no drawing for the page starts meanwhile): an export drawn in
   * another theme changes Mermaid's global configuration and must put it back before the next drawing.
   */
  async exclusive<T>(job: (nextId: () => string) => Promise<T>): Promise<T> {
    while (this.running) await new Promise<void>((wake) => this.idleWaiters.push(wake));
    this.running = true;
    try {
      return await job(() => `pm-export-${++this.counter}`);
    } finally {
      this.running = false;
      this.wake();
      if (this.pending) void this.drain();
    }
  }

  private wake(): void {
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending) {
        const job = this.pending;
        this.pending = undefined;
        this.counter += 1;
        const id = `pm-diagram-${this.counter}`;
        try {
          const { svg } = await this.mermaid.render(id, job.text);
          this.host.innerHTML = svg;
          this.host.classList.remove('render-failed');
          this.onDone({ ok: true, ms: performance.now() - job.requested });
        } catch (err) {
          // Keep the last good drawing; say what is wrong next to it.
          document.getElementById(id)?.remove();
          document.getElementById(`d${id}`)?.remove();
          this.host.classList.add('render-failed');
          this.onDone({ ok: false, ms: performance.now() - job.requested, error: err instanceof Error ? err.message : String(err) });
        }
      }
    } finally {
      this.running = false;
      this.wake();
    }
  }
}
