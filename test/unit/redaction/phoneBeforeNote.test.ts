/**
 * Trial 13 F1 as a user met it: a phone number followed by a note in parentheses
 * (`+1 415 867 5309 (cell)`) was not found, so `lint` said nothing, `evidence add` copied it and the
 * CSV import (which always appends ` (Column: …)` after a row's text) wrote it unredacted, exit 0.
 * Run as the user ran it: the built CLI in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, fixtureText, runCli, runCliWithEnv, workspace } from '../cli/harness';

const CSV = [
  'Timestamp,Service,Alert,Status',
  '2026-11-20 19:40:00,checkout-api,"pool exhausted, paged Ana on +91 98765 43210",note',
].join('\n');

describe('phone numbers followed by a note in parentheses (trial 13 F1)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('the CSV import redacts a phone at the end of a row\'s text, before the other columns, and says so', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'a4.csv': CSV });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'a4.csv', '--zone', 'Asia/Kolkata', '--yes');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.match(r.stdout, /1 value redacted \(phone\)/);
      const text = ws.read('pm.md');
      assert.match(text, /- 2026-11-20 14:10Z \(alert\) pool exhausted, paged Ana on \[redacted: phone\] \(Service: checkout-api; Status: note\)/);
      assert.ok(!text.includes('98765'), text);
    } finally {
      ws.cleanup();
    }
  });

  it('lint reports each number however its note is written, and not the note', () => {
    const numbers = ['+1 415 867 5309 (cell)', '+44 20 7946 0958 (mobile)', '+61 8 8123 4567 (Adelaide office)', 'tel +1-415-867-5309 (cell)', '+81 3-1234-5678（携帯）', '+91 98765 43210, then', '+44 (0)20 7946 0958.'];
    const pm = fixtureText('clean.md').replace('## Summary\n', `## Summary\n\n${numbers.map((n) => `Call ${n}`).join('\n\n')}\n`);
    const ws = workspace({ 'pm.md': pm });
    try {
      const r = runCli(ws.dir, 'lint', 'pm.md', '--format', 'json');
      const phones = (JSON.parse(r.stdout) as { code: string; line: number; column: number; endColumn: number }[]).filter((p) => p.code === 'redaction/phone');
      const lines = pm.split('\n');
      const fixed = phones.map((p) => lines[p.line - 1].slice(p.column - 1, p.endColumn - 1));
      assert.deepEqual(fixed, ['+1 415 867 5309', '+44 20 7946 0958', '+61 8 8123 4567', '+1-415-867-5309', '+81 3-1234-5678', '+91 98765 43210', '+44 (0)20 7946 0958']);
    } finally {
      ws.cleanup();
    }
  });

  it('evidence add redacts the number in a copied log line', () => {
    const log = '2026-11-20T14:06:01Z paging dana.lee@acme-shop.com\n2026-11-20T14:06:02Z call +91 98765 43210 (on-call)\n';
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'app.log': log });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'app.log');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.match(r.stdout, /Redacted 1 email, 1 phone in the copy of app\.log/);
      assert.equal(readFileSync(join(ws.dir, 'pm.assets/app.log'), 'utf8'), '2026-11-20T14:06:01Z paging [redacted: email]\n2026-11-20T14:06:02Z call [redacted: phone] (on-call)\n');
    } finally {
      ws.cleanup();
    }
  });
});
