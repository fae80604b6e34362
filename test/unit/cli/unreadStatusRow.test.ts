import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

// trial13b F13: a table row whose Status is `~~Done~~` was listed as a plain open item.
describe('postmortem actions: a Status cell the reader cannot read is said, not listed as a plain open item (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('`~~Done~~` and `Fertig?` are open and say so; Open and Done (date) say nothing more', () => {
    const text = ['---', 'type: postmortem', 'id: PM-S', 'title: Status cells', 'status: draft', '---', '# Status cells', '', '## Action items', '',
      '| Action | Owner | Due | Status |', '|---|---|---|---|',
      '| Drill rotation | @priya | 2099-12-08 | ~~Done~~ |', '| Split the pool | @priya | 2099-12-09 | Fertig? |', '| Add alert | @priya | 2099-12-10 | Open |',
      '| Rotate keys | @priya | 2099-12-11 | Done (2026-12-03) |', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': text });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'actions', '--now', '2026-12-07T05:00:00Z');
      assert.match(r.stdout, /a\.md:13 +Drill rotation +@priya +due 2099-12-08 +status "~~Done~~" not read, still open$/m);
      assert.match(r.stdout, /a\.md:14 +Split the pool +@priya +due 2099-12-09 +status "Fertig\?" not read, still open$/m);
      assert.match(r.stdout, /a\.md:15 +Add alert +@priya +due 2099-12-10$/m);
      assert.doesNotMatch(r.stdout, /Rotate keys/, 'done');
      assert.match(r.stdout, /^3 open action items/m);
    } finally {
      ws.cleanup();
    }
  });
});
