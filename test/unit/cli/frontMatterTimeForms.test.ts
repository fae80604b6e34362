import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial 13a F9, F2: one reading of a front-matter time for lint, `list` and `metrics`. A time lint
 * accepts is used by the lists; a time they cannot use is named in a note, and they exit 1.
 */
const NOW = '2026-12-07T05:30:00Z';

const front = (id: string, times: string) => `---\ntype: postmortem\nid: ${id}\ntitle: ${id} title\nstatus: draft\nseverity: SEV3\n${times}timezone: Asia/Kolkata\n---\n\n# ${id} title\n`;

const kolkata = (dir: string, ...args: string[]) => runCliWithEnv(dir, { TZ: 'Asia/Kolkata' }, ...args);

describe('front-matter time forms: lint and the lists read them alike (trial13a F9, F2)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lower-case `t` and `z` (RFC 3339 allows them): lint accepts, list and metrics read the 2 hours (F9)', () => {
    const ws = workspace({ 'postmortems/f.md': front('PM-ODD', 'started_at: 2026-12-06T10:00:00z\nresolved_at: 2026-12-06t12:00:00Z\n') });
    try {
      const lint = kolkata(ws.dir, 'lint', '--now', NOW, '--format', 'json', 'postmortems');
      const timeCodes = (JSON.parse(lint.stdout) as { code: string }[]).map((d) => d.code).filter((c) => /^(schema|time)\//.test(c));
      assert.deepEqual(timeCodes, [], 'lint: both are valid date-times');
      const list = kolkata(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /^ {2}PM-ODD · PM-ODD title {2}2026-12-06 · SEV3 · 2h$/m);
      const metrics = kolkata(ws.dir, 'metrics', '--now', NOW, '--format', 'json', 'postmortems');
      assert.equal(metrics.code, 0, metrics.stderr);
      const incident = (JSON.parse(metrics.stdout) as { incidents: { resolvedAt?: string; durations: Record<string, number> }[] }).incidents[0]!;
      assert.equal(incident.resolvedAt, '2026-12-06T12:00:00Z');
      assert.equal(incident.durations.timeToResolveFromStart, 120);
    } finally {
      ws.cleanup();
    }
  });
});
