import assert from 'node:assert/strict';
import { join } from 'node:path';
import metrics from '../../../src/cli/commands/metrics';
import type { MetricsResult } from '../../../src/core/metrics';

const ROOT = join(__dirname, '../../..');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await metrics(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT, now: () => new Date('2026-11-27T12:00:00Z') });
  return { code, out, err };
}

describe('postmortem metrics (CLI)', () => {
  it('reads the examples and reports the realistic year of incidents', async () => {
    const { code, out } = await run(['examples', '--format', 'json']);
    assert.equal(code, 0);
    const m = JSON.parse(out) as MetricsResult;
    assert.equal(m.incidentCount, 13);
    assert.deepEqual(m.reviews.overdueReviews.map((r) => r.id), ['PM-2026-009', 'PM-2026-011']);
    assert.ok(m.repeats.chains.some((c) => c.incidents.join() === 'PM-2026-006,PM-2026-009'));
    assert.ok(m.actions.overdue > 5);
    assert.ok(m.incidents.every((i) => i.uri.startsWith('examples/postmortems/')));
  });

  it('prints a Markdown report by quarter', async () => {
    const { code, out } = await run(['examples', '--format', 'md', '--by', 'quarter', '--since', '2026-07-01']);
    assert.equal(code, 0);
    assert.match(out, /x-axis \["2026-Q3", "2026-Q4"\]/);
  });

  it('exits 2 with a usage message on a bad option value or a missing path', async () => {
    const bad = await run(['examples', '--by', 'week']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /postmortem metrics: Expected --by to be one of month, quarter, found "week"\. Run `postmortem metrics --help`\./);
    const since = await run(['examples', '--since', 'yesterday']);
    assert.equal(since.code, 2);
    assert.match(since.err, /--since/);
    const missing = await run(['no-such-folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no-such-folder: no such file, folder or matching file/);
  });
});
