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
    // The main thread lints too (see onWorkers): one worker fewer than cores by default.
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

/**
 * Lints the jobs on the workers and on this thread together. The main thread lints one file per
 * turn of the event loop (so worker replies are taken as they come) from the same queue, largest
 * files first; each worker is kept two batches ahead so it never waits for this thread to answer.
 * One worker fewer than cores, with this thread as the last participant, saves a whole isolate's
 * start-up, JIT warm-up, schema compile and GC heap (in-process lint was ~25 % cheaper in CPU).
 */
function onWorkers(jobs: readonly LintJob[], settings: LintSettings, started: readonly Started[]): Promise<LintRun> {
  const ids = settings.ids ? { ids: { knownIds: [...settings.ids.knownIds], ...(settings.ids.sharedIds?.size ? { sharedIds: [...settings.ids.sharedIds].map(([id, paths]) => [id, [...paths]] as [string, string[]]) } : {}) } } : {};
  const init: InitMessage = { init: { configs: [...settings.configs], now: settings.now.getTime(), ...ids, fix: settings.fix, ...(settings.workspaceFiles ? { workspaceFiles: { paths: [...settings.workspaceFiles.paths], unlisted: settings.workspaceFiles.unlisted } } : {}) } };
  const outcomes: LintOutcome[] = [];
  const crashes: LintRun['crashes'][number][] = [];
  // Largest files first so one big file does not finish last on an otherwise idle pool.
  const queue = [...jobs].sort((a, b) => b.text.length - a.text.length);
  const here = (batch: readonly LintJob[]) => {
    const local = inProcess(batch, settings);
    append(outcomes, local.outcomes);
    append(crashes, local.crashes);
  };
  return new Promise((resolveRun) => {
    let busy = 0;
    let mainDone = false;
    const settle = () => {
      if (mainDone && busy === 0) resolveRun({ outcomes, crashes, workers: started.length });
    };
    for (const s of started) if (s.exited || s.failed) void s.worker.terminate();
    for (const s of started.filter((w) => !w.exited && !w.failed)) {
      const { worker } = s;
      busy++;
      worker.ref();
      // Batches sent and not yet answered, oldest first (a worker answers in order).
      const inFlight: LintJob[][] = [];
      let done = false;
      const stop = () => {
        if (done) return;
        done = true;
        // Whatever it had not answered is linted here, so no file goes unchecked.
        for (const batch of inFlight.splice(0)) here(batch);
        void worker.terminate();
        busy--;
        settle();
      };
      const send = () => {
        while (inFlight.length < 2) {
          const batch = takeBatch(queue);
          if (!batch.length) break;
          inFlight.push(batch);
          worker.postMessage({ jobs: batch });
        }
        if (inFlight.length === 0) stop();
      };
      worker.on('message', (reply: WorkerReply) => {
        const batch = inFlight.shift() ?? [];
        if ('error' in reply) {
          // Keep what the batch did before the crash; lint the rest of it here.
          crashes.push({ index: reply.index, error: reply.error });
          here(batch.slice(batch.findIndex((j) => j.index === reply.index) + 1));
        } else {
          append(outcomes, reply.outcomes);
        }
        send();
      });
      // A dead worker (out of memory, failed to load).
      worker.on('error', stop);
      worker.on('exit', stop);
      // The settings first: messages arrive in order, so every batch finds them.
      worker.postMessage(init);
      send();
    }
    // This thread's share: one file per turn, until the queue is empty (also when every worker died).
    const step = () => {
      const job = queue.shift();
      if (!job) {
        mainDone = true;
        settle();
        return;
      }
      here([job]);
      setImmediate(step);
    };
    setImmediate(step);
  });
}

function takeBatch(queue: LintJob[]): LintJob[] {
  // Big files go one by one; typical ones in batches, to keep message overhead low, smaller near
  // the end so that no participant is left with a long batch while the others have nothing to do.
  if (queue.length && queue[0].text.length > 200_000) return [queue.shift()!];
  return queue.splice(0, Math.max(1, Math.min(BATCH_SIZE, Math.floor(queue.length / 8))));
}

/** `to.push(...from)` without spreading: a spread of a user-sized array overflows the call stack. */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}
