import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';

/**
 * A team converting its archive of finished reviews got every one as `status: draft`, and the
 * metrics then said "0 % of reviews published within 48 h, 11 overdue, 2474 days" (trial 14a F17).
 * `--status published` is the status of originals that state none; one the original states wins.
 */
const original = (status = '') => ['# Lack of disk space', '', '**Date:** 2023-09-18', ...(status ? [`**Status:** ${status}`] : []), '', '## Timeline (all times UTC)', '', '- 2023-09-18 13:42 Disk alert fired', '- 2023-09-18 15:10 Incident resolved', ''].join('\n');

describe('convert: the review status of an archive (--status)', () => {
  it('writes the given status when the original states none, says where it came from, and lists what a published review lacks', () => {
    const result = convertPostmortem(original(), { status: 'published' });
    assert.match(result.text, /^status: published$/m);
    assert.equal(formatConvertReport('a.md', result)[1], '  status published, from --status published (the original states no status)');
    const flag = result.diagnostics.find((d) => d.code === 'convert/status')!;
    assert.equal(flag.severity, 'warning');
    assert.match(flag.message, /^Written as status: published \(--status published; the original states no status\), but .*published_at could not be read; fill them in/);
  });

  it('a status the original states wins over --status, with a note', () => {
    const result = convertPostmortem(original('Draft'), { status: 'published' });
    assert.match(result.text, /^status: draft$/m);
    assert.deepEqual(result.notes.filter((n) => /--status/.test(n.message)).map((n) => n.message), ['status: draft, as the original states ("Status: Draft"); --status published is for originals that state none']);
  });

  it('without --status the status is assumed draft, as before', () => {
    const result = convertPostmortem(original());
    assert.match(result.text, /^status: draft$/m);
    assert.equal(result.report.status.assumed, 'the original states no status');
  });
});

describe('postmortem convert (CLI): --status for an archive', () => {
  before(buildOnce);

  it('converted with --status published, old reviews are not overdue drafts in the metrics; without it the way is said; a wrong value is refused', () => {
    const ws = workspace({ 'archive/a.md': original(), 'archive/b.md': original().replace('2023-09-18', '2023-09-19').replace(/2023-09-18/g, '2023-09-19') });
    try {
      const drafts = runCliWithEnv(ws.dir, {}, 'convert', 'archive', '--out', 'drafts');
      assert.match(drafts.stderr, /^2 files were written as status: draft \(no review status was read from the original\); if they are finished reviews \(an archive\), convert with --status published, so the metrics do not count them as overdue drafts$/m);
      const draftMetrics = runCliWithEnv(ws.dir, {}, 'metrics', 'drafts', '--now', '2026-12-07T09:00:00Z');
      assert.match(draftMetrics.stdout, /Reviews published within 48 h: 0 of 2 due \(0(?:\.0)?%\); 0 late, 2 overdue/);

      const published = runCliWithEnv(ws.dir, {}, 'convert', 'archive', '--out', 'published', '--status', 'published');
      assert.equal(published.code, 1, 'the fields a published review lacks are to review');
      assert.doesNotMatch(published.stderr, /written as status: draft/);
      assert.match(ws.read('published/a.postmortem.md'), /^status: published$/m);
      const metrics = runCliWithEnv(ws.dir, {}, 'metrics', 'published', '--now', '2026-12-07T09:00:00Z');
      assert.match(metrics.stdout, /Reviews published within 48 h: 0 of 0 due \(–\); 0 late, 0 overdue, 0 not yet due; not counted: 2 reviews published without `published_at`/);

      const wrong = runCliWithEnv(ws.dir, {}, 'convert', 'archive', '--stdout', '--status', 'final');
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /Expected --status to be draft, in-review, published, found "final"/);
    } finally {
      ws.cleanup();
    }
  });
});
