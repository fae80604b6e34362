/**
 * links/missing-file in `postmortem lint`, run as a user runs it: the CLI lists the files under the
 * root (the git repository, else the working folder) and reports links to runbooks and docs that are
 * not there, in process and on worker threads alike; `--fix` corrects a case-only slip.
 */
import { strict as assert } from 'node:assert';
import { buildOnce, fixtureText, NOW, runCli, workspace } from './harness';

const LINKS = [
  '',
  '## Runbooks',
  '',
  '- Failover: [runbook](../runbooks/db-failover.md#promote), [all runbooks](../runbooks/), [dashboards](/dashboards/checkout.json).',
  '- Cache: [warm-up](../runbooks/Cache-Warmup.md) and the [old one](../runbooks/gone.md).',
  '- Not checked: [status](https://status.example.com/x.md), [elsewhere](../../outside.md).',
  '',
].join('\n');

interface JsonDiagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

function withLinks(id: string): string {
  return fixtureText('clean.md').replace('id: PM-2026-014', `id: ${id}`) + LINKS;
}

describe('postmortem lint: links to workspace files (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  const files = { 'runbooks/db-failover.md': '# Failover\n', 'runbooks/cache-warmup.md': '# Warm-up\n', 'dashboards/checkout.json': '{}\n' };

  it('reports the missing runbook and the case-only slip, nothing for URLs or links out of the workspace', () => {
    const ws = workspace({ ...files, 'postmortems/pm.md': withLinks('PM-2026-014') });
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      const links = (JSON.parse(r.stdout) as JsonDiagnostic[]).filter((d) => d.code === 'links/missing-file');
      assert.deepEqual(links.map((d) => d.message), [
        'Expected the linked file "runbooks/Cache-Warmup.md" (written ../runbooks/Cache-Warmup.md), found "runbooks/cache-warmup.md": the case differs, which breaks on Linux and GitHub',
        'Expected the linked file "runbooks/gone.md" (written ../runbooks/gone.md) in the workspace, found none (moved, renamed or not committed?)',
      ], r.stdout);
      const fixed = runCli(ws.dir, 'lint', '--fix', '--now', NOW);
      assert.match(ws.read('postmortems/pm.md'), /\[warm-up\]\(\.\.\/runbooks\/cache-warmup\.md\)/, fixed.stdout + fixed.stderr);
      assert.match(ws.read('postmortems/pm.md'), /\[old one\]\(\.\.\/runbooks\/gone\.md\)/, 'no guess for a file that is nowhere');
    } finally {
      ws.cleanup();
    }
  });

  it('gives the same answer on worker threads (60 files)', () => {
    const many: Record<string, string> = { ...files };
    for (let i = 0; i < 60; i++) many[`postmortems/pm-${i}.md`] = withLinks(`PM-2026-${100 + i}`);
    const ws = workspace(many);
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'json', '--workers', '2', '--now', NOW);
      const links = (JSON.parse(r.stdout) as JsonDiagnostic[]).filter((d) => d.code === 'links/missing-file');
      assert.equal(links.length, 120, r.stderr);
      assert.equal(new Set(links.map((d) => d.file)).size, 60);
    } finally {
      ws.cleanup();
    }
  });
});
