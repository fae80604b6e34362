// The extension's lint worker thread (Node extension host only; bundled as dist/editorLintWorker.js by
// scripts/build.mjs). Lints and fix-alls run here so that a slow file (a hostile front matter near
// the 32 KB cap took 1–2.5 s) never holds the extension host's main thread: hovers, completions
// and other files' diagnostics keep answering. The host (workerPool.ts) kills and restarts this
// thread when one job passes its time budget. Loading the bundle compiles the JSON schema once.
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../../core/config/config';
import type { WorkspaceFacts } from '../../core/lint/rule';
import type { WorkspaceFiles } from '../../core/links/workspaceFiles';
import { LintJobs, type FixAllInputs } from './lintJob';
import type { FromWorker, Kept, KeptWorkspace, ToWorker } from './protocol';

const jobs = new LintJobs();
/** The last value received per slot (see Kept): configs by folder, workspace facts by field. */
const kept = new Map<string, unknown>();

function resolve<T>(slot: string, value: Kept<T>): T {
  if ('value' in value) kept.set(slot, value.value);
  return kept.get(slot) as T;
}

function workspaceOf(workspace: KeptWorkspace | undefined): WorkspaceFacts | undefined {
  if (!workspace) return undefined;
  const facts: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(workspace)) if (value) facts[field] = resolve(`workspace.${field}`, value as Kept<unknown>);
  return facts as unknown as WorkspaceFacts;
}

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.kind === 'forget') {
    jobs.forget(message.uri);
    return;
  }
  const started = performance.now();
  try {
    const config = resolve<ResolvedConfig>(`config.${message.configSlot}`, message.config);
    const workspace = workspaceOf(message.workspace);
    const files = message.files ? { workspace: resolve<WorkspaceFiles>('files', message.files.workspace), documentPath: message.files.documentPath } : undefined;
    const inputs: FixAllInputs = { text: message.text, config, nowMs: message.nowMs, writerZone: message.writerZone, ...(workspace ? { workspace } : {}), ...(files ? { files } : {}) };
    if (message.kind === 'fixAll') {
      post({ kind: 'fixAll', id: message.id, ...jobs.fixAll(inputs), ms: performance.now() - started });
      return;
    }
    const linted = jobs.lint({ ...inputs, uri: message.uri, cache: message.cache, ...(message.fixFacts ? { fixFacts: message.fixFacts } : {}), ...(message.summary ? { summary: message.summary } : {}) });
    post({ kind: 'lint', id: message.id, ...linted, ms: performance.now() - started });
  } catch (e) {
    post({ kind: 'error', id: message.id, message: (e as Error).stack ?? String(e) });
  }
});

post({ kind: 'ready' });
