import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

const BASE = ['---', 'type: postmortem', 'id: PM-1', 'title: Base', 'status: draft', 'started_at: 2026-11-20T14:02:00Z', '---', '', '# Base', '', '## Action items', '', '- [ ] Alpha task @ann due:2026-12-01', ''].join('\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('a post-mortem behind a doubled byte-order mark (trial17a F10)', () => {
  before(buildOnce);

  it('is named as such and fails, never skipped as "no type: postmortem"', () => {
    const ws = workspace({ 'a.md': Buffer.concat([BOM, BOM, Buffer.from(BASE)]), 'ok.md': Buffer.concat([BOM, Buffer.from(BASE)]) });
    try {
      for (const command of ['lint', 'list', 'actions', 'metrics']) {
        const r = runCli(ws.dir, command, '--now', NOW, 'a.md');
        assert.notEqual(r.code, 0, `${command}: exit ${r.code}\n${r.stderr}`);
        assert.match(r.stderr, /a\.md: starts with 2 byte-order marks \(U\+FEFF\).*remove the extra one/, `${command}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /no `type: postmortem`/, command);
      }
      // One byte-order mark is the file's own: read as before.
      const ok = runCli(ws.dir, 'actions', '--now', NOW, 'ok.md');
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /Alpha task/);
    } finally {
      ws.cleanup();
    }
  });
});
