import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintOne, type LintJob, type LintOutcome, type LintSettings } from './lintOne';
import type { WorkerInit, WorkerReply } from './protocol';

/** Below this many files, starting workers (≈ 50 ms each: bundle load + schema compile) costs more than it saves. */
const WORKER_THRESHOLD = 48;
const BATCH_SIZE = 24;

export interface LintRun {
  readonly outcomes: LintOutcome[];
  /** Files whose lint threw (a bug in a rule or the parser), with the stack. */
  readonly crashes: { readonly index: number; readonly error: string }[];
  readonly workers: number;
}

/** Lints every job, on worker threads when there are many files and more than one core. */
export async function lintAll(jobs: readonly LintJob[], settings: LintSettings, options: { workers?: number } = {}): Promise<LintRun> {
  const workerScript = join(__dirname, 'lintWorker.js');
  const cores = options.workers ?? Math.min(availableParallelism(), 8);
  const count = Math.min(cores, Math.ceil(jobs.length / BATCH_SIZE));
  if (jobs.length < WORKER_THRESHOLD || count < 2 || !existsSync(workerScript)) return inProcess(jobs, settings);
  return onWorkers(jobs, settings, workerScript, count);
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

function onWorkers(jobs: readonly LintJob[], settings: LintSettings, script: string, count: number): Promise<LintRun> {
  const init: WorkerInit = { configs: [...settings.configs], now: settings.now.getTime(), knownIds: [...settings.knownIds], fix: settings.fix, ...(settings.workspaceFiles ? { workspaceFiles: { paths: [...settings.workspaceFiles.paths], unlisted: settings.workspaceFiles.unlisted } } : {}) };
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
      resolveRun({ outcomes, crashes, workers: count });
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: init });
      running++;
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
