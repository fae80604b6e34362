import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial 13a F17: a front matter templated with `<<: *base` had its merged keys ignored by every
 * command without a word; a `!!timestamp` time was "a mapping" to lint and read silently by list.
 */
const head = ['---', 'type: postmortem', 'id: PM-Y1', 'title: Anchored', 'status: draft'];
const MERGED = [...head, 'base: &b', '  started_at: 2026-11-20T10:00:00Z', '  resolved_at: 2026-11-20T12:00:00Z', '<<: *b', 'timezone: Asia/Kolkata', '---', '', '# Anchored', ''].join('\n');
const TAGGED = [...head.map((l) => l.replace('PM-Y1', 'PM-Y2')), 'started_at: !!timestamp 2026-11-20T10:00:00Z', 'resolved_at: 2026-11-20T12:00:00Z', '---', '', '# Tagged', ''].join('\n');

describe('YAML merge keys and !!timestamp in the front matter (trial13a F17, spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('a merge key is an error naming its keys, list and metrics say they read none of the front matter (exit 1), and --fix writes the keys out', () => {
    const ws = workspace({ 'postmortems/y1.md': MERGED });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.equal(lint.code, 1);
      assert.match(lint.stdout, /y1\.md:9:1 +error +Expected the keys written out, found the YAML merge key `<<`, which is not read \(YAML 1\.2 has no merge keys\): `started_at`, `resolved_at` from it are not set; until it is gone, list and metrics read no value of this front matter +yaml\/merge-key/);
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1);
      assert.match(list.stderr, /y1\.md: Front matter not read, line 9: the YAML merge key `<<` is not read \(YAML 1\.2 has no merge keys\), so the keys it names \(started_at, resolved_at\) are not set: write them here instead/);
      const metrics = runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 1);
      const fixed = runCli(ws.dir, 'lint', '--fix', '--now', NOW, 'postmortems');
      assert.equal(fixed.code, 0, fixed.stdout);
      assert.match(ws.read('postmortems/y1.md'), /^started_at: 2026-11-20T10:00:00Z\nresolved_at: 2026-11-20T12:00:00Z\ntimezone: Asia\/Kolkata$/m);
      const after = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(after.code, 0, after.stderr);
      assert.match(after.stdout, /PM-Y1 · Anchored {2}2026-11-20 · 2h/);
    } finally {
      ws.cleanup();
    }
  });

  it('a !!timestamp time is called a YAML timestamp, not a mapping; list reads it and says so; the fix removes the tag', () => {
    const ws = workspace({ 'postmortems/y2.md': TAGGED });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.equal(lint.code, 1);
      assert.match(lint.stdout, /y2\.md:6:25 +error +Expected `started_at` to be a string, found a YAML timestamp \(the `!!timestamp` tag makes 2026-11-20T10:00:00Z a date, not text\): remove the tag +schema\/type/);
      assert.doesNotMatch(lint.stdout, /a mapping/);
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.match(list.stdout, /PM-Y2 · Anchored {2}2026-11-20 · 2h/);
      assert.match(list.stderr, /y2\.md: Time read from a value lint rejects: `started_at` is tagged `!!timestamp` \(lint: schema\/type, a time is written as text\); it was read as 2026-11-20T10:00:00Z\. Remove the tag/);
      runCli(ws.dir, 'lint', '--fix', '--now', NOW, 'postmortems');
      assert.match(ws.read('postmortems/y2.md'), /^started_at: 2026-11-20T10:00:00Z$/m);
    } finally {
      ws.cleanup();
    }
  });
});
