/**
 * Trial14a F5: the allowance for North American fiction numbers (555-0100 to 555-0199) was applied
 * to every number whose last ten digits had that shape, so `+64 21 555 0123` (a New Zealand mobile)
 * and `+44 7700 555 0150` were never reported by lint and imported unredacted, exit 0. Run as the
 * user ran it: the built CLI in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { buildOnce, fixtureText, runCli, runCliWithEnv, workspace } from '../cli/harness';

const OTHER_COUNTRIES = ['+64 21 555 0123', '+64 9 555 0199', '+44 7700 555 0150', '+61 2 5550 1234', '+6421 555 0123'];
const NORTH_AMERICAN_FICTION = ['(415) 555-0123', '415-555-0199', '+1 415 555 0123', '1-415-555-0150', '+1 (212) 555-0100'];

describe('the North American fiction-number allowance applies only to North American numbers (trial14a F5)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint reports 555 01xx numbers of other countries and still allows the North American fiction range', () => {
    const numbers = [...OTHER_COUNTRIES, ...NORTH_AMERICAN_FICTION];
    const pm = fixtureText('clean.md').replace('## Summary\n', `## Summary\n\n${numbers.map((n) => `Call ${n} now.`).join('\n\n')}\n`);
    const ws = workspace({ 'pm.md': pm });
    try {
      const r = runCli(ws.dir, 'lint', 'pm.md', '--format', 'json');
      const phones = (JSON.parse(r.stdout) as { code: string; line: number; column: number; endColumn: number }[]).filter((p) => p.code === 'redaction/phone');
      const lines = pm.split('\n');
      assert.deepEqual(phones.map((p) => lines[p.line - 1].slice(p.column - 1, p.endColumn - 1)), OTHER_COUNTRIES);
    } finally {
      ws.cleanup();
    }
  });

  it('the CSV import redacts a New Zealand number with 555 01xx and says so', () => {
    const csv = 'time,message\n2026-11-20 14:30,"Rolled back, ring me on +64 21 555 0123 if needed"\n';
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'a.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Pacific/Auckland' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'a.csv', '--zone', 'UTC', '--yes');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.match(r.stdout, /1 value redacted \(phone\)/);
      const text = ws.read('pm.md');
      assert.match(text, /- 2026-11-20 14:30Z \(alert\) Rolled back, ring me on \[redacted: phone\] if needed\n/);
      assert.ok(!text.includes('555 0123'), text);
    } finally {
      ws.cleanup();
    }
  });
});
