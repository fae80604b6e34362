import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial13a F16: `@zoë` typed on a Mac is often z o e U+0308 (decomposed). It looks like the `@zoë`
 * written with one `ë`, and is the same person: lint no longer calls it "not a handle", `actions
 * --owner zoë` lists both items, and the metrics count one owner.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-ZOE', 'title: Zoe', 'status: draft', '---', '',
  '## Action items', '',
  '- [ ] One @zoe\u0308 due:2026-12-20 P2',
  '- [ ] Two @zoë due:2026-12-21 P2', '',
].join('\n');

describe('an owner in decomposed Unicode (spawned CLI, trial13a F16)', function () {
  this.timeout(180_000);
  before(buildOnce);

  it('is the same handle to lint, actions --owner (either form) and the metrics', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const lint = runCli(ws.dir, 'lint', 'postmortems/a.md', '--now', NOW);
      assert.doesNotMatch(lint.stdout, /actions\/bad-owner|actions\/missing-owner/);
      for (const form of ['zoë', 'zoe\u0308', 'Zoë']) {
        const r = runCli(ws.dir, 'actions', '--owner', form, '--now', NOW);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /a\.md:10 +One/, form);
        assert.match(r.stdout, /a\.md:11 +Two/, form);
      }
      const m = JSON.parse(runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW).stdout) as { actions: { byOwner: { key: string; open: number }[] } };
      assert.deepEqual(m.actions.byOwner.map((o) => [o.key.normalize('NFC'), o.open]), [['zoë', 2]]);
    } finally {
      ws.cleanup();
    }
  });
});
