import assert from 'node:assert/strict';
import type { MetricsResult } from '../../../src/core/metrics';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * items13 "not done": an owner or due date written under a task line (`- [ ] Add alert` /
 * `  owner @ana, due 2026-12-20`) is read by no one, but lint said where it is and `actions`, the
 * sidebar and the metrics said only "no owner". Now each says where it is (the one decision:
 * actions/continuation.ts `tokenBelow`).
 */
const DOC = ['---', 'type: postmortem', 'id: PM-CT', 'title: Continuation', 'status: draft', 'started_at: 2026-11-20T10:00:00Z', '---', '', '# Continuation', '', '## Action items', '',
  '- [ ] Add the 5xx alert', '  owner @ana, due 2026-12-20',
  '- [ ] Tune the pool @bo due:2026-12-24', ''].join('\n');

describe('an owner or due date under the task line (items13, spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('actions, its JSON and the metrics say where it is, as lint does; the item still has no owner or due date', () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.match(lint.stdout, /a\.md:13:7 .*"@ana" is written on line 14, under the task line, where an owner is not read/);
      const text = runCli(ws.dir, 'actions', '--now', NOW, 'postmortems');
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /a\.md:13 {2}Add the 5xx alert owner @ana, due 2026-12-20 {2}no owner \("@ana" on line 14, under the task line: not read; join it\) {2}no due date \("due 2026-12-20" on line 14, under the task line: not read; join it\)/);
      const json = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW, 'postmortems').stdout) as { line: number; owner: string | null; ownerBelow: unknown; dueBelow: unknown }[];
      assert.deepEqual(json.map((i) => [i.line, i.owner, i.ownerBelow, i.dueBelow]), [
        [13, null, { written: '@ana', line: 14 }, { written: 'due 2026-12-20', line: 14 }],
        [15, 'bo', null, null],
      ]);
      const metrics = JSON.parse(runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW, 'postmortems').stdout) as MetricsResult;
      assert.deepEqual(metrics.actions.byOwner.map((o) => [o.key, o.open]), [['(no owner: @ token under the task line)', 1], ['bo', 1]]);
      // Joined by lint's fix, every reader has the owner and the date.
      runCli(ws.dir, 'lint', '--fix', '--now', NOW, 'postmortems');
      const after = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW, 'postmortems').stdout) as { owner: string | null; due: string | null; ownerBelow: unknown }[];
      assert.deepEqual(after.map((i) => [i.owner, i.due, i.ownerBelow]), [['ana', '2026-12-20', null], ['bo', '2026-12-24', null]]);
    } finally {
      ws.cleanup();
    }
  });

  it('a ticket on the wrapped line (trial 17c F4): lint, actions and its JSON say where it is; lint\'s fix joins it and every reader has it', () => {
    const doc = DOC.replace('- [ ] Tune the pool @bo due:2026-12-24', '- [ ] Tune the pool @bo due:2026-12-24\n  ([Issue](https://github.com/acme/ops/issues/7))');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.match(lint.stdout, /a\.md:15:7 .*Expected the ticket on the task line of action item "Tune the pool \(Issue\)": "\[Issue\]\(https:\/\/github\.com\/acme\/ops\/issues\/7\)" is written on line 16, under the task line, where a ticket is not read.*actions\/no-ticket/);
      const text = runCli(ws.dir, 'actions', '--now', NOW, 'postmortems');
      assert.match(text.stdout, /a\.md:15 {2}Tune the pool \(Issue\) {2}@bo {2}due 2026-12-24 {2}no ticket \("\[Issue\]\(https:\/\/github\.com\/acme\/ops\/issues\/7\)" on line 16, under the task line: not read; join it\)/);
      const json = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW, 'postmortems').stdout) as { line: number; ticket: string | null; ticketBelow: unknown }[];
      assert.deepEqual(json.map((i) => [i.line, i.ticket, i.ticketBelow]), [[13, null, null], [15, null, { written: '[Issue](https://github.com/acme/ops/issues/7)', line: 16 }]]);
      runCli(ws.dir, 'lint', '--fix', '--now', NOW, 'postmortems');
      const after = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW, 'postmortems').stdout) as { ticket: string | null; ticketBelow: unknown }[];
      assert.deepEqual(after.map((i) => [i.ticket, i.ticketBelow]), [[null, null], ['https://github.com/acme/ops/issues/7', null]]);
    } finally {
      ws.cleanup();
    }
  });
});
