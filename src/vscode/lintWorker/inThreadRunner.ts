// Lints in the extension host's own thread: the web worker host (no worker_threads there, and no
// nested workers VS Code supports), or a Node host whose lint thread cannot start. Bounded the
// only way a thread can bound itself: jobs run one per macrotask (a burst of lints — a config
// change re-linting every open file — lets hovers, completions and edits in between each file),
// queued lints of one document collapse into the latest, and the size limit and the front-matter
// cap bound each file. A single file's lint is not cut short here (see README "Reliability").
import { enqueueCollapsing } from './jobQueue';
import { LintJobs } from './lintJob';
import type { FixAllRequest, Fixed, Linted, LintRequest, LintRunner, PoolOutcome } from './runner';

interface Job {
  readonly key: string | undefined;
  readonly run: () => PoolOutcome<unknown>;
  readonly waiters: ((o: PoolOutcome<unknown>) => void)[];
}

export class InThreadRunner implements LintRunner {
  private readonly jobs = new LintJobs();
  private readonly queue: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  lint(request: LintRequest): Promise<PoolOutcome<Linted>> {
    return this.enqueue(request.uri, () => timed(() => this.jobs.lint(request))) as Promise<PoolOutcome<Linted>>;
  }

  fixAll(request: FixAllRequest): Promise<PoolOutcome<Fixed>> {
    return this.enqueue(undefined, () => timed(() => this.jobs.fixAll(request))) as Promise<PoolOutcome<Fixed>>;
  }

  forget(uri: string): void {
    this.jobs.forget(uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const job of this.queue.splice(0)) for (const w of job.waiters) w({ kind: 'unavailable' });
  }

  private enqueue(key: string | undefined, run: () => PoolOutcome<unknown>): Promise<PoolOutcome<unknown>> {
    return new Promise((resolve) => {
      enqueueCollapsing(this.queue, { key, run, waiters: [resolve] });
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

function timed<T>(work: () => T): PoolOutcome<T> {
  const started = performance.now();
  const value = work();
  return { kind: 'done', value, ms: performance.now() - started };
}
