// The queue rule both runners keep (workerPool.ts, inThreadRunner.ts): a job for a document that
// already waits in the queue replaces the waiting one, and the waiting one's callers get the new
// one's result, so a burst of edits never queues a lint per keystroke.
import type { PoolOutcome } from './runner';

export interface QueuedJob {
  /** The document a lint is for; undefined for jobs that never collapse (fix-alls). */
  readonly key: string | undefined;
  readonly waiters: ((outcome: PoolOutcome<unknown>) => void)[];
}

/** Adds `job` to `queue`, in place of a waiting job with the same key (whose waiters it takes over). */
export function enqueueCollapsing<J extends QueuedJob>(queue: J[], job: J): void {
  const older = job.key === undefined ? -1 : queue.findIndex((j) => j.key === job.key);
  if (older < 0) {
    queue.push(job);
    return;
  }
  for (const w of queue[older].waiters) job.waiters.push(w);
  queue.splice(older, 1, job);
}
