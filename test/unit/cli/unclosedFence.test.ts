import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/** A draft whose command block lost its closing fence: the items after it were silently not read (review finding). */
const DRAFT = [
  '---', 'type: postmortem', 'id: PM-F', 'title: Checkout 502s', 'status: draft', 'timezone: UTC', 'started_at: 2026-11-20T13:50:00Z', 'detected_at: 2026-11-20T14:00:00Z', 'resolved_at: 2026-11-20T15:00:00Z', '---', '# Checkout 502s', '',
  '## Timeline', '', '- 2026-11-20 14:00Z [detected] Alert', '', '```', 'kubectl rollout undo', '',
  '- 2026-11-20 15:00Z [resolved] Baseline', '', '## Action items', '', '- [ ] Add a canary @alex due:2026-12-20', '- [ ] Alert on 502s @sam due:2026-12-21', '',
].join('\n');
const OTHER = '---\ntype: postmortem\nid: PM-O\ntitle: Other\nstatus: draft\n---\n\n## Action items\n\n- [ ] Fine item @bob due:2026-12-30\n';

describe('an unclosed code fence hides the rest of a post-mortem: every command says so', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('actions lists what it read, names the file and the line on stderr, and exits 1', () => {
    const ws = workspace({ 'postmortems/fence.md': DRAFT, 'postmortems/other.md': OTHER });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^1 open action item in 1 post-mortem \(2 read\)$/m);
      assert.match(r.stderr, /^postmortem actions: postmortems\/fence\.md: Not read after line 17: the code block opened there with ``` is never closed, so 8 lines with 1 section \("## Action items"\), 2 action items and 1 timeline entry after it are read as its text: its action items there are not listed$/m);
      const json = runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW);
      assert.equal(json.code, 1);
      assert.equal((JSON.parse(json.stdout) as unknown[]).length, 1);
    } finally {
      ws.cleanup();
    }
  });

  it('metrics lists it in a note (text and JSON) and exits 1, as actions does (trial12 T10)', () => {
    const ws = workspace({ 'postmortems/fence.md': DRAFT });
    try {
      const r = runCli(ws.dir, 'metrics', '--now', NOW);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /postmortems\/fence\.md: Not read after line 17: the code block opened there with ``` is never closed/);
      const json = JSON.parse(runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW).stdout) as { problems: { message: string }[] };
      assert.ok(json.problems.some((p) => p.message.startsWith('Not read after line 17')), JSON.stringify(json.problems));
    } finally {
      ws.cleanup();
    }
  });

  it('lint warns on the opening fence', () => {
    const ws = workspace({ 'postmortems/fence.md': DRAFT });
    try {
      const r = runCli(ws.dir, 'lint', '--now', NOW);
      assert.match(r.stdout, /postmortems\/fence\.md:17:1 +warning +Expected a closing ``` for the code block opened here, found none: everything after line 17 \(8 lines with 1 section \("## Action items"\), 2 action items and 1 timeline entry\) is read as code, not as the post-mortem +document\/unclosed-fence/);
    } finally {
      ws.cleanup();
    }
  });
});
