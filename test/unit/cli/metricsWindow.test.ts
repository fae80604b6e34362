import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

// 05:00 UTC on 6 December is still the 5th in Los Angeles and already the evening of the 6th in Auckland.
const NOW = '2026-12-06T05:00:00Z';
const pm = (id: string, startedAt: string) => `---\ntype: postmortem\nid: ${id}\ntitle: ${id}\nstatus: draft\ntimezone: America/Los_Angeles\nstarted_at: ${startedAt}\nresolved_at: ${startedAt}\n---\n# ${id}\n`;

describe('postmortem metrics --last N: the window starts on the writer\'s calendar and says so as a date', function () {
  this.timeout(60_000);
  before(buildOnce);

  for (const [tz, start, ids] of [
    ['America/Los_Angeles', '2025-12-05', 'PM-5,PM-6'],
    ['Pacific/Auckland', '2025-12-06', 'PM-6'],
    ['UTC', '2025-12-06', 'PM-6'],
  ] as const) {
    it(`TZ=${tz}: from ${start}, printed as that date (not UTC midnight), incidents counted from that day`, () => {
      // PM-5 started on 5 December 2025 in Los Angeles, PM-6 on the 6th.
      const ws = workspace({ 'postmortems/5.md': pm('PM-5', '2025-12-05T19:00:00'), 'postmortems/6.md': pm('PM-6', '2025-12-06T09:00:00'), 'postmortems/old.md': pm('PM-OLD', '2025-11-01T09:00:00') });
      try {
        const text = runCliWithEnv(ws.dir, { TZ: tz }, 'metrics', '--last', '12', '--now', NOW);
        assert.equal(text.code, 0, text.stderr);
        assert.match(text.stdout, new RegExp(`^${ids.split(',').length} incidents? from ${start} to now \\(`, 'm'));
        assert.doesNotMatch(text.stdout, /from \d{4}-\d\d-\d\dT00:00:00Z/);
        const json = JSON.parse(runCliWithEnv(ws.dir, { TZ: tz }, 'metrics', '--last', '12', '--now', NOW, '--format', 'json').stdout) as { since: string; incidents: { id: string }[] };
        assert.equal(json.since, start);
        assert.equal(json.incidents.map((i) => i.id).join(), ids);
      } finally {
        ws.cleanup();
      }
    });
  }
});
