import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial 13a F20: with a misspelt `timezone:` the incident is dated on UTC's calendar. The note says
 * so, with the day in the zone it suggests when that differs (an evening in UTC is the next day in Kolkata).
 */
const NOW = '2026-12-07T05:30:00Z';
const FILE = '---\ntype: postmortem\nid: PM-BTZ\ntitle: Bad tz\nstatus: draft\nseverity: SEV3\nstarted_at: 2026-11-30T20:00:00Z\nresolved_at: 2026-11-30T21:00:00Z\ntimezone: Asia/Kolkatta\n---\n\n# Bad tz\n';

describe('a misspelt timezone: the date and month it falls back to are said (trial13a F20)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('list and metrics name the UTC day used and the day in the suggested zone, exit 1', () => {
    const ws = workspace({ 'postmortems/a.md': FILE });
    try {
      const env = { TZ: 'Asia/Kolkata' };
      const list = runCliWithEnv(ws.dir, env, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stdout, /^ {2}PM-BTZ · Bad tz {2}2026-11-30 · SEV3 · 1h$/m);
      assert.match(list.stderr, /^note: postmortems\/a\.md: Unknown time zone "Asia\/Kolkatta" in `timezone`: times written without a zone were not read \(did you mean Asia\/Kolkata\?\); the incident is dated by its UTC day, 2026-11-30 \(in Asia\/Kolkata it is 2026-12-01\)$/m);
      const metrics = runCliWithEnv(ws.dir, env, 'metrics', '--now', NOW, '--format', 'json', 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      const json = JSON.parse(metrics.stdout) as { incidents: { date: string; period: string }[]; problems: { message: string }[] };
      assert.deepEqual([json.incidents[0]!.date, json.incidents[0]!.period], ['2026-11-30', '2026-11']);
      assert.match(json.problems[0]!.message, /dated by its UTC day, 2026-11-30 \(in Asia\/Kolkata it is 2026-12-01\)$/);
    } finally {
      ws.cleanup();
    }
  });
});
