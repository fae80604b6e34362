import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { evidenceReferences } from '../../../src/core/evidence/references';
import { lintText } from '../../../src/core/lint/engine';
import { InThreadRunner } from '../../../src/vscode/lintWorker/inThreadRunner';
import { enqueueCollapsing, type QueuedJob } from '../../../src/vscode/lintWorker/jobQueue';
import type { LintRequest } from '../../../src/vscode/lintWorker/runner';
import { LintWorkerPool, nodeWorkerConstructor } from '../../../src/vscode/lintWorker/workerPool';

/**
 * The extension's lint threads (issue 9): a slow file is cut off at its budget and reported, the
 * others go on; a thread that dies is replaced; results are plain data equal to an in-process lint.
 * A stand-in worker script makes "slow" (a loop that never ends) and "dies" exact, so no assertion
 * depends on how fast the machine is: a job that never ends always passes any budget.
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
const kept = new Map();
parentPort.on('message', (m) => {
  if (m.kind === 'forget') return;
  if ('value' in m.config) kept.set(m.configSlot, m.config.value);
  const got = m.config.same ? 'same' : 'value';
  if (m.text === 'spin') for (;;) {}
  if (m.text === 'die') process.exit(3);
  // Holds its thread a moment (so the next job goes to the other thread), then answers as usual.
  if (m.text.startsWith('hold')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  if (m.text === 'throw') return parentPort.postMessage({ kind: 'error', id: m.id, message: 'boom' });
  const ids = m.workspace && m.workspace.knownIds ? ('value' in m.workspace.knownIds ? 'ids:value' : 'ids:same') : 'ids:none';
  parentPort.postMessage({ kind: 'lint', id: m.id, ms: 1, diagnostics: [{ code: 'echo', message: m.text + ' ' + got + ' ' + ids + ' ' + kept.get(m.configSlot).globs.length + ' ' + m.uri, severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] });
});
parentPort.postMessage({ kind: 'ready' });
`;

let dir: string;
let standIn: string;
let realBundle: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-lint-pool-'));
  standIn = join(dir, 'standIn.js');
  writeFileSync(standIn, STAND_IN);
  // The real entry, bundled as scripts/build.mjs bundles it.
  realBundle = join(dir, 'editorLintWorker.js');
  esbuild.buildSync({ entryPoints: [join(__dirname, '..', '..', '..', 'src', 'vscode', 'lintWorker', 'worker.ts')], outfile: realBundle, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'warning' });
});

after(() => rmSync(dir, { recursive: true, force: true }));

function request(uri: string, text: string, extra: Partial<LintRequest> = {}): LintRequest {
  return { uri, text, configSlot: 'folder', config: DEFAULT_CONFIG, nowMs: Date.parse('2026-11-27T12:00:00Z'), cache: true, ...extra };
}

function message(o: Awaited<ReturnType<LintWorkerPool['lint']>>): string {
  assert.equal(o.kind, 'done', JSON.stringify(o));
  return o.kind === 'done' ? o.value.diagnostics[0].message : '';
}

describe('lint worker pool (extension host)', function () {
  this.timeout(120_000);

  it('finds worker_threads in Node without importing it', () => {
    assert.equal(nodeWorkerConstructor(), Worker);
  });

  it('cuts off a file past its budget, reports it as a timeout, and the other files still get their results first', async () => {
    const pool = new LintWorkerPool(Worker, standIn, { budgetMs: 4_000 });
    try {
      const order: string[] = [];
      const slow = pool.lint(request('file:///slow.md', 'spin')).then((o) => {
        order.push('slow');
        return o;
      });
      // Another file asked for while the slow one runs: answered by the second thread, before the cut-off.
      const other = await pool.lint(request('file:///other.md', 'fine'));
      order.push('other');
      assert.match(message(other), /^fine /);
      const cut = await slow;
      assert.deepEqual(cut, { kind: 'timeout', budgetMs: 4_000 });
      assert.deepEqual(order, ['other', 'slow']);
      // The stopped thread is replaced: the slow file's next edit and the other file are linted again.
      assert.match(message(await pool.lint(request('file:///slow.md', 'edited'))), /^edited /);
      assert.ok(pool.threads <= 2, `${pool.threads} threads`);
    } finally {
      pool.dispose();
    }
  });

  it('starts the second thread while a slow job runs, before another file asks for it', async () => {
    const made: string[] = [];
    let second: () => void = () => undefined;
    const secondMade = new Promise<void>((resolve) => (second = resolve));
    // Counts the threads the pool makes, and when: an event, not a wait.
    class Counted extends Worker {
      constructor(file: string, options?: ConstructorParameters<typeof Worker>[1]) {
        super(file, options);
        made.push(`thread ${made.length + 1}`);
        if (made.length === 2) second();
      }
    }
    const pool = new LintWorkerPool(Counted, standIn, { budgetMs: 60_000, warmAfterMs: 50 });
    try {
      const slow = pool.lint(request('file:///slow.md', 'spin'));
      await secondMade;
      made.push('other asked');
      assert.match(message(await pool.lint(request('file:///other.md', 'fine'))), /^fine /);
      assert.deepEqual(made, ['thread 1', 'thread 2', 'other asked'], 'the other file found its thread already started');
      pool.dispose();
      assert.equal((await slow).kind, 'unavailable');
    } finally {
      pool.dispose();
    }
  });

  it('never runs two lints of one document at once, and a queued lint is replaced by the newer one (both callers get it)', async () => {
    const pool = new LintWorkerPool(Worker, standIn, { budgetMs: 1_500 });
    try {
      const first = pool.lint(request('file:///a.md', 'spin'));
      const v2 = pool.lint(request('file:///a.md', 'v2'));
      const v3 = pool.lint(request('file:///a.md', 'v3'));
      assert.equal((await first).kind, 'timeout');
      assert.match(message(await v2), /^v3 /);
      assert.match(message(await v3), /^v3 /);
    } finally {
      pool.dispose();
    }
  });

  it('replaces a thread that dies and reports the file it was linting', async () => {
    const logged: string[] = [];
    const pool = new LintWorkerPool(Worker, standIn, { budgetMs: 60_000, log: (m) => logged.push(m) });
    try {
      await pool.lint(request('file:///warm.md', 'warm')); // The thread is up.
      const died = await pool.lint(request('file:///die.md', 'die'));
      assert.equal(died.kind, 'failed');
      assert.match(died.kind === 'failed' ? died.message : '', /exit code 3/);
      assert.equal((await pool.lint(request('file:///t.md', 'throw'))).kind, 'failed');
      assert.match(message(await pool.lint(request('file:///next.md', 'next'))), /^next /);
      assert.ok(pool.available);
      assert.ok(logged.some((l) => /exit code 3/.test(l)), logged.join('\n'));
    } finally {
      pool.dispose();
    }
  });

  it('gives up after threads fail to start, so the host lints in its own thread', async () => {
    const logged: string[] = [];
    const pool = new LintWorkerPool(Worker, join(dir, 'missing.js'), { budgetMs: 60_000, log: (m) => logged.push(m) });
    const outcome = await pool.lint(request('file:///a.md', 'x'));
    assert.deepEqual(outcome, { kind: 'unavailable' });
    assert.equal(pool.available, false);
    assert.ok(logged.some((l) => /continues in the extension host/.test(l)), logged.join('\n'));
    pool.dispose();
  });

  it('sends the config and the workspace ids only when they changed', async () => {
    const pool = new LintWorkerPool(Worker, standIn, { budgetMs: 60_000, maxWorkers: 1 });
    try {
      const ids = new Set(['PM-1', 'PM-2']);
      assert.match(message(await pool.lint(request('file:///a.md', 'one', { workspace: { knownIds: ids } }))), /^one value ids:value 3 /);
      assert.match(message(await pool.lint(request('file:///a.md', 'two', { workspace: { knownIds: ids } }))), /^two same ids:same 3 /);
      const config = { ...DEFAULT_CONFIG, globs: ['x'] };
      assert.match(message(await pool.lint(request('file:///a.md', 'three', { config, workspace: { knownIds: new Set(ids) } }))), /^three value ids:value 1 /);
      assert.match(message(await pool.lint(request('file:///a.md', 'four', { config }))), /^four same ids:none 1 /);
    } finally {
      pool.dispose();
    }
  });

  it('each of two threads gets every config change, whichever thread the next job lands on', async () => {
    // The Node-host suite once failed after config changes (diagnostics of the old config): the
    // config is kept per thread, so a change must reach a thread that ran nothing meanwhile.
    const pool = new LintWorkerPool(Worker, standIn, { budgetMs: 60_000, maxWorkers: 2, warmAfterMs: 60_000 });
    const one = DEFAULT_CONFIG;
    const two = { ...DEFAULT_CONFIG, globs: ['a', 'b'] };
    const three = { ...DEFAULT_CONFIG, globs: ['a', 'b', 'c'] };
    try {
      assert.match(message(await pool.lint(request('file:///first.md', 'warm', { config: one }))), /^warm value ids:none 3 /);
      // Thread 1 holds first.md; a job asked for meanwhile starts thread 2 (with the changed config).
      const held = pool.lint(request('file:///first.md', 'hold-1', { config: one }));
      assert.match(message(await pool.lint(request('file:///second.md', 'on-two', { config: two }))), /^on-two value ids:none 2 /);
      assert.equal(pool.threads, 2);
      assert.match(message(await held), /^hold-1 same ids:none 3 /);
      // first.md goes back to thread 1, which has not seen `two` yet.
      assert.match(message(await pool.lint(request('file:///first.md', 'back-on-one', { config: two }))), /^back-on-one value ids:none 2 /);
      // A third config, then back to the first: each thread is sent what it does not have.
      const again = pool.lint(request('file:///first.md', 'hold-2', { config: three }));
      assert.match(message(await pool.lint(request('file:///second.md', 'two-again', { config: three }))), /^two-again value ids:none 3 /);
      assert.match(message(await again), /^hold-2 value ids:none 3 /);
      assert.match(message(await pool.lint(request('file:///second.md', 'same-on-two', { config: three }))), /^same-on-two same ids:none 3 /);
      assert.match(message(await pool.lint(request('file:///first.md', 'first-back', { config: one }))), /^first-back value ids:none 3 /);
    } finally {
      pool.dispose();
    }
  });

  it('a job that cannot be sent fails alone: the thread takes the next job, and the config is sent again', async () => {
    const pool = new LintWorkerPool(Worker, standIn, { budgetMs: 60_000, maxWorkers: 1 });
    try {
      assert.match(message(await pool.lint(request('file:///a.md', 'one'))), /^one value /);
      // A setting read through a getter that throws (structured clone reads every property).
      const broken = { ...DEFAULT_CONFIG, get globs(): string[] { throw new Error('not readable'); } };
      const failed = await pool.lint(request('file:///a.md', 'two', { config: broken, configSlot: 'other' }));
      assert.equal(failed.kind, 'failed');
      assert.match(failed.kind === 'failed' ? failed.message : '', /cannot send the job.*not readable/);
      // The same thread goes on, and what it may have missed is sent again.
      assert.match(message(await pool.lint(request('file:///a.md', 'three'))), /^three value /);
      assert.equal(pool.threads, 1);
    } finally {
      pool.dispose();
    }
  });

  it('the real worker bundle gives the same diagnostics (fixes as data) as linting in process, and fixAll the same text', async () => {
    const pool = new LintWorkerPool(Worker, realBundle, { budgetMs: 60_000 });
    try {
      const text = '---\ntype: postmortem\ntitle: Checkout errors\nstatus: bogus\nseverity: SEV9\nrelated: [PM-404]\n---\n\n# Checkout errors\n\n## Summary\n\nHuman error caused it. See [the runbook](../runbooks/gone.md) and [this one](../runbooks/db.md).\n\n## Action items\n\n- [ ] Add an alert due:2026-12-01\n';
      const files = { workspace: { paths: new Set(['runbooks', 'runbooks/db.md', 'postmortems', 'postmortems/pm.md']) }, documentPath: 'postmortems/pm.md' };
      const knownIds = new Set(['PM-1']);
      const options = { config: DEFAULT_CONFIG, now: new Date(Date.parse('2026-11-27T12:00:00Z')), workspace: { knownIds }, files, writerZone: 'Europe/Berlin', fixFacts: { userName: 'dana', knownOwners: ['ana'], today: '2026-11-27' } };
      const expected = lintText(text, options).diagnostics;
      assert.ok(expected.some((d) => d.fixes?.length), 'the sample has fixes');
      assert.deepEqual(expected.filter((d) => d.code.startsWith('links/')).map((d) => d.code), ['links/missing-file'], 'the sample has one missing link target');
      const withEvidence = `${text}\n## Evidence\n\n![graph](./pm.assets/graph.png) and [the log](pm.assets/log.txt)\n`;
      const expectedWithEvidence = lintText(withEvidence, options);
      const outcome = await pool.lint(request('file:///pm.md', withEvidence, { workspace: { knownIds }, files, writerZone: 'Europe/Berlin', fixFacts: options.fixFacts }));
      assert.equal(outcome.kind, 'done');
      assert.deepEqual(outcome.kind === 'done' ? outcome.value.diagnostics : undefined, JSON.parse(JSON.stringify(expectedWithEvidence.diagnostics)));
      assert.ok(expected.length > 0 && expectedWithEvidence.diagnostics.length >= expected.length);
      // The evidence links come with the lint (the host stats them; it never parses the document).
      assert.deepEqual(outcome.kind === 'done' ? outcome.value.evidence : undefined, JSON.parse(JSON.stringify(evidenceReferences(expectedWithEvidence.doc))));
      assert.deepEqual((outcome.kind === 'done' ? outcome.value.evidence ?? [] : []).map((r) => r.path), ['pm.assets/graph.png', 'pm.assets/log.txt']);
      // The host's own thread (web host) gives what the thread gives: diagnostics, summary and evidence alike.
      const asked = request('file:///pm.md', withEvidence, { workspace: { knownIds }, files, writerZone: 'Europe/Berlin', fixFacts: options.fixFacts, summary: {} });
      const [onThreadLint, inThreadLint] = await Promise.all([pool.lint(asked), new InThreadRunner().lint(asked)]);
      assert.ok(onThreadLint.kind === 'done' && onThreadLint.value.summary?.title === 'Checkout errors', JSON.stringify(onThreadLint).slice(0, 300));
      assert.deepEqual(JSON.parse(JSON.stringify({ ...onThreadLint, ms: 0 })), JSON.parse(JSON.stringify({ ...inThreadLint, ms: 0 })));
      const inThread = await new InThreadRunner().fixAll({ text, configSlot: 'folder', config: DEFAULT_CONFIG, nowMs: options.now.getTime(), workspace: { knownIds } });
      const onThread = await pool.fixAll({ text, configSlot: 'folder', config: DEFAULT_CONFIG, nowMs: options.now.getTime(), workspace: { knownIds } });
      assert.equal(onThread.kind, 'done');
      assert.deepEqual(onThread, { ...inThread, ms: onThread.kind === 'done' ? onThread.ms : 0 });
      assert.notEqual(onThread.kind === 'done' ? onThread.value.text : text, text);
    } finally {
      pool.dispose();
    }
  });
});

describe('in-thread lint runner (web host)', () => {
  it('runs one job per macrotask, and a queued lint of a document is replaced by the newer one', async () => {
    const runner = new InThreadRunner();
    const text = (title: string) => `---\ntype: postmortem\ntitle: ${title}\nstatus: bogus\n---\n\n# ${title}\n`;
    let between = 0;
    const a = runner.lint(request('file:///a.md', text('A')));
    const a2 = runner.lint(request('file:///a.md', text('A2')));
    const b = runner.lint(request('file:///b.md', text('B')));
    // A timer queued now runs between the two files' lints, not after both.
    setTimeout(() => between++, 0);
    const [ra, ra2] = await Promise.all([a, a2]);
    assert.equal(between, 0, 'the first file ran in the first macrotask');
    assert.deepEqual(ra, ra2);
    await b;
    assert.equal(between, 1, 'another task ran between the two files');
    runner.dispose();
  });
});

describe('lint job queue (both runners)', () => {
  it('a job for a document already waiting takes its place and its callers; fix-alls never collapse', () => {
    const calls: string[] = [];
    const job = (key: string | undefined, name: string): QueuedJob & { name: string } => ({ key, name, waiters: [() => calls.push(name)] });
    const queue: (QueuedJob & { name: string })[] = [];
    for (const j of [job('a', 'a1'), job('b', 'b1'), job(undefined, 'fix1'), job('a', 'a2'), job(undefined, 'fix2')]) enqueueCollapsing(queue, j);
    assert.deepEqual(queue.map((j) => j.name), ['a2', 'b1', 'fix1', 'fix2']);
    for (const w of queue[0].waiters) w({ kind: 'unavailable' });
    assert.deepEqual(calls, ['a2', 'a1'], 'the replaced job\'s caller hears the newer one');
  });
});
