import assert from 'node:assert/strict';
import { ConfigLoader, loadConfigFor } from '../../../src/core/config/load';

/** An in-memory file system: the loader only sees `readFile`. */
function files(map: Record<string, string>) {
  const reads: string[] = [];
  const readFile = async (path: string) => {
    reads.push(path);
    return map[path];
  };
  return { readFile, reads };
}

describe('loadConfigFor (.postmortemrc.json upward search)', () => {
  it('merges files from the root down, the nearest winning', async () => {
    const fs = files({
      '/repo/.postmortemrc.json': JSON.stringify({ rules: { 'blameless/language': 'off', 'actions/no-ticket': 'error' }, reviewDeadlineHours: 72 }),
      '/repo/docs/pm/.postmortemrc.json': JSON.stringify({ rules: { 'actions/no-ticket': 'off' } }),
    });
    const { config, files: applied } = await loadConfigFor('/repo/docs/pm/2026/x.md', { root: '/repo', readFile: fs.readFile });
    assert.deepEqual(applied, ['/repo/.postmortemrc.json', '/repo/docs/pm/.postmortemrc.json']);
    assert.equal(config.rules['blameless/language'], 'off');
    assert.equal(config.rules['actions/no-ticket'], 'off');
    assert.equal(config.reviewDeadlineHours, 72);
    assert.deepEqual(config.problems, []);
    assert.ok(!fs.reads.includes('/.postmortemrc.json'), 'stops at the root');
  });

  it('reports bad JSON and bad values with the file name, and keeps the defaults', async () => {
    const fs = files({ '/r/.postmortemrc.json': '{ "rules": ', '/r/a/.postmortemrc.json': '{ "reviewDeadlineHours": "soon" }' });
    const { config } = await loadConfigFor('/r/a/x.md', { root: '/r', readFile: fs.readFile });
    assert.equal(config.reviewDeadlineHours, 48);
    assert.equal(config.problems.length, 2);
    assert.match(config.problems[0], /^\/r\/\.postmortemrc\.json: expected valid JSON/);
    assert.match(config.problems[1], /^\/r\/a\/\.postmortemrc\.json: Expected "reviewDeadlineHours" to be a non-negative number/);
  });

  it('stops climbing at a file with "root": true and reads each file once per loader', async () => {
    const fs = files({ '/r/.postmortemrc.json': '{"reviewDeadlineHours": 1}', '/r/a/.postmortemrc.json': '{"root": true, "fiveWhysMinDepth": 3}' });
    const loader = new ConfigLoader(fs.readFile);
    const one = await loader.loadFor('/r/a/x.md');
    await loader.loadFor('/r/a/y.md');
    assert.equal(one.config.reviewDeadlineHours, 48);
    assert.equal(one.config.fiveWhysMinDepth, 3);
    assert.equal(fs.reads.filter((p) => p === '/r/a/.postmortemrc.json').length, 1);
  });

  it('applies base layers (editor settings) below the files, and reports a missing explicit file', async () => {
    const fs = files({ '/r/.postmortemrc.json': '{"reviewDeadlineHours": 24}' });
    const { config } = await loadConfigFor('/r/x.md', { root: '/r', readFile: fs.readFile, base: [{ reviewDeadlineHours: 96, fiveWhysMinDepth: 2 }] });
    assert.equal(config.reviewDeadlineHours, 24);
    assert.equal(config.fiveWhysMinDepth, 2);
    const explicit = await new ConfigLoader(fs.readFile).loadExplicit('/elsewhere/cfg.json');
    assert.deepEqual(explicit.config.problems, ['/elsewhere/cfg.json: config file not found']);
  });
});
