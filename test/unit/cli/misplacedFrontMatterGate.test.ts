import assert from 'node:assert/strict';
import { DEFAULT_GLOBS } from '../../../src/core/config/config';
import { isPostmortem } from '../../../src/core/document/recognise';
import { publishedPostmortem } from '../../shared/publishedPostmortem';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * A post-mortem kept outside `postmortems/` (recognised by `type: postmortem`) whose front matter
 * does not start on line 1 was passed over as "not a post-mortem", so `lint --require-approvals`
 * passed an unapproved published review with exit 0 (trial 14a F12).
 */
describe('a misplaced front matter declaring type: postmortem does not escape the gate (trial 14a F12)', function () {
  this.timeout(60_000);
  const review = publishedPostmortem('PM-20261201-rev-d', 'Review test d');

  it('is recognised after a blank line, blank lines, an HTML comment, and as TOML; not without the type', () => {
    for (const lead of ['\n', '\n\n\n', '<!-- retro -->\n', '<!--\n  a retro\n-->\n\n']) {
      assert.equal(isPostmortem('docs/incidents/lead.md', lead + review, DEFAULT_GLOBS), true, JSON.stringify(lead));
    }
    assert.equal(isPostmortem('docs/x.md', '+++\ntype = "postmortem"\ntitle = "x"\n+++\n# x\n', DEFAULT_GLOBS), true);
    assert.equal(isPostmortem('docs/x.md', `\n${review.replace('type: postmortem', 'type: adr')}`, DEFAULT_GLOBS), false);
    assert.equal(isPostmortem('docs/x.md', '# Notes\n\n---\ntype: postmortem\n---\n', DEFAULT_GLOBS), false, 'a thematic break in prose is not front matter');
    assert.equal(isPostmortem('docs/x.md', '<!-- never closed\n---\ntype: postmortem\n---\n', DEFAULT_GLOBS), false);
  });

  it('is recognised with `type : postmortem`, `Type: Postmortem`, and after a near-miss opener (`----`, ` ---`, `---yaml`): lint then says what is wrong (trial15a F16)', () => {
    const body = review.replace(/^---\n/, '');
    assert.equal(isPostmortem('docs/x.md', review.replace('type: postmortem', 'type : postmortem'), DEFAULT_GLOBS), true);
    assert.equal(isPostmortem('docs/x.md', review.replace('type: postmortem', 'Type: Postmortem'), DEFAULT_GLOBS), true);
    for (const opener of ['----', ' ---', '---yaml', '--- yaml']) assert.equal(isPostmortem('docs/x.md', `${opener}\n${body}`, DEFAULT_GLOBS), true, opener);
    assert.equal(isPostmortem('docs/x.md', `----\n${body.replace('type: postmortem', 'type: adr')}`, DEFAULT_GLOBS), false);
    buildOnce();
    const ws = workspace({ 'docs/spaced.md': review.replace('type: postmortem', 'type : postmortem'), 'docs/dashes.md': `----\n${body}` });
    try {
      for (const file of ['docs/spaced.md', 'docs/dashes.md']) {
        const r = runCli(ws.dir, 'lint', '--require-approvals', '--now', NOW, file);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.doesNotMatch(r.stderr, /not a post-mortem|nothing was checked/);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('lint --require-approvals fails (exit 1) with front-matter/missing where it passed with exit 0: named files and a folder scan', () => {
    buildOnce();
    const ws = workspace({ 'docs/incidents/lead.md': `\n${review}`, 'docs/incidents/comment.md': `<!-- retro -->\n${review}`, 'docs/readme.md': '# Docs\n' });
    try {
      for (const file of ['docs/incidents/lead.md', 'docs/incidents/comment.md']) {
        const r = runCli(ws.dir, 'lint', '--require-approvals', '--now', NOW, file);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.doesNotMatch(r.stderr, /not a post-mortem|nothing was checked/);
        assert.match(r.stdout, new RegExp(`${file.replace(/[./]/g, '\\$&')}:2:1 +error +Expected the front matter to start on line 1, found its \`---\` on line 2 after (a blank line|an HTML comment)`));
      }
      const scan = runCli(ws.dir, 'lint', '--require-approvals', '--now', NOW, 'docs');
      assert.equal(scan.code, 1, scan.stdout + scan.stderr);
      assert.match(scan.stdout, /2 errors.* in 2 files of 2 post-mortems/);
    } finally {
      ws.cleanup();
    }
  });
});
