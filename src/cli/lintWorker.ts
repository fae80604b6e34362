// Worker thread of `postmortem lint`: lints batches of files sent by the main thread. Loading this
// bundle compiles the JSON schema once per worker (while the main thread still reads the files);
// every later file reuses it. The messages before a batch give what it needs (protocol.ts).
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config/config';
import type { WorkspaceFiles } from '../core/links/workspaceFiles';
import { lintOne, type LintOutcome, type LintSettings } from './lint/lintOne';
import type { WorkerMessage, WorkerReply } from './lint/protocol';

let run: { now: Date; fix: boolean } | undefined;
const configs = new Map<string, ResolvedConfig>();
let workspaceFiles: WorkspaceFiles | undefined;

parentPort?.on('message', (message: WorkerMessage) => {
  if ('init' in message) {
    run = { now: new Date(message.init.now), fix: message.init.fix };
    return;
  }
  if ('config' in message) {
    configs.set(message.config[0], message.config[1]);
    return;
  }
  if ('workspaceFiles' in message) {
    workspaceFiles = { paths: new Set(message.workspaceFiles.paths), ...(message.workspaceFiles.unlisted ? { unlisted: message.workspaceFiles.unlisted } : {}) };
    return;
  }
  const outcomes: LintOutcome[] = [];
  const settings: LintSettings | undefined = run && { ...run, configs, ...(workspaceFiles ? { workspaceFiles } : {}) };
  for (const job of message.jobs) {
    try {
      if (!settings) throw new Error('lint worker: a batch arrived before the settings');
      outcomes.push(lintOne(job, settings));
    } catch (e) {
      // The core never throws by design; if it does, the main thread reports this file and goes on.
      // The files before it were linted: their outcomes go back with the error, or they would be lost.
      const reply: WorkerReply = { outcomes, error: (e as Error).stack ?? String(e), index: job.index };
      parentPort?.postMessage(reply);
      return;
    }
  }
  const reply: WorkerReply = { outcomes };
  parentPort?.postMessage(reply);
});
