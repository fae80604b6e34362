import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, runCliWithEnv, workspace } from './harness';

/**
 * Trial 13a F19: a front-matter time that names no single instant (a local time the clocks repeat or
 * skip) is schema/format's error, and no other rule compares a timeline entry with a reading of it:
 * the [started] entry is not called wrong for being the other reading, nor "missing" from the front matter.
 */
interface LintRow { readonly file: string; readonly line: number; readonly code: string; readonly message: string; readonly fixes: readonly { title: string; preferred?: boolean }[] }

const pm = (id: string, started: string, entry: string, zone = 'Australia/Adelaide') => ['---', 'type: postmortem', `id: ${id}`, `title: ${id}`, 'status: draft',
  `started_at: ${started}`, 'resolved_at: 2026-12-01T12:00:00Z', `timezone: ${zone}`, '---', '', `# ${id}`, '', '## Timeline', '', entry, ''].join('\n');

describe('a front-matter time no reader takes is compared with nothing (trial13a F19, spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('the repeated 02:30 and the skipped 02:30: one schema/format error each, no milestone mismatch, both readings offered', () => {
    const ws = workspace({
      'postmortems/twice.md': pm('PM-TWICE', '2026-04-05 02:30', '- 2026-04-04 16:00Z [started] Batch starts'),
      'postmortems/skipped.md': pm('PM-SKIP', '2026-10-04 02:30', '- 2026-10-03 16:30Z [started] Batch starts'),
      'postmortems/zoned.md': pm('PM-ZONED', '2026-04-05 02:30 Australia/Adelaide', '- 2026-04-04 17:00Z [started] Batch starts', 'UTC'),
    });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Australia/Adelaide' }, 'lint', '--format', 'json', '--now', NOW, 'postmortems');
      assert.equal(r.code, 1, r.stderr);
      const rows = (JSON.parse(r.stdout) as LintRow[]).filter((d) => d.code === 'schema/format' || d.code.startsWith('timeline/milestone'));
      assert.deepEqual(rows.map((d) => [d.file, d.line, d.code]), [
        ['postmortems/skipped.md', 6, 'schema/format'],
        ['postmortems/twice.md', 6, 'schema/format'],
        ['postmortems/zoned.md', 6, 'schema/format'],
      ], JSON.stringify(rows, null, 1));
      const [skipped, twice, zoned] = rows;
      assert.match(skipped.message, /02:30 on 2026-10-04 does not exist in Australia\/Adelaide/);
      assert.deepEqual(skipped.fixes, [], 'a time that never was has no reading to offer');
      assert.match(twice.message, /happens twice in Australia\/Adelaide .*at 16:00Z and at 17:00Z/);
      assert.deepEqual(twice.fixes.map((f) => [f.title, f.preferred ?? false]), [
        ["Write as 2026-04-04T16:00:00Z (the first 02:30, before the clocks went back; the [started] timeline entry's time)", false],
        ['Write as 2026-04-04T17:00:00Z (the second 02:30, after the clocks went back)', false],
      ]);
      assert.deepEqual(zoned.fixes.map((f) => f.title), [
        'Write as 2026-04-04T16:00:00Z (the first 02:30, before the clocks went back)',
        "Write as 2026-04-04T17:00:00Z (the second 02:30, after the clocks went back; the [started] timeline entry's time)",
      ]);
      // --fix applies neither reading: the writer picks.
      const fixed = runCliWithEnv(ws.dir, { TZ: 'Australia/Adelaide' }, 'lint', '--fix', '--now', NOW, 'postmortems/twice.md');
      assert.equal(fixed.code, 1, fixed.stderr);
      assert.match(ws.read('postmortems/twice.md'), /^started_at: 2026-04-05 02:30$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('a zone written on the value does not make the repeated hour readable: list and metrics leave it out and exit 1', () => {
    const ws = workspace({ 'postmortems/zoned.md': pm('PM-ZONED', '2026-04-05 02:30 Australia/Adelaide', '- 2026-04-04 17:00Z [started] Batch starts', 'UTC') });
    try {
      const list = runCli(ws.dir, 'list', '--format', 'json', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stderr, /zoned\.md: Time not read: `started_at`: 02:30 on 2026-04-05 happens twice in Australia\/Adelaide .*; not used/);
      const metrics = runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      assert.match(metrics.stdout, /note: postmortems\/zoned\.md: Time not read: `started_at`: 02:30 on 2026-04-05 happens twice/);
      assert.match(metrics.stdout, /1 incident without started_at/);
    } finally {
      ws.cleanup();
    }
  });

  it('a draft whose marked entry has no readable front-matter time is not told the key is missing', () => {
    const doc = pm('PM-DET', '2026-10-03T16:00:00Z', '- 2026-10-03 16:40Z [detected] Alert').replace('resolved_at: 2026-12-01T12:00:00Z', 'detected_at: 2026-10-04 02:10');
    const ws = workspace({ 'postmortems/det.md': doc, 'postmortems/none.md': doc.replace('detected_at: 2026-10-04 02:10\n', '') });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Australia/Adelaide' }, 'lint', '--format', 'json', '--now', NOW, 'postmortems');
      const rows = (JSON.parse(r.stdout) as LintRow[]).filter((d) => d.code === 'schema/format' || d.code.startsWith('timeline/milestone'));
      assert.deepEqual(rows.map((d) => [d.file, d.code]), [['postmortems/det.md', 'schema/format'], ['postmortems/none.md', 'timeline/milestone-mismatch']], JSON.stringify(rows, null, 1));
      assert.match(rows[1].message, /^Expected `detected_at` in the front matter, found none/, 'the key not written at all is still noted');
    } finally {
      ws.cleanup();
    }
  });
});
