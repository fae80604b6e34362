import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../../core/config/config';
import type { WorkspaceFiles } from '../../core/links/workspaceFiles';
import { lintOne, type LintJob, type LintOutcome, type LintSettings } from './lintOne';
import type { WorkerMessage, WorkerReply } from './protocol';

/** Below this many files, starting workers (≈ 50 ms each: bundle load + schema compile) costs more than it saves. */
const WORKER_THRESHOLD = 48;
const BATCH_SIZE = 24;

export interface LintRun {
  readonly outcomes: LintOutcome[];
  /** Files whose lint threw (a bug in a rule or the parser), with the stack. */
  readonly crashes: { readonly index: number; readonly error: string }[];
  readonly workers: number;
}

/** A worker started early, with what happened to it before the run took it over. */
interface Started {
  readonly worker: Worker;
  exited: boolean;
  failed: boolean;
}

/**
 * Worker threads started as soon as the number of candidate files is known, so that loading their
 * bundle and compiling the schema overlap with the main thread reading the files. Unreferenced
 * until a run takes them over, so a command that ends before linting (a usage error) does not
 * wait for them. Undefined: lint in-process.
 */
export class LintWorkers {
  private constructor(readonly started: readonly Started[]) {}

  static start(candidates: number, options: { workers?: number } = {}): LintWorkers | undefined {
    const script = join(__dirname, 'lintWorker.js');
    // The main thread lints too (see LintStream): one worker fewer than cores by default.
    const wanted = options.workers ?? Math.min(availableParallelism(), 8) - 1;
    const count = Math.min(wanted, Math.ceil(candidates / BATCH_SIZE) - 1);
    if (candidates < WORKER_THRESHOLD || count < 1 || !existsSync(script)) return undefined;
    const started = Array.from({ length: count }, () => {
      const s: Started = { worker: new Worker(script), exited: false, failed: false };
      // Until the run listens: a worker that fails to load must not take the process down.
      s.worker.on('error', () => void (s.failed = true));
      s.worker.on('exit', () => void (s.exited = true));
      s.worker.unref();
      return s;
    });
    return new LintWorkers(started);
  }

  /** Not needed after all (few post-mortems among the candidates). */
  dispose(): void {
    for (const s of this.started) void s.worker.terminate();
  }
}

/** What every file's lint shares, known before the first file is read (a first pass: no workspace ids, see LintSettings.ids). */
export type StreamSettings = Pick<LintSettings, 'now' | 'fix'>;

/**
 * One lint run fed while the files are still being read: each file is queued as soon as it is read
 * (`add`), and the workers lint what is queued meanwhile (on two cores the reading was otherwise a
 * stretch of wall time with the worker idle). A file's configuration and the workspace's file list
 * reach a worker before the first file that needs them (messages arrive in order). `finish`: this
 * thread lints what is left with the workers, and the run's outcomes come back.
 *
 * One worker fewer than cores, with this thread as the last participant, saves a whole isolate's
 * start-up, JIT warm-up, schema compile and GC heap (in-process lint was ~25 % cheaper in CPU).
 */
export class LintStream {
  private readonly queue: LintJob[] = [];
  private readonly configs = new Map<string, ResolvedConfig>();
  private workspaceFiles: WorkspaceFiles | undefined;
  private readonly outcomes: LintOutcome[] = [];
  private readonly crashes: LintRun['crashes'][number][] = [];
  private readonly participants: Participant[] = [];
  private adding = true;
  private workersTaken = false;
  private finished: (() => void) | undefined;

  constructor(private readonly settings: StreamSettings, private readonly workers: LintWorkers | undefined) {}

  /** The configuration files read with `configKey` use (sent to a worker before its first such file). */
  setConfig(key: string, config: ResolvedConfig): void {
    if (!this.configs.has(key)) this.configs.set(key, config);
  }

  /** The files under the root (links/missing-file), given before the first file that links to a path. */
  setWorkspaceFiles(files: WorkspaceFiles): void {
    this.workspaceFiles ??= files;
  }

  add(job: LintJob): void {
    this.queue.push(job);
    // Workers are taken over once there is enough to lint for them to pay their start-up.
    if (!this.workersTaken && this.workers && this.queue.length >= WORKER_THRESHOLD) this.startWorkers(this.workers);
    for (const p of this.participants) p.feed();
  }

  /** Every file added: lints the rest here (and on the workers) and gives every outcome. */
  finish(): Promise<LintRun> {
    this.adding = false;
    if (this.participants.length === 0) {
      this.workers?.dispose();
      this.lintHere(this.queue.splice(0));
      return Promise.resolve(this.run());
    }
    // Largest files first so one big file does not finish last on an otherwise idle pool.
    this.queue.sort((a, b) => b.text.length - a.text.length);
    return new Promise((resolveRun) => {
      this.finished = () => resolveRun(this.run());
      for (const p of this.participants) p.feed();
      // This thread's share: one file per turn of the event loop (so worker replies are taken as
      // they come), until the queue is empty (also when every worker died).
      const step = () => {
        const job = this.queue.shift();
        if (!job) {
          this.settle();
          return;
        }
        this.lintHere([job]);
        setImmediate(step);
      };
      setImmediate(step);
    });
  }

  private run(): LintRun {
    return { outcomes: this.outcomes, crashes: this.crashes, workers: this.participants.length };
  }

  private settle(): void {
    if (this.adding || this.queue.length > 0 || this.participants.some((p) => p.busy)) return;
    const done = this.finished;
    this.finished = undefined;
    done?.();
  }

  private startWorkers(workers: LintWorkers): void {
    // Once: workers that failed to load are let go here, not looked at again on every file added.
    this.workersTaken = true;
    for (const s of workers.started) {
      if (s.exited || s.failed) {
        void s.worker.terminate();
        continue;
      }
      this.participants.push(new Participant(s.worker, this));
    }
  }

  /** Lints `jobs` on this thread (also a dead worker's unanswered batches: no file goes unchecked). */
  lintHere(jobs: readonly LintJob[]): void {
    const settings = this.lintSettings();
    for (const job of jobs) {
      try {
        this.outcomes.push(lintOne(job, settings));
      } catch (e) {
        this.crashes.push({ index: job.index, error: (e as Error).stack ?? String(e) });
      }
    }
  }

  private lintSettings(): LintSettings {
    return { ...this.settings, configs: this.configs, ...(this.workspaceFiles ? { workspaceFiles: this.workspaceFiles } : {}) };
  }

  /** For a participant: the next batch, or none. */
  takeBatch(): LintJob[] {
    const queue = this.queue;
    // Big files go one by one; typical ones in batches, to keep message overhead low, smaller near
    // the end so that no participant is left with a long batch while the others have nothing to do.
    if (queue.length && queue[0].text.length > 200_000) return [queue.shift()!];
    if (this.adding) return queue.length >= BATCH_SIZE ? queue.splice(0, BATCH_SIZE) : [];
    return queue.splice(0, Math.max(1, Math.min(BATCH_SIZE, Math.floor(queue.length / 8))));
  }

  get stillAdding(): boolean {
    return this.adding;
  }

  /** What a worker needs before `batch`: settings once, then configurations and the file list it has not had. */
  messagesBefore(batch: readonly LintJob[], sent: SentToWorker): WorkerMessage[] {
    const out: WorkerMessage[] = [];
    if (!sent.init) {
      sent.init = true;
      out.push({ init: { now: this.settings.now.getTime(), fix: this.settings.fix } });
    }
    for (const job of batch) {
      if (sent.configs.has(job.configKey)) continue;
      sent.configs.add(job.configKey);
      const config = this.configs.get(job.configKey);
      if (config) out.push({ config: [job.configKey, config] });
    }
    if (!sent.workspaceFiles && this.workspaceFiles) {
      sent.workspaceFiles = true;
      out.push({ workspaceFiles: { paths: [...this.workspaceFiles.paths], ...(this.workspaceFiles.unlisted ? { unlisted: this.workspaceFiles.unlisted } : {}) } });
    }
    return out;
  }

  outcome(outcomes: readonly LintOutcome[]): void {
    for (const o of outcomes) this.outcomes.push(o);
  }

  crash(index: number, error: string): void {
    this.crashes.push({ index, error });
  }

  participantDone(): void {
    this.settle();
  }
}

interface SentToWorker {
  init: boolean;
  readonly configs: Set<string>;
  workspaceFiles: boolean;
}

/** One worker of a stream: kept two batches ahead, so it never waits for the main thread to answer. */
class Participant {
  /** Batches sent and not yet answered, oldest first (a worker answers in order). */
  private readonly inFlight: LintJob[][] = [];
  private readonly sent: SentToWorker = { init: false, configs: new Set(), workspaceFiles: false };
  private done = false;

  constructor(private readonly worker: Worker, private readonly stream: LintStream) {
    worker.ref();
    worker.on('message', (reply: WorkerReply) => {
      const batch = this.inFlight.shift() ?? [];
      if ('error' in reply) {
        // Keep what the batch did before the crash; lint the rest of it here.
        stream.outcome(reply.outcomes);
        stream.crash(reply.index, reply.error);
        stream.lintHere(batch.slice(batch.findIndex((j) => j.index === reply.index) + 1));
      } else {
        stream.outcome(reply.outcomes);
      }
      this.feed();
    });
    // A dead worker (out of memory, failed to load).
    worker.on('error', () => this.stop());
    worker.on('exit', () => this.stop());
  }

  get busy(): boolean {
    return !this.done && this.inFlight.length > 0;
  }

  /** Sends batches until two are in flight; with nothing left to send and nothing in flight, the worker is let go. */
  feed(): void {
    if (this.done) return;
    while (this.inFlight.length < 2) {
      const batch = this.stream.takeBatch();
      if (!batch.length) break;
      for (const m of this.stream.messagesBefore(batch, this.sent)) this.worker.postMessage(m);
      this.inFlight.push(batch);
      this.worker.postMessage({ jobs: batch });
    }
    if (this.inFlight.length === 0 && !this.stream.stillAdding) this.stop();
    else this.stream.participantDone();
  }

  private stop(): void {
    if (this.done) return;
    this.done = true;
    // Whatever it had not answered is linted here, so no file goes unchecked.
    for (const batch of this.inFlight.splice(0)) this.stream.lintHere(batch);
    void this.worker.terminate();
    this.stream.participantDone();
  }
}
