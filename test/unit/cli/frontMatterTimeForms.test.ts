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

  it('a day or time that does not exist (2026-11-31, 2026-02-30, 24:00): lint says why, list and metrics name it in a note and exit 1 (F2)', () => {
    const ws = workspace({
      'postmortems/nov31.md': front('PM-NOV31', 'started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-11-31T12:00:00Z\n'),
      'postmortems/feb30.md': front('PM-FEB30', 'started_at: 2026-02-30T10:00:00Z\n'),
      'postmortems/midnight.md': front('PM-MIDNIGHT', 'started_at: 2026-12-06T24:00:00Z\nresolved_at: 2026-12-07T01:00:00Z\n'),
    });
    try {
      const lint = kolkata(ws.dir, 'lint', '--now', NOW, '--format', 'json', 'postmortems');
      assert.equal(lint.code, 1);
      const format = (JSON.parse(lint.stdout) as { code: string; message: string }[]).filter((d) => d.code === 'schema/format').map((d) => d.message).sort();
      assert.deepEqual(format, [
        'Expected `resolved_at` to be a date and time that exist, found "2026-11-31T12:00:00Z": 2026-11-31 does not exist: November 2026 has 30 days',
        'Expected `started_at` to be a date and time that exist, found "2026-02-30T10:00:00Z": 2026-02-30 does not exist: February 2026 has 28 days',
        'Expected `started_at` to be a date and time that exist, found "2026-12-06T24:00:00Z": hours run from 00 to 23, found 24 (write 00:00 of the next day)',
      ]);
      const list = kolkata(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stderr, /^note: postmortems\/nov31\.md: Time not read: `resolved_at: 2026-11-31T12:00:00Z`: 2026-11-31 does not exist: November 2026 has 30 days, which lint rejects \(schema\/format\); not used$/m);
      assert.match(list.stderr, /^note: postmortems\/midnight\.md: Time not read: `started_at: 2026-12-06T24:00:00Z`: hours run from 00 to 23/m);
      assert.match(list.stdout, /^ {2}PM-NOV31 · PM-NOV31 title {2}2026-12-06 · SEV3$/m, 'no duration from a day that does not exist');
      const metrics = kolkata(ws.dir, 'metrics', '--now', NOW, '--format', 'json', 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      const json = JSON.parse(metrics.stdout) as { undated: string[]; problems: { uri: string; message: string }[] };
      assert.deepEqual(json.undated, ['postmortems/feb30.md'], 'the incident without any time it could read');
      assert.deepEqual(json.problems.map((p) => p.uri).sort(), ['postmortems/feb30.md', 'postmortems/midnight.md', 'postmortems/nov31.md']);
      assert.match(json.problems.find((p) => p.uri === 'postmortems/feb30.md')!.message, /^Time not read: `started_at: 2026-02-30T10:00:00Z`: 2026-02-30 does not exist: February 2026 has 28 days/);
      const text = kolkata(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.match(text.stdout, /^note: postmortems\/feb30\.md: Time not read: `started_at: 2026-02-30T10:00:00Z`/m);
    } finally {
      ws.cleanup();
    }
  });
});
