import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, NOW, repoRoot, runCli, workspace } from './harness';

/**
 * A folder scan never leaves a post-mortem out in silence (trial C9, C14, C16): a pipe or device
 * named *.md, an unreadable folder and a symlinked folder are each named on stderr.
 */
describe('a folder scan names what it could not or would not read (spawned)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('a pipe and a device named *.md in postmortems/: "not a regular file", exit 2 (it said "✔ 1 post-mortem, no problems")', () => {
    const ws = workspace({ 'postmortems/ok.md': '@fixture:clean.md' });
    try {
      execFileSync('mkfifo', [join(ws.dir, 'postmortems/pipe.md')]);
      symlinkSync('/dev/null', join(ws.dir, 'postmortems/null.md'));
      for (const command of [['lint', '.', '--now', NOW], ['actions', '.', '--now', NOW], ['list', '.'], ['metrics', '.', '--now', NOW]]) {
        const r = runCli(ws.dir, ...command);
        assert.equal(r.code, 2, `${command[0]}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, new RegExp(`postmortem ${command[0]}: cannot read postmortems/pipe\\.md: not a regular file`), r.stderr);
        assert.match(r.stderr, new RegExp(`postmortem ${command[0]}: cannot read postmortems/null\\.md: not a regular file`), r.stderr);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('a symlinked folder is named as not followed (it said "✔ 0 post-mortems, no problems")', () => {
    const ws = workspace({ 'outside/postmortems/a.md': '@fixture:clean.md', 'inside/readme.txt': 'x' });
    try {
      symlinkSync('../outside', join(ws.dir, 'inside/sub'));
      const r = runCli(ws.dir, 'lint', 'inside', '--now', NOW);
      assert.match(r.stderr, /postmortem lint: skipped inside\/sub: a symlinked folder, not followed \(name it to check the post-mortems in it\)/, r.stderr);
      const named = runCli(ws.dir, 'lint', 'inside/sub', '--now', NOW);
      assert.match(named.stdout, /1 post-mortem/, named.stdout + named.stderr);
    } finally {
      ws.cleanup();
    }
  });

  it('a folder that cannot be opened: "permission denied (folder not scanned …)", exit 2 (run as an unprivileged user)', () => {
    const ws = workspace({ 'postmortems/ok.md': '@fixture:clean.md', 'postmortems/secret/hidden.md': '@fixture:clean.md' });
    try {
      // Root opens any folder: the CLI runs as `nobody` then, the tree readable by all but one folder.
      const asRoot = process.getuid?.() === 0;
      chmodSync(ws.dir, 0o755);
      for (const d of ['postmortems']) chmodSync(join(ws.dir, d), 0o755);
      chmodSync(join(ws.dir, 'postmortems/ok.md'), 0o644);
      chmodSync(join(ws.dir, 'postmortems/secret'), 0o000);
      const r = asRoot
        ? spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'list', '.'], { cwd: ws.dir, encoding: 'utf8', uid: 65534, gid: 65534, env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', HOME: '/tmp' } })
        : spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'list', '.'], { cwd: ws.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /postmortem list: cannot read postmortems\/secret: permission denied \(folder not scanned: its post-mortems are not checked\)/, r.stderr);
    } finally {
      chmodSync(join(ws.dir, 'postmortems/secret'), 0o755);
      ws.cleanup();
    }
  });
});
