import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintOne, type LintJob, type LintOutcome, type LintSettings } from './lintOne';
import type { InitMessage, WorkerReply } from './protocol';

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
 * bundle and compiling the schema overlap with the main thread reading the files and collecting the
 * ids: that start-up is wall time otherwise. Unreferenced until a run takes them over, so a command
 * that ends before linting (a usage error) does not wait for them. Undefined: lint in-process.
 */
export class LintWorkers {
  private constructor(private readonly started: Started[]) {}

  static start(candidates: number, options: { workers?: number } = {}): LintWorkers | undefined {
    const script = join(__dirname, 'lintWorker.js');
    const cores = options.workers ?? Math.min(availableParallelism(), 8);
    const count = Math.min(cores, Math.ceil(candidates / BATCH_SIZE));
    if (candidates < WORKER_THRESHOLD || count < 2 || !existsSync(script)) return undefined;
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

  get count(): number {
    return this.started.length;
  }

  run(jobs: readonly LintJob[], settings: LintSettings): Promise<LintRun> {
    return onWorkers(jobs, settings, this.started);
  }
}

/** Lints every job, on worker threads (`workers`, started early) when there are many files. */
export async function lintAll(jobs: readonly LintJob[], settings: LintSettings, workers: LintWorkers | undefined): Promise<LintRun> {
  if (!workers) return inProcess(jobs, settings);
  if (jobs.length < WORKER_THRESHOLD || Math.ceil(jobs.length / BATCH_SIZE) < 2) {
    workers.dispose();
    return inProcess(jobs, settings);
  }
  return workers.run(jobs, settings);
}

function inProcess(jobs: readonly LintJob[], settings: LintSettings): LintRun {
  const outcomes: LintOutcome[] = [];
  const crashes: LintRun['crashes'][number][] = [];
  for (const job of jobs) {
    try {
      outcomes.push(lintOne(job, settings));
    } catch (e) {
      crashes.push({ index: job.index, error: (e as Error).stack ?? String(e) });
    }
  }
  return { outcomes, crashes, workers: 0 };
}

function onWorkers(jobs: readonly LintJob[], settings: LintSettings, started: readonly Started[]): Promise<LintRun> {
  const init: InitMessage = { init: { configs: [...settings.configs], now: settings.now.getTime(), knownIds: [...settings.knownIds], fix: settings.fix, ...(settings.workspaceFiles ? { workspaceFiles: { paths: [...settings.workspaceFiles.paths], unlisted: settings.workspaceFiles.unlisted } } : {}) } };
  const outcomes: LintOutcome[] = [];
  const crashes: LintRun['crashes'][number][] = [];
  // Largest files first so one big file does not finish last on an otherwise idle pool.
  const queue = [...jobs].sort((a, b) => b.text.length - a.text.length);
  return new Promise((resolveRun) => {
    let running = 0;
    const finish = () => {
      if (--running > 0) return;
      // Only non-empty when every worker died early.
      const rest = inProcess(queue.splice(0), settings);
      for (const o of rest.outcomes) outcomes.push(o);
      for (const c of rest.crashes) crashes.push(c);
      resolveRun({ outcomes, crashes, workers: started.length });
    };
    const live = started.filter((s) => !s.exited && !s.failed);
    for (const s of started) if (!live.includes(s)) void s.worker.terminate();
    if (live.length === 0) {
      running = 1;
      finish();
      return;
    }
    for (const { worker } of live) {
      running++;
      worker.ref();
      let batch: LintJob[] = [];
      const sendNext = () => {
        batch = takeBatch(queue);
        if (batch.length) worker.postMessage({ jobs: batch });
        else void worker.terminate();
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          // Keep what the batch did before the crash; lint the rest of it here.
          crashes.push({ index: reply.index, error: reply.error });
          const rest = batch.slice(batch.findIndex((j) => j.index === reply.index) + 1);
          const local = inProcess(rest, settings);
          append(outcomes, local.outcomes);
          append(crashes, local.crashes);
        } else {
          append(outcomes, reply.outcomes);
        }
        sendNext();
      });
      worker.on('error', () => {
        // A dead worker (out of memory, failed to load): its batch is linted here so no file goes unchecked.
        const local = inProcess(batch, settings);
        append(outcomes, local.outcomes);
        append(crashes, local.crashes);
        batch = [];
      });
      worker.on('exit', finish);
      // The settings first: messages arrive in order, so every batch finds them.
      worker.postMessage(init);
      sendNext();
    }
  });
}

function takeBatch(queue: LintJob[]): LintJob[] {
  // Big files go one by one; typical ones in batches, to keep message overhead low.
  if (queue.length && queue[0].text.length > 200_000) return [queue.shift()!];
  return queue.splice(0, BATCH_SIZE);
}

/** `to.push(...from)` without spreading: a spread of a user-sized array overflows the call stack. */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}
