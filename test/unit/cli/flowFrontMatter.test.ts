/**
 * Trial15a F10, as the user ran it: a post-mortem whose front matter is one YAML flow mapping got no
 * milestone notes from `lint`, `lint --fix` wrote nothing, and `list` showed it without a date or a
 * duration. Now lint names the four milestones, --fix writes them inside the braces, and list shows
 * the incident's date and duration.
 */
import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

const FLOW = [
  '---', '{type: postmortem, id: PM-F1, title: flow, status: draft, facilitator: dana}', '---', '# flow', '', '## Summary', '', 'The deploy broke checkout.', '',
  '## Timeline', '',
  '- 2026-12-01 14:00Z [started] Deploy went out', '- 2026-12-01 14:09Z [detected] Alert fired',
  '- 2026-12-01 14:30Z [mitigated] Rolled back', '- 2026-12-01 15:00Z [resolved] Errors gone', '',
  '## Action items', '', '- [ ] Add canary @kim due:2027-12-20', '',
].join('\n');

describe('postmortem lint --fix and list on a flow-style front matter (spawned CLI, trial15a F10)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('names the milestones, writes them inside the braces, and list then shows date and duration', () => {
    const ws = workspace({ 'postmortems/flow.md': FLOW });
    try {
      const before = runCli(ws.dir, 'lint', 'postmortems/flow.md', '--format', 'json');
      const codes = (JSON.parse(before.stdout) as { code: string }[]).map((d) => d.code).filter((c) => c === 'timeline/milestone-mismatch');
      assert.equal(codes.length, 4, before.stdout);
      const fixed = runCli(ws.dir, 'lint', '--fix', 'postmortems/flow.md');
      assert.match(fixed.stdout, /fixed 4 problems: timeline\/milestone-mismatch ×4/);
      assert.equal(ws.read('postmortems/flow.md').split('\n')[1],
        '{type: postmortem, id: PM-F1, title: flow, status: draft, facilitator: dana, started_at: 2026-12-01T14:00:00Z, detected_at: 2026-12-01T14:09:00Z, mitigated_at: 2026-12-01T14:30:00Z, resolved_at: 2026-12-01T15:00:00Z}');
      const list = runCli(ws.dir, 'list');
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /^ {2}PM-F1 · flow {2}2026-12-01 · 1h · 1 open item$/m);
    } finally {
      ws.cleanup();
    }
  });
});
