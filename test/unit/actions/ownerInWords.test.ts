import assert from 'node:assert/strict';
import actions from '../../../src/cli/commands/actions';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from '../cli/harness';

/**
 * Trial 15a F5: an owner written `[@kim]` was "Expected an owner" while one is written, and a table
 * owner written as an e-mail address was shown `@lee@acme.com`, a name nobody wrote.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-OWN', 'title: Owners', 'status: draft', '---', '',
  '## Action items', '',
  '- [ ] Owner in brackets [@kim] due:2026-12-26',
  '- [ ] Rotate keys (Owner: @lee, Due: 2026-12-20)', '',
  '| Action | Owner | Due |', '|---|---|---|', '| Drain the queue | lee@acme.com | 2026-12-21 |', '',
].join('\n');

describe('owners as people write them (trial 15a F4, F5)', () => {
  it('actions reads [@kim], shows a table e-mail owner as written, and titles without the emptied "(Owner:, Due:)"', async () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const r = await runInProcess(actions, ws.dir, '--now', '2026-12-01T00:00:00Z');
      assert.match(r.stdout, /Owner in brackets +@kim/);
      assert.match(r.stdout, /Rotate keys +@lee/);
      assert.doesNotMatch(r.stdout, /Owner:,|no owner/);
      assert.match(r.stdout, /Drain the queue +lee@acme\.com/);
      assert.doesNotMatch(r.stdout, /@lee@acme\.com/);
    } finally {
      ws.cleanup();
    }
  });
});
