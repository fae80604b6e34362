import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

/**
 * Trial 13a F3: a front matter whose end line is missing or mistyped, or that does not start on line
 * 1, gives no id, date, severity or times. Every command says what is wrong with it, and the
 * read-only ones exit 1, as they do for a front matter that is not valid YAML.
 */
const NOW = '2026-12-07T05:30:00Z';
const FRONT = 'type: postmortem\nid: PM-FOUR\ntitle: Checkout errors\nstatus: draft\nseverity: SEV2\nstarted_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\n';
const BODY = '\n# Checkout errors\n\n## Action items\n\n- [ ] Add a canary stage @ana due:2026-12-20\n';

describe('front matter not closed or not on line 1 (trial13a F3)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('end line typed `----` or missing: lint names the line, list/actions/metrics note it and exit 1', () => {
    const ws = workspace({ 'postmortems/fourdash.md': `---\n${FRONT}----\n${BODY}`, 'postmortems/noclose.md': `---\n${FRONT}${BODY}` });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.equal(lint.code, 1);
      assert.match(lint.stdout, /fourdash\.md:9:1 +error +Expected a `---` line closing the front matter opened on line 1, found "----" on line 9: none of its values are read +front-matter\/not-closed/);
      assert.match(lint.stdout, /noclose\.md:1:1 +error +Expected a `---` line closing the front matter opened on line 1, found none: none of its values are read +front-matter\/not-closed/);
      assert.doesNotMatch(lint.stdout, /front-matter\/missing/, 'it is there, not missing');
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stderr, /^note: postmortems\/fourdash\.md: Front matter not read, line 1: front matter not closed: no `---` line after line 1 \(line 9 is "----", not `---`\)$/m);
      assert.match(list.stderr, /^note: postmortems\/noclose\.md: Front matter not read, line 1: front matter not closed: no `---` line after line 1$/m);
      const actions = runCli(ws.dir, 'actions', '--now', NOW, 'postmortems');
      assert.equal(actions.code, 1, actions.stderr);
      assert.match(actions.stdout, /Add a canary stage/, 'the items are still listed');
      assert.match(actions.stderr, /noclose\.md: Front matter not read, line 1: front matter not closed.*: its id and title there are not used/);
      const metrics = runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      assert.match(metrics.stdout, /^note: postmortems\/fourdash\.md: Front matter not read, line 1: front matter not closed/m);
      assert.doesNotMatch(metrics.stdout, /no front matter/);
      // lint --fix writes the end line; then everything is read.
      runCli(ws.dir, 'lint', '--fix', '--now', NOW, 'postmortems/fourdash.md');
      const after = runCli(ws.dir, 'list', '--now', NOW, 'postmortems/fourdash.md');
      assert.equal(after.code, 0, after.stderr);
      assert.match(after.stdout, /^ {2}PM-FOUR · Checkout errors {2}2026-12-06 · SEV2 · 2h · 1 open item$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('a blank line, an HTML comment or TOML `+++` before the values: said by lint and by list/metrics, exit 1', () => {
    const ws = workspace({
      'postmortems/blank.md': `\n---\n${FRONT}---\n${BODY}`,
      'postmortems/comment.md': `<!-- generated -->\n---\n${FRONT}---\n${BODY}`,
      'postmortems/toml.md': `+++\ntype = "postmortem"\ntitle = "Checkout errors"\n+++\n${BODY}`,
    });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, '--format', 'json', 'postmortems');
      const missing = (JSON.parse(lint.stdout) as { file: string; code: string; message: string }[]).filter((d) => d.code === 'front-matter/missing').map((d) => d.message).sort();
      assert.deepEqual(missing, [
        'Expected YAML front matter between `---` lines, found TOML between `+++` lines (1 and 4): none of its values are read',
        'Expected the front matter to start on line 1, found its `---` on line 2 after a blank line: none of its values are read',
        'Expected the front matter to start on line 1, found its `---` on line 2 after an HTML comment: none of its values are read',
      ]);
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stderr, /^note: postmortems\/blank\.md: Front matter not read, line 2: front matter not at the top: the `---` block on line 2 comes after a blank line; front matter starts on line 1$/m);
      assert.match(list.stderr, /^note: postmortems\/comment\.md: .* comes after an HTML comment;/m);
      assert.match(list.stderr, /^note: postmortems\/toml\.md: Front matter not read, line 1: front matter in TOML/m);
      assert.equal(runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems').code, 1);
    } finally {
      ws.cleanup();
    }
  });

  it('a file with no front matter at all, or a rule after a blank line, is not called unclosed: list exits 0', () => {
    const ws = workspace({ 'postmortems/plain.md': `# Checkout errors\n\nText.\n`, 'postmortems/rule.md': `\n---\n\nText under a rule.\n\n---\n` });
    try {
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 0, list.stderr);
      assert.doesNotMatch(list.stderr, /Front matter not read/);
    } finally {
      ws.cleanup();
    }
  });
});
