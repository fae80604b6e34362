import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, NOW, runCli, workspace } from './harness';

describe('a broken symlink found in a folder scan is named, not skipped in silence (spawned; trial F15)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint and actions say "cannot read s/dangling.md: broken symlink" and exit 2', () => {
    const ws = workspace({ 's/ok.md': '@fixture:clean.md' });
    try {
      symlinkSync('nowhere.md', join(ws.dir, 's/dangling.md'));
      for (const command of [['lint', 's', '--now', NOW], ['actions', 's', '--now', NOW], ['list', 's']]) {
        const r = runCli(ws.dir, ...command);
        assert.equal(r.code, 2, `${command[0]}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, new RegExp(`postmortem ${command[0]}: cannot read s/dangling\\.md: broken symlink \\(to nowhere\\.md, which does not exist\\)`), r.stderr);
      }
    } finally {
      ws.cleanup();
    }
  });
});
