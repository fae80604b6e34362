import assert from 'node:assert/strict';
import { loadConfigFor } from '../../../src/core/config/load';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial 13a F12: `.postmortemrc.json` with a key written twice used the last value without a word,
 * and `"root": "yes"` was read as false silently. Both are said, naming the file, the key and the value used.
 */
const PM = ['---', 'type: postmortem', 'id: PM-1', 'title: Config', 'status: draft', 'started_at: 2026-11-20T10:00:00Z', '---', '', '# Config', ''].join('\n');

describe('.postmortemrc.json: keys written twice and a root that is not true or false (trial13a F12)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint names the file, the key, its lines and the value used, and exits 2; the last value is the one applied', () => {
    const rc = '{\n  "rules": {\n    "review/no-facilitator": "off",\n    "review/no-facilitator": "error"\n  }\n}\n';
    const ws = workspace({ '.postmortemrc.json': rc, 'postmortems/a.md': PM });
    try {
      const r = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /postmortem lint: config: \S*\.postmortemrc\.json: Expected "review\/no-facilitator" once in "rules", found it written twice \(lines 3, 4\); the last one is used: "error"/);
      assert.match(r.stdout, /error +Expected a `facilitator` in the front matter.*review\/no-facilitator/);
      // `postmortem actions` does not use lint severities: a warning there, exit 0.
      const a = runCli(ws.dir, 'actions', '--now', NOW, 'postmortems');
      assert.equal(a.code, 0, a.stderr);
      assert.match(a.stderr, /warning: config: .*"review\/no-facilitator" once in "rules".* \(not used by `postmortem actions`\)/);
    } finally {
      ws.cleanup();
    }
  });

  it('says a top-level key written twice, a nested one with its path, and a root that is not a boolean', async () => {
    const text = '{ "reviewDeadlineHours": 24,\n  "sectionAliases": { "timeline": ["Chronology"], "timeline": ["Events"] },\n  "reviewDeadlineHours": 72, "root": "yes" }';
    const { config } = await loadConfigFor('/r/x.md', { root: '/r', readFile: async (p) => (p === '/r/.postmortemrc.json' ? text : undefined) });
    assert.equal(config.reviewDeadlineHours, 72);
    assert.deepEqual(config.problems, [
      '/r/.postmortemrc.json: Expected "timeline" once in "sectionAliases", found it written twice (lines 2, 2); the last one is used: ["Events"]',
      '/r/.postmortemrc.json: Expected "reviewDeadlineHours" once, found it written twice (lines 1, 3); the last one is used: 72',
      '/r/.postmortemrc.json: Expected "root" to be true or false, found "yes"; read as false: the search for .postmortemrc.json files goes on in the folders above',
    ]);
    // Written once each, or the same key in two different objects: nothing to say.
    const clean = await loadConfigFor('/r/x.md', { root: '/r', readFile: async (p) => (p === '/r/.postmortemrc.json' ? '{"rules": {"a/b": "off"}, "severity": {"a/b": 1}, "root": false}' : undefined) });
    assert.deepEqual(clean.config.problems.filter((p) => /once|root/.test(p)), []);
  });
});
