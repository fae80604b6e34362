import assert from 'node:assert/strict';
import type { MetricsResult } from '../../../src/core/metrics';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial 13a F10: a `done:` date after today (in Kolkata, 2026-12-07) was counted in "time to close"
 * (24.2 days) and lint said nothing. Now lint warns, the metrics leave the item out and say so (exit 1).
 */
const NOW = '2026-12-06T20:00:00Z'; // 2026-12-07 01:30 in Kolkata, still 2026-12-06 in UTC
const DOC = ['---', 'type: postmortem', 'id: PM-ACT', 'title: Payments', 'status: draft', 'timezone: Asia/Kolkata',
  'started_at: 2026-12-01T04:00:00Z', 'resolved_at: 2026-12-01T06:00:00Z', '---', '', '# Payments', '', '## Action items', '',
  '- [x] Five @raj due:2026-12-03 done:2026-12-02',
  '- [x] Six @raj due:2026-12-03 done:2026-12-03',
  '- [x] Seven @raj due:2026-12-03 done:2026-12-31',
  '- [x] Eight @raj due:2026-12-08 done:2026-12-07', ''].join('\n');

describe('a done: date after today (trial13a F10, spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint warns on it, and the metrics leave it out of time to close and say which line (exit 1)', () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      const kolkata = { TZ: 'Asia/Kolkata' };
      const lint = runCliWithEnv(ws.dir, kolkata, 'lint', '--now', NOW, 'postmortems');
      const lines = lint.stdout.split('\n').filter((l) => l.includes('actions/done-in-future'));
      // done:2026-12-07 is today in Kolkata: not flagged.
      assert.equal(lines.length, 1, lint.stdout);
      assert.match(lines[0], /a\.md:17:33 +warning +Expected the done date of "Seven" to be today \(2026-12-07\) or earlier, found done:2026-12-31, 24 days ahead; the metrics leave it out of time to close/);
      assert.equal(lint.code, 0, 'a warning');

      const text = runCliWithEnv(ws.dir, kolkata, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(text.code, 1, text.stderr);
      assert.match(text.stdout, /time to close: median 2 days, p90 5\.2 days over 3 done items .*; 1 with a done: date after today \(2026-12-07\) left out \(PM-ACT; lint: actions\/done-in-future\)/);
      assert.match(text.stdout, /note: postmortems\/a\.md: Time not read: a done: date after today \(2026-12-07, Asia\/Kolkata\): line 17 done:2026-12-31, which lint flags \(actions\/done-in-future\); that item is not counted in time to close/);
      const json = JSON.parse(runCliWithEnv(ws.dir, kolkata, 'metrics', '--format', 'json', '--now', NOW, 'postmortems').stdout) as MetricsResult;
      assert.equal(json.actions.daysToClose.count, 3);
      assert.equal(json.actions.daysToClose.p90, 5.2, 'not the 30 days done:2026-12-31 gave');
      assert.deepEqual(json.actions.doneAfterToday, { items: 1, incidents: ['PM-ACT'], today: '2026-12-07' });
      assert.equal(json.actions.done, 4, 'still done');

      // In UTC it is still 2026-12-06: done:2026-12-07 is after today there too, and said.
      const utc = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'metrics', '--format', 'json', '--now', NOW, 'postmortems');
      assert.deepEqual((JSON.parse(utc.stdout) as MetricsResult).actions.doneAfterToday, { items: 2, incidents: ['PM-ACT'], today: '2026-12-06' });
      const list = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1);
      assert.match(list.stderr, /a\.md: Time not read: 2 done: dates after today \(2026-12-06, UTC\): line 17 done:2026-12-31, line 18 done:2026-12-07/);
    } finally {
      ws.cleanup();
    }
  });

  it('the fix writes today (not applied by --fix: the date may be a typo for another day)', () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', '--format', 'json', '--now', NOW, 'postmortems');
      const d = (JSON.parse(r.stdout) as { code: string; fixes: { title: string; preferred?: boolean }[] }[]).find((x) => x.code === 'actions/done-in-future');
      assert.deepEqual(d?.fixes.map((f) => [f.title, f.preferred ?? false]), [['Change the done date to 2026-12-07 (today)', false]]);
      runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', '--fix', '--now', NOW, 'postmortems');
      assert.match(ws.read('postmortems/a.md'), /Seven @raj due:2026-12-03 done:2026-12-31$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('a done: that is not a date is said by lint, and the metrics count the item as done without a done: date', () => {
    const ws = workspace({ 'postmortems/a.md': DOC.replace('done:2026-12-31', 'done:2026-02-30').replace('done:2026-12-02', 'done:yesterday') });
    try {
      const lint = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', '--now', NOW, 'postmortems');
      const lines = lint.stdout.split('\n').filter((l) => l.includes('actions/bad-done'));
      assert.equal(lines.length, 2, lint.stdout);
      assert.match(lines[0], /a\.md:15:32 +warning +Expected the done date of "Five done:yesterday" as YYYY-MM-DD \(a real calendar date\), found "yesterday" \(a word: write the calendar date\); until then the item has no done date, and the metrics count it as done without one/);
      assert.match(lines[1], /a\.md:17:33 +warning +.*found "2026-02-30" \(February 2026 has 28 days\)/);
      const metrics = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'metrics', '--now', NOW, 'postmortems');
      assert.match(metrics.stdout, /over 2 done items .*; 2 done without a done: date/);
    } finally {
      ws.cleanup();
    }
  });
});
