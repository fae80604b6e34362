// Worker thread of `postmortem lint`: lints batches of files sent by the main thread. Loading this
// bundle compiles the JSON schema once per worker (while the main thread still reads the files);
// every later file reuses it. The first message holds the run's settings.
import { parentPort } from 'node:worker_threads';
import { lintOne, type LintOutcome, type LintSettings } from './lint/lintOne';
import type { BatchMessage, InitMessage, WorkerReply } from './lint/protocol';

let settings: LintSettings | undefined;

parentPort?.on('message', (message: InitMessage | BatchMessage) => {
  if ('init' in message) {
    const init = message.init;
    settings = {
      configs: new Map(init.configs), now: new Date(init.now), fix: init.fix,
      ...(init.ids ? { ids: { knownIds: new Set(init.ids.knownIds), ...(init.ids.sharedIds ? { sharedIds: new Map(init.ids.sharedIds) } : {}) } } : {}),
      ...(init.workspaceFiles ? { workspaceFiles: { paths: new Set(init.workspaceFiles.paths), unlisted: init.workspaceFiles.unlisted } } : {}),
    };
    return;
  }
  const outcomes: LintOutcome[] = [];
  for (const job of message.jobs) {
    try {
      if (!settings) throw new Error('lint worker: a batch arrived before the settings');
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
