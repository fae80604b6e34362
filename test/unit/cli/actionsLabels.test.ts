import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

const pm = (items: string) => `---\ntype: postmortem\nid: PM-L\ntitle: Long labels\nstatus: draft\n---\n\n## Action items\n\n${items}\n`;

describe('postmortem actions: a label of unbounded length does not flood the terminal', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('cuts a 50 KB label at 200 characters with … and the count left out; JSON keeps it whole; control characters stay escaped', () => {
    const long = `Rotate \u001b[31mkeys ${'x'.repeat(50_000)}`;
    const ws = workspace({ 'postmortems/a.md': pm(`- [ ] ${long} @dana due:2027-01-10\n- [ ] Short item @bob due:2027-01-11`) });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      const line = r.stdout.split('\n').find((l) => l.includes('Rotate'))!;
      assert.ok(line.length < 400, `the line is ${line.length} characters`);
      assert.match(line, /Rotate \\x1B\[31mkeys x+… \(49,8\d\d more characters; --format json has them all\) +@dana +due 2027-01-10$/);
      assert.doesNotMatch(r.stdout, /\u001b/);
      assert.match(r.stdout, /Short item +@bob/);
      const json = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW).stdout) as { description: string }[];
      assert.equal(json[0].description.length, long.length);
    } finally {
      ws.cleanup();
    }
  });
});
