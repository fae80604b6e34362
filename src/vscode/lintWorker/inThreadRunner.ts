// Lints in the extension host's own thread: the web worker host (no worker_threads there, and no
// nested workers VS Code supports), or a Node host whose lint thread cannot start. Bounded the
// only way a thread can bound itself: jobs run one per macrotask (a burst of lints — a config
// change re-linting every open file — lets hovers, completions and edits in between each file),
// queued lints of one document collapse into the latest, and the size limit and the front-matter
// cap bound each file. A single file's lint is not cut short here (see README "Reliability").
import { SectionCache } from '../../core/document/parse';
import { fixAll } from '../../core/fix/fixAll';
import { lintText } from '../../core/lint/engine';
import { readSummary } from '../../core/index/readSummary';
import { evidenceReferences } from '../../core/evidence/references';
import { capped } from './capDiagnostics';
import type { FixAllRequest, Linted, LintRequest, LintRunner, PoolOutcome } from './runner';

interface Job {
  readonly key: string | undefined;
  readonly run: () => PoolOutcome<unknown>;
  readonly waiters: ((o: PoolOutcome<unknown>) => void)[];
}

export class InThreadRunner implements LintRunner {
  private readonly caches = new Map<string, SectionCache>();
  private readonly queue: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  lint(request: LintRequest): Promise<PoolOutcome<Linted>> {
    return this.enqueue(request.uri, () => {
      let cache = request.cache ? this.caches.get(request.uri) : undefined;
      if (request.cache && !cache) this.caches.set(request.uri, (cache = new SectionCache()));
      const started = performance.now();
      const { doc, diagnostics } = lintText(request.text, {
        config: request.config, now: new Date(request.nowMs), writerZone: request.writerZone,
        ...(cache ? { cache } : {}), ...(request.workspace ? { workspace: request.workspace } : {}), ...(request.fixFacts ? { fixFacts: request.fixFacts } : {}), ...(request.files ? { files: request.files } : {}),
      });
      const summary = request.summary ? readSummary(request.text, request.summary) : undefined;
      return { kind: 'done', value: { diagnostics: capped(diagnostics), ...(summary ? { summary } : {}), evidence: evidenceReferences(doc) }, ms: performance.now() - started };
    }) as Promise<PoolOutcome<Linted>>;
  }

  fixAll(request: FixAllRequest): Promise<PoolOutcome<{ text: string; fixed: Readonly<Record<string, number>> }>> {
    return this.enqueue(undefined, () => {
      const started = performance.now();
      const result = fixAll(request.text, { config: request.config, now: new Date(request.nowMs), writerZone: request.writerZone, ...(request.workspace ? { workspace: request.workspace } : {}), ...(request.files ? { files: request.files } : {}) });
      return { kind: 'done', value: { text: result.text, fixed: result.fixed }, ms: performance.now() - started };
    }) as Promise<PoolOutcome<{ text: string; fixed: Readonly<Record<string, number>> }>>;
  }

  forget(uri: string): void {
    this.caches.delete(uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const job of this.queue.splice(0)) for (const w of job.waiters) w({ kind: 'unavailable' });
  }

  private enqueue(key: string | undefined, run: () => PoolOutcome<unknown>): Promise<PoolOutcome<unknown>> {
    return new Promise((resolve) => {
      const job: Job = { key, run, waiters: [resolve] };
      const older = key === undefined ? -1 : this.queue.findIndex((j) => j.key === key);
      if (older >= 0) {
        for (const w of this.queue[older].waiters) job.waiters.push(w);
        this.queue.splice(older, 1, job);
      } else this.queue.push(job);
      this.timer ??= setTimeout(() => this.next(), 0);
    });
  }

  /** One job per macrotask. */
  private next(): void {
    this.timer = undefined;
    const job = this.queue.shift();
    if (!job) return;
    let outcome: PoolOutcome<unknown>;
    try {
      outcome = job.run();
    } catch (e) {
      outcome = { kind: 'failed', message: (e as Error).stack ?? String(e) };
    }
    for (const w of job.waiters) w(outcome);
    if (this.queue.length) this.timer = setTimeout(() => this.next(), 0);
  }
}
