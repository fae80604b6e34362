import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial F28: at 22:49 in Los Angeles (06:49Z the next day) `postmortem new` named the file and the id
 * by the UTC date, a day ahead of the writer's calendar and of `timezone:`. They now carry the
 * writer's date (the zone written as `timezone:`), and near midnight a note says which date is which.
 */
describe('postmortem new names the file by the writer\'s date (spawned CLI, trial F28)', function () {
  this.timeout(120_000);
  before(buildOnce);

  const cases: readonly (readonly [tz: string, now: string, day: string, note: boolean])[] = [
    ['America/Los_Angeles', '2026-12-06T06:49:00Z', '2026-12-05', true],
    ['Europe/Berlin', '2026-12-05T23:30:00Z', '2026-12-06', true],
    ['Pacific/Auckland', '2026-12-06T20:30:00Z', '2026-12-07', true],
    ['UTC', '2026-12-06T06:49:00Z', '2026-12-06', false],
    ['America/Los_Angeles', '2026-12-06T20:00:00Z', '2026-12-06', false],
  ];
  for (const [tz, now, day, note] of cases) {
    it(`TZ=${tz} at ${now}: ${day}`, () => {
      const ws = workspace({});
      try {
        const r = runCliWithEnv(ws.dir, { TZ: tz }, 'new', 'Checkout outage', '--now', now, '--started', 'now');
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout.trim(), join('postmortems', `${day}-checkout-outage.md`));
        assert.deepEqual(readdirSync(join(ws.dir, 'postmortems')), [`${day}-checkout-outage.md`]);
        const text = ws.read(`postmortems/${day}-checkout-outage.md`);
        assert.match(text, new RegExp(`^id: PM-${day.replace(/-/g, '')}-checkout-outage$`, 'm'));
        assert.match(text, new RegExp(`^started_at: ${now.replace(':00Z', '').replace(/[.]/g, '\\.')}`, 'm'), 'times stay UTC');
        assert.match(text, new RegExp(`^timezone: ${tz}\\b`, 'm'));
        // UTC is behind Berlin and Auckland after their midnight ("still"), ahead of Los Angeles in its evening ("already").
        const said = /note: named by your date, (\S+) in (\S+) \(file and id\); in UTC it is (still|already) (\S+), and the times written into it are UTC/.exec(r.stderr);
        if (note) assert.deepEqual(said?.slice(1), [day, tz, now.slice(0, 10) < day ? 'still' : 'already', now.slice(0, 10)], r.stderr);
        else assert.equal(said, null, r.stderr);
      } finally {
        ws.cleanup();
      }
    });
  }

  it('without --started the built-in template writes no time: the note does not claim one', () => {
    const ws = workspace({});
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Pacific/Auckland' }, 'new', 'Checkout outage', '--now', '2026-12-06T20:30:00Z');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /note: named by your date, 2026-12-07 in Pacific\/Auckland \(file and id\); in UTC it is still 2026-12-06\n/);
    } finally {
      ws.cleanup();
    }
  });

  it('names the file and id by the incident\'s start date with --started, and says which file a second run would duplicate (trial 10, T5)', () => {
    const ws = workspace({});
    try {
      const args = ['new', 'Checkout timeouts', '--started', '2026-11-27 21:30', '--now', '2026-12-06T22:00:00Z'];
      const first = runCliWithEnv(ws.dir, { TZ: 'America/Sao_Paulo' }, ...args);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout.trim(), join('postmortems', '2026-11-27-checkout-timeouts.md'));
      assert.match(ws.read('postmortems/2026-11-27-checkout-timeouts.md'), /^id: PM-20261127-checkout-timeouts$/m);
      // 21:30 in São Paulo is already the 28th in UTC: the note says which date named the file.
      assert.match(first.stderr, /note: named by the incident's start date, 2026-11-27 in America\/Sao_Paulo \(file and id\), not today's date; in UTC the start was on 2026-11-28\n/);
      const second = runCliWithEnv(ws.dir, { TZ: 'America/Sao_Paulo' }, ...args);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(second.stdout.trim(), join('postmortems', '2026-11-27-checkout-timeouts-2.md'));
      assert.match(second.stderr, new RegExp(`note: ${join('postmortems', '2026-11-27-checkout-timeouts.md').replace(/[.\\]/g, '\\$&')} already exists \\(not changed\\), so this one is numbered 2`));
    } finally {
      ws.cleanup();
    }
  });
});
