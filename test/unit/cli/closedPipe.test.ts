import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, repoRoot, workspace } from './harness';

/**
 * Trial F25: `postmortem convert … | head -3` ended the process at the first write to the closed pipe
 * (an unhandled EPIPE), before the later files were written, and said nothing. A closed stdout (and a
 * closed stderr, as with `2>&1 | head`) now drops that output only: every file is written, and when
 * stderr is still open a note says what was not shown.
 */
const ORIGINAL = (n: number) => `# Outage ${n}\n\n## Timeline\n\n- 2026-03-04 23:50Z - worse\n- 2026-03-05 00:10Z - resolved\n\n## Action items\n\n- fix it\n`;
const FILES = [1, 2, 3, 4, 5].map((n) => `in${n}.md`);

/** Runs the CLI with stdout (and stderr when `closeErr`) closed by the reader before the CLI writes. */
function runClosed(cwd: string, closeErr: boolean, args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    if (closeErr) child.stderr.destroy();
    else child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a closed stdout loses no work (spawned CLI, trial F25)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('convert writes every file when stdout is closed, and says the output was not shown', async () => {
    const ws = workspace(Object.fromEntries(FILES.map((f, i) => [f, ORIGINAL(i + 1)])));
    try {
      const r = await runClosed(ws.dir, false, ['convert', ...FILES, '--out', 'out']);
      for (const f of FILES) assert.ok(existsSync(join(ws.dir, 'out', f.replace('.md', '.postmortem.md'))), `${f} converted\n${r.stderr}`);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /postmortem convert: note: standard output was closed by its reader .* before 5 writes to it; that output was not shown\. The command ran to the end/);
    } finally {
      ws.cleanup();
    }
  });

  it('convert writes every file when stdout and stderr are both closed (2>&1 | head)', async () => {
    const ws = workspace(Object.fromEntries(FILES.map((f, i) => [f, ORIGINAL(i + 1)])));
    try {
      const r = await runClosed(ws.dir, true, ['convert', ...FILES, '--out', 'out']);
      for (const f of FILES) assert.ok(existsSync(join(ws.dir, 'out', f.replace('.md', '.postmortem.md'))), `${f} converted`);
      assert.equal(r.code, 0);
    } finally {
      ws.cleanup();
    }
  });
});
