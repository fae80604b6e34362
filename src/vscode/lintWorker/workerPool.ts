// Host side of the lint worker (worker.ts): at most two warm worker threads, jobs queued, one
// job per thread at a time, a per-job time budget after which the thread is killed and a new one
// started. No `vscode` here and no static Node import, so the web bundle (which has no
// worker_threads: it already runs in a web worker) can include this file and never use it.
import type { Worker as NodeWorker, WorkerOptions } from 'node:worker_threads';
import type { WorkspaceFacts } from '../../core/lint/rule';
import type { FromWorker, Kept, KeptWorkspace, ToWorker } from './protocol';
import { enqueueCollapsing } from './jobQueue';
import type { FixAllRequest, Fixed, Linted, LintRequest, LintRunner, PoolOutcome } from './runner';

type WorkerConstructor = new (filename: string, options?: WorkerOptions) => NodeWorker;

/**
 * worker_threads when this runs in Node (the desktop or remote extension host), else undefined.
 * `process.getBuiltinModule` (Node ≥ 20.16; VS Code 1.100's host runs Node 20.18+) instead of an
 * import: the same bundle source is built for the web worker host, where no Node module exists.
 */
export function nodeWorkerConstructor(): WorkerConstructor | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:worker_threads') as { Worker?: WorkerConstructor } | undefined;
  return mod?.Worker;
}

export interface PoolOptions {
  /** One job's time budget on its thread, from when the thread starts it. */
  readonly budgetMs: number;
  readonly maxWorkers?: number;
  /** A thread beyond the first, idle this long, is stopped (the first stays warm). */
  readonly idleMs?: number;
  /**
   * A job still running after this long on a thread starts the next thread ahead of need: a new
   * thread first loads its bundle (a second or more on a busy machine), and the next file opened
   * beside a slow one should not wait for that.
   */
  readonly warmAfterMs?: number;
  /** Heap limit per thread: a runaway job ends its thread (reported), never the extension host. */
  readonly maxHeapMb?: number;
  readonly log?: (message: string) => void;
}

interface Pending {
  readonly key: string | undefined;
  readonly build: (w: Slot) => ToWorker;
  readonly waiters: ((o: PoolOutcome<unknown>) => void)[];
  readonly unwrap: (m: FromWorker) => PoolOutcome<unknown>;
}

interface Slot {
  readonly worker: NodeWorker;
  ready: boolean;
  /** The value last sent per kept slot (see protocol's Kept), by identity. */
  readonly sent: Map<string, unknown>;
  /** Documents this thread holds a SectionCache for: their next lints prefer it. */
  readonly documents: Set<string>;
  running?: { readonly job: Pending; readonly id: number; timer?: ReturnType<typeof setTimeout>; warm?: ReturnType<typeof setTimeout> };
  idleTimer?: ReturnType<typeof setTimeout>;
}

/** Thread start failures in a row after which the pool gives up (a missing bundle must not loop). */
const MAX_START_FAILURES = 3;

export class LintWorkerPool implements LintRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private startFailures = 0;
  private disposed = false;

  constructor(private readonly Worker: WorkerConstructor, private readonly script: string, private readonly options: PoolOptions) {}

  /** False once threads failed to start repeatedly, or after dispose: the caller lints in the host. */
  get available(): boolean {
    return !this.disposed && this.startFailures < MAX_START_FAILURES;
  }

  get budgetMs(): number {
    return this.options.budgetMs;
  }

  /** How many threads run now (for tests and the log). */
  get threads(): number {
    return this.slots.length;
  }

  /**
   * Lints one document. A lint of the same document still waiting in the queue is replaced by this
   * one (its callers get this one's result): a burst of edits never queues a lint per keystroke.
   */
  lint(request: LintRequest): Promise<PoolOutcome<Linted>> {
    const { config, workspace, configSlot, files, summary, ...rest } = request;
    return this.enqueue(request.uri, (slot) => ({
      kind: 'lint', id: 0, ...rest, configSlot,
      ...(summary ? { summary: plainCopy(summary) } : {}),
      ...(files ? { files: { workspace: this.kept(slot, 'files', files.workspace), documentPath: files.documentPath } } : {}),
      config: this.kept(slot, `config.${configSlot}`, config),
      ...(workspace ? { workspace: this.keptWorkspace(slot, workspace) } : {}),
    }), (m) => (m.kind === 'lint' ? { kind: 'done', value: { diagnostics: m.diagnostics, ...(m.summary ? { summary: m.summary } : {}), ...(m.review ? { review: m.review } : {}), ...(m.evidence ? { evidence: m.evidence } : {}) }, ms: m.ms } : unexpected(m))) as Promise<PoolOutcome<Linted>>;
  }

  /** The core's fixAll (every preferred fix, re-linted per pass) on a thread. */
  fixAll(request: FixAllRequest): Promise<PoolOutcome<Fixed>> {
    const { config, workspace, configSlot, files, ...rest } = request;
    return this.enqueue(undefined, (slot) => ({
      kind: 'fixAll', id: 0, ...rest, configSlot,
      ...(files ? { files: { workspace: this.kept(slot, 'files', files.workspace), documentPath: files.documentPath } } : {}),
      config: this.kept(slot, `config.${configSlot}`, config),
      ...(workspace ? { workspace: this.keptWorkspace(slot, workspace) } : {}),
    }), (m) => (m.kind === 'fixAll' ? { kind: 'done', value: { text: m.text, fixed: m.fixed, ...(m.notes ? { notes: m.notes } : {}) }, ms: m.ms } : unexpected(m))) as Promise<PoolOutcome<Fixed>>;
  }

  /** The document was closed: threads drop its cache. */
  forget(uri: string): void {
    for (const slot of this.slots) {
      if (slot.documents.delete(uri)) slot.worker.postMessage({ kind: 'forget', uri } satisfies ToWorker);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) settle(job, { kind: 'unavailable' });
    for (const slot of this.slots.splice(0)) this.stop(slot, { kind: 'unavailable' });
  }

  private enqueue(key: string | undefined, build: (w: Slot) => ToWorker, unwrap: (m: FromWorker) => PoolOutcome<unknown>): Promise<PoolOutcome<unknown>> {
    if (!this.available) return Promise.resolve({ kind: 'unavailable' });
    return new Promise((resolve) => {
      enqueueCollapsing(this.queue, { key, build, unwrap, waiters: [resolve] });
      this.pump();
    });
  }

  /** Hands queued jobs to idle threads; starts a second thread when the first is busy. */
  private pump(): void {
    for (let i = 0; i < this.queue.length && this.available;) {
      const job = this.queue[i];
      // One lint of a document at a time: its next lint waits for the running one (same cache, and
      // a slow document must not take both threads).
      if (job.key !== undefined && this.slots.some((s) => s.running?.job.key === job.key)) {
        i++;
        continue;
      }
      let slot = this.idleSlot(job.key);
      // A thread that cannot be constructed counts as a start failure; try again until the pool gives up.
      while (!slot && this.available && this.slots.length < (this.options.maxWorkers ?? 2)) slot = this.newSlot();
      if (!slot) return;
      this.queue.splice(i, 1);
      this.start(slot, job);
    }
  }

  private idleSlot(key: string | undefined): Slot | undefined {
    const idle = this.slots.filter((s) => !s.running);
    return idle.find((s) => key !== undefined && s.documents.has(key)) ?? idle[0];
  }

  private newSlot(): Slot | undefined {
    if (this.slots.length >= (this.options.maxWorkers ?? 2)) return undefined;
    let worker: NodeWorker;
    try {
      const heap = this.options.maxHeapMb ?? 1536;
      worker = new this.Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: heap } });
    } catch (e) {
      this.startFailed(`cannot start the lint thread: ${(e as Error).message}`);
      return undefined;
    }
    const slot: Slot = { worker, ready: false, sent: new Map(), documents: new Set() };
    this.slots.push(slot);
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e: Error) => this.onDeath(slot, `the lint thread failed: ${e.message}`));
    worker.on('exit', (code: number) => this.onDeath(slot, `the lint thread stopped (exit code ${code})`));
    return slot;
  }

  private start(slot: Slot, job: Pending): void {
    clearTimeout(slot.idleTimer);
    const id = this.nextId++;
    let message: ToWorker;
    try {
      message = { ...job.build(slot), id } as ToWorker;
      slot.worker.postMessage(message);
    } catch (e) {
      // A value that cannot be copied (a throwing getter, DataCloneError): this job fails and the
      // thread stays free. What `kept` marked as sent never arrived: send everything again next time.
      slot.sent.clear();
      settle(job, { kind: 'failed', message: `cannot send the job to the lint thread: ${(e as Error).message}` });
      this.idle(slot);
      return;
    }
    if (job.key !== undefined) slot.documents.add(job.key);
    slot.running = { job, id };
    // The budget counts from when the thread can run the job (a new thread first loads its bundle).
    if (slot.ready) this.arm(slot);
  }

  private arm(slot: Slot): void {
    const running = slot.running;
    if (!running || running.timer) return;
    running.warm = setTimeout(() => {
      if (slot.running === running && this.available && !this.slots.some((s) => !s.running)) this.newSlot();
    }, this.options.warmAfterMs ?? 250);
    running.timer = setTimeout(() => {
      this.options.log?.(`A lint job ran past its ${this.options.budgetMs} ms budget: its thread is stopped and a new one takes the next job`);
      this.stop(slot, { kind: 'timeout', budgetMs: this.options.budgetMs });
      this.pump();
    }, this.options.budgetMs);
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.kind === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.arm(slot);
      // A thread started ahead of need (see warmAfterMs) takes the queue's next job, or waits idle.
      if (!slot.running) {
        this.idle(slot);
        this.pump();
      }
      return;
    }
    const running = slot.running;
    if (!running || running.id !== m.id) return;
    clearTimeout(running.timer);
    clearTimeout(running.warm);
    slot.running = undefined;
    settle(running.job, m.kind === 'error' ? { kind: 'failed', message: m.message } : running.job.unwrap(m));
    this.idle(slot);
    this.pump();
  }

  /** The first thread stays warm; others stop after a while without work. */
  private idle(slot: Slot): void {
    if (this.slots.indexOf(slot) === 0) return;
    // One timer per thread: a job that ended while the previous one ran restarts the wait.
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (!slot.running) this.stop(slot, { kind: 'unavailable' });
    }, this.options.idleMs ?? 30_000);
  }

  private onDeath(slot: Slot, why: string): void {
    if (!this.slots.includes(slot)) return; // Stopped on purpose.
    this.options.log?.(why);
    if (!slot.ready) {
      // It died loading its bundle: its job never ran, so it goes back to the queue's front.
      const job = slot.running?.job;
      slot.running = undefined;
      this.stop(slot, { kind: 'unavailable' });
      if (job) this.queue.unshift(job);
      this.startFailed(why);
    } else this.stop(slot, { kind: 'failed', message: why });
    this.pump();
  }

  private startFailed(why: string): void {
    this.startFailures++;
    if (!this.available) {
      this.options.log?.(`${why}; linting continues in the extension host`);
      for (const job of this.queue.splice(0)) settle(job, { kind: 'unavailable' });
    }
  }

  private stop(slot: Slot, outcome: PoolOutcome<unknown>): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    clearTimeout(slot.idleTimer);
    if (slot.running) {
      clearTimeout(slot.running.timer);
      clearTimeout(slot.running.warm);
      settle(slot.running.job, outcome);
      slot.running = undefined;
    }
    void slot.worker.terminate();
  }

  private kept<T>(slot: Slot, name: string, value: T): Kept<T> {
    if (slot.sent.has(name) && slot.sent.get(name) === value) return { same: true };
    slot.sent.set(name, value);
    return { value: plainCopy(value) };
  }

  private keptWorkspace(slot: Slot, workspace: WorkspaceFacts): KeptWorkspace {
    const out: Record<string, Kept<unknown>> = {};
    for (const [field, value] of Object.entries(workspace)) out[field] = this.kept(slot, `workspace.${field}`, value);
    return out as KeptWorkspace;
  }
}

function settle(job: Pending, outcome: PoolOutcome<unknown>): void {
  for (const w of job.waiters) w(outcome);
}

function unexpected(m: FromWorker): PoolOutcome<never> {
  return { kind: 'failed', message: `unexpected reply ${m.kind} from the lint thread` };
}

/**
 * A copy structured clone accepts: settings read through `vscode.workspace.getConfiguration` can be
 * proxies, which postMessage refuses (DataCloneError). Plain objects and arrays are copied (with an
 * explicit stack: configs can be user-sized), Sets, Maps, dates and patterns kept as they are.
 */
function plainCopy<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copyOf = (v: unknown): unknown => {
    if (!v || typeof v !== 'object' || v instanceof Set || v instanceof Map || v instanceof Date || v instanceof RegExp) return v;
    const known = copies.get(v);
    if (known) return known;
    const out: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
    copies.set(v, out);
    work.push([v, out]);
    return out;
  };
  const work: [object, Record<string, unknown> | unknown[]][] = [];
  const root = copyOf(value);
  while (work.length) {
    const [from, to] = work.pop() as [object, Record<string, unknown> | unknown[]];
    if (Array.isArray(to)) for (const x of from as unknown[]) to.push(copyOf(x));
    else for (const [k, x] of Object.entries(from)) to[k] = copyOf(x);
  }
  return root as T;
}
