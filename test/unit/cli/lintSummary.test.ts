import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * The summary line says what was checked and what was passed over (trial: under --all-markdown,
 * READMEs counted as post-mortems; skipped files were not in the summary at all).
 */
const POSTMORTEM = '---\ntype: postmortem\ntitle: Cache outage\nstatus: draft\n---\n# Cache outage\n\n## Summary\n\nThe cache fell over.\n\n## Timeline\n\n- 2026-11-20 10:00Z [detected] Alert\n';

describe('lint summary: post-mortems checked, other files counted apart, skipped files with why', function () {
  this.timeout(120_000);
  before(() => buildOnce());

  it('counts READMEs under --all-markdown as other Markdown files, not post-mortems; without it, as skipped', () => {
    const ws = workspace({ 'postmortems/cache.md': POSTMORTEM, 'README.md': '# Readme\n\nHello.\n', 'docs/guide.md': '# Guide\n' });
    try {
      const all = runCli(ws.dir, 'lint', '--all-markdown', '--now', NOW, '.');
      const last = all.stdout.trimEnd().split('\n').pop()!;
      assert.match(last, / of 1 post-mortem and 2 other Markdown files \(--all-markdown\)$/, all.stdout);
      const plain = runCli(ws.dir, 'lint', '--now', NOW, '.');
      const summary = plain.stdout.trimEnd().split('\n').pop()!;
      assert.match(summary, / 1 post-mortem.*; 2 files skipped \(2 not a post-mortem; --verbose lists them\)$/, plain.stdout);
      assert.doesNotMatch(summary, /other Markdown/);
    } finally {
      ws.cleanup();
    }
  });
});
