/**
 * The lint run is fed while files are still being read (pool.ts, LintStream): a worker must get the
 * run's settings, each file's configuration and the workspace's file list before the first batch
 * that needs them, whenever they become known. The spawned-CLI tests (lint.test.ts) compare whole
 * runs on workers with in-process ones; which thread lints which file there depends on timing.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { LintStream, LintWorkers } from '../../../src/cli/lint/pool';
import type { LintJob } from '../../../src/cli/lint/lintOne';
import { buildOnce, repoRoot } from './harness';

const job = (index: number, configKey: string): LintJob => ({ index, text: '# x\n', configKey });

describe('lint stream: what a worker is told before a batch', () => {
  it('sends the settings once, each configuration before its first file, and the file list as soon as it is known', () => {
    const stream = new LintStream({ now: new Date('2026-12-01T00:00:00Z'), fix: false }, undefined);
    const sent = { init: false, configs: new Set<string>(), workspaceFiles: false };
    stream.setConfig('a', DEFAULT_CONFIG);
    const first = stream.messagesBefore([job(0, 'a'), job(1, 'a')], sent);
    assert.deepEqual(first.map((m) => Object.keys(m)[0]), ['init', 'config']);
    // A second folder's configuration and, later in the run, the file list: each before the batch that needs it, once.
    stream.setConfig('b', { ...DEFAULT_CONFIG, requiredApprovals: 3 });
    stream.setWorkspaceFiles({ paths: new Set(['runbooks/db.md']) });
    const second = stream.messagesBefore([job(2, 'a'), job(3, 'b')], sent);
    assert.deepEqual(second.map((m) => Object.keys(m)[0]), ['config', 'workspaceFiles']);
    assert.equal(('config' in second[0]!) && second[0].config[1].requiredApprovals, 3);
    assert.deepEqual(('workspaceFiles' in second[1]!) && second[1].workspaceFiles.paths, ['runbooks/db.md']);
    assert.deepEqual(stream.messagesBefore([job(4, 'b')], sent), []);
  });

  it('lints every file in-process when no worker takes part, once all are added', async () => {
    const stream = new LintStream({ now: new Date('2026-12-01T00:00:00Z'), fix: false }, undefined);
    stream.setConfig('a', DEFAULT_CONFIG);
    for (let i = 0; i < 5; i++) stream.add(job(i, 'a'));
    const run = await stream.finish();
    assert.deepEqual(run.outcomes.map((o) => o.index).sort(), [0, 1, 2, 3, 4]);
    assert.equal(run.crashes.length, 0);
  });
});

describe('lint stream: a file whose lint throws on a worker', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('keeps the outcomes of the files its batch linted before it, reports it, and lints the rest', async () => {
    // The built worker, taken over as `postmortem lint` takes its early-started workers.
    const started = { worker: new Worker(join(repoRoot, 'dist', 'lintWorker.js')), exited: false, failed: false };
    const workers = new (LintWorkers as unknown as new (s: (typeof started)[]) => LintWorkers)([started]);
    const stream = new LintStream({ now: new Date('2026-12-01T00:00:00Z'), fix: false }, workers);
    stream.setConfig('a', DEFAULT_CONFIG);
    // Not a text: the worker's lint of file 3 throws, after files 0–2 of the same batch were linted.
    for (let i = 0; i < 48; i++) stream.add(i === 3 ? { ...job(i, 'a'), text: 5 as unknown as string } : job(i, 'a'));
    const run = await stream.finish();
    assert.equal(run.workers, 1, 'the worker took part');
    assert.deepEqual(run.crashes.map((c) => c.index), [3]);
    assert.deepEqual(run.outcomes.map((o) => o.index).sort((a, b) => a - b), Array.from({ length: 48 }, (_, i) => i).filter((i) => i !== 3));
  });
});
