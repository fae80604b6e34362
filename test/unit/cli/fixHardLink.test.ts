import assert from 'node:assert/strict';
import { linkSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import lint from '../../../src/cli/commands/lint';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from './harness';

/**
 * `lint --fix` writes by rename (atomic), which gives a hard-linked file a new inode: the other name
 * keeps the old text. The README said so; the run did not (trial16a F7).
 */
describe('lint --fix on a hard-linked file says the other name keeps the old text (trial16a F7)', () => {
  it('notes the links on stderr; the fixed name has the fix, the other the text before', async () => {
    const text = '---\ntype: postmortem\nid: PM-HL\ntitle: Hard link\nstatus: draft\nstarted_at: 2026-12-01T10:00:00Z\nservices: [checkout]\nseverity: sev2\n---\n\n# Hard link\n';
    const ws = workspace({ 'postmortems/a.md': text });
    try {
      linkSync(join(ws.dir, 'postmortems/a.md'), join(ws.dir, 'b.md'));
      assert.equal(statSync(join(ws.dir, 'b.md')).nlink, 2);
      const run = await runInProcess(lint, ws.dir, '--fix', '--now', '2026-12-07T00:00:00Z', 'postmortems/a.md');
      assert.match(run.stderr, /^postmortem lint: note: postmortems\/a\.md had 2 hard links: the write replaced it with a new file \(so that a failure cannot leave it half written\), and the other name keeps the text it had before$/m);
      assert.match(ws.read('postmortems/a.md'), /severity: SEV2/, 'fixed');
      assert.equal(readFileSync(join(ws.dir, 'b.md'), 'utf8'), text, 'the other name: as before');
      const again = await runInProcess(lint, ws.dir, '--fix', '--now', '2026-12-07T00:00:00Z', 'postmortems/a.md');
      assert.doesNotMatch(again.stderr, /hard links/, 'one link now: nothing to say');
    } finally {
      ws.cleanup();
    }
  });
});
