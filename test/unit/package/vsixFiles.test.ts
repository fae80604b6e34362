import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildOnce, repoRoot } from '../cli/harness';

describe('the .vsix file list', () => {
  it('packages every file the built extension and its webviews load (bundles, styles, the codicon font), the icon, and no source map', function () {
    this.timeout(180_000);
    buildOnce();
    // The same check `npm run package` runs on the package, here on vsce's file list.
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'check-vsix.mjs'), '--files'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /every built file in/);
  });
});
