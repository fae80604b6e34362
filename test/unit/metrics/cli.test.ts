import assert from 'node:assert/strict';
import { join } from 'node:path';
import metrics from '../../../src/cli/commands/metrics';
import { EXIT_USAGE, UsageError } from '../../../src/cli/io';
import type { MetricsResult } from '../../../src/core/metrics';

const ROOT = join(__dirname, '../../..');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code: number;
  try {
    code = await metrics(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT, now: () => new Date('2026-11-27T12:00:00Z') });
  } catch (e) {
    // As the CLI's entry point reports a usage error.
    if (!(e instanceof UsageError)) throw e;
    err += `${e.message}\n`;
    code = EXIT_USAGE;
  }
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

  it('--last N is the dashboard\'s "Last N months": from the same day N months ago, the trend running to this month (trial T20)', async () => {
    // 12:00 UTC on 27 November is the 27th from Los Angeles to Berlin (the tests run in several zones).
    const { code, out } = await run(['examples', '--format', 'json', '--last', '3']);
    assert.equal(code, 0);
    const m = JSON.parse(out) as MetricsResult;
    assert.equal(m.since, '2026-08-27', 'a calendar date, not UTC midnight');
    assert.equal(m.periods[0], '2026-08');
    assert.equal(m.periods.at(-1), '2026-11');
    assert.ok(m.incidents.every((i) => (i.startedAt ?? '') >= '2026-08-26'), m.incidents.map((i) => i.startedAt).join());
    const both = await run(['examples', '--last', '3', '--since', '2026-01-01']);
    assert.equal(both.code, 2);
    assert.match(both.err, /Expected --since or --last, not both/);
    const words = await run(['examples', '--last', '3 months']);
    assert.equal(words.code, 2);
    assert.match(words.err, /Expected --last as a whole number of months \(1 to 1200\), found "3 months"/);
    for (const odd of ['', '1e2', '0x10', '+3', '99999999999999999999']) {
      const r = await run(['examples', '--last', odd]);
      assert.equal(r.code, 2, odd);
      assert.match(r.err, new RegExp(`Expected --last as a whole number of months \\(1 to 1200\\), found "${odd.replace('+', '\\+')}"`), odd);
    }
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
