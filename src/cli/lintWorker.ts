// Worker thread of `postmortem lint`: lints batches of files sent by the main thread. Loading this
// bundle compiles the JSON schema once per worker; every later file reuses it.
import { parentPort, workerData } from 'node:worker_threads';
import { lintOne, type LintOutcome, type LintSettings } from './lint/lintOne';
import type { BatchMessage, WorkerInit, WorkerReply } from './lint/protocol';

const init = workerData as WorkerInit;
const settings: LintSettings = {
  configs: new Map(init.configs),
  now: new Date(init.now),
  knownIds: new Set(init.knownIds),
  ...(init.workspaceFiles ? { workspaceFiles: { paths: new Set(init.workspaceFiles.paths), unlisted: init.workspaceFiles.unlisted } } : {}),
  fix: init.fix,
};

parentPort?.on('message', (message: BatchMessage) => {
  const outcomes: LintOutcome[] = [];
  for (const job of message.jobs) {
    try {
      outcomes.push(lintOne(job, settings));
    } catch (e) {
      // The core never throws by design; if it does, the main thread reports this file and goes on.
      const reply: WorkerReply = { error: (e as Error).stack ?? String(e), index: job.index };
      parentPort?.postMessage(reply);
      return;
    }
  }
  const reply: WorkerReply = { outcomes };
  parentPort?.postMessage(reply);
});
