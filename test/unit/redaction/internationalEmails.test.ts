/**
 * Trial14a F4: `joão.silva@banco.com.br` was redacted from the `ã` on (`joã[redacted: email]`), the
 * person's first name kept next to a "[redacted]" that says it was handled, and lint then called
 * the file clean. Addresses with letters of alphabetic scripts in the local part or the domain
 * (RFC 6531, IDN) are now found whole; in scripts written without spaces (Japanese) the words
 * around an address are not swallowed. Run as the user ran it: the built CLI in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { buildOnce, fixtureText, runCli, workspace } from '../cli/harness';

const ADDRESSES = ['joão.silva@banco.com.br', 'müller@bücher.de', 'иван.петров@пример.рф', 'Ελένη@παράδειγμα.ελ', 'ñandú@correo.es', 'jose\u0301@xn--bcher-kva.de', 'ops-lead@host.xn--p1ai'];

describe('e-mail addresses with non-ASCII letters are found whole (trial14a F4)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint reports each address whole and --fix leaves no letter of it; a Japanese sentence keeps its words', () => {
    const lines = [
      'Cerca de 12.000 transações falharam; contato: joão.silva@banco.com.br, telefone omitido.',
      ...ADDRESSES.slice(1).map((a) => `Escalated to ${a} at once.`),
      '連絡はtanaka@corp.co.jpまでお願いします。',
    ];
    const pm = fixtureText('clean.md').replace('## Summary\n', `## Summary\n\n${lines.join('\n\n')}\n`);
    const ws = workspace({ 'pm.md': pm });
    try {
      const r = runCli(ws.dir, 'lint', 'pm.md', '--format', 'json');
      const emails = (JSON.parse(r.stdout) as { code: string; line: number; column: number; endColumn: number }[]).filter((p) => p.code === 'redaction/email');
      const text = pm.split('\n');
      assert.deepEqual(emails.map((p) => text[p.line - 1].slice(p.column - 1, p.endColumn - 1)), [...ADDRESSES, 'tanaka@corp.co.jp']);

      const fix = runCli(ws.dir, 'lint', 'pm.md', '--fix');
      assert.notEqual(fix.code, 2, fix.stderr);
      const fixed = ws.read('pm.md');
      assert.ok(fixed.includes('contato: [redacted: email], telefone omitido.'), fixed);
      assert.ok(fixed.includes('Escalated to [redacted: email] at once.'));
      assert.ok(fixed.includes('連絡は[redacted: email]までお願いします。'), fixed);
      for (const a of ADDRESSES) assert.ok(!fixed.includes(a.split('@')[0]), `${a}: a part of it is left`);
      const again = runCli(ws.dir, 'lint', 'pm.md', '--format', 'json');
      assert.deepEqual((JSON.parse(again.stdout) as { code: string }[]).filter((p) => p.code === 'redaction/email'), []);
    } finally {
      ws.cleanup();
    }
  });

  it('evidence add redacts a Portuguese address whole in a copied log', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'app.log': 'falha para joão.silva@banco.com.br\n' });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'app.log');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.equal(ws.read('pm.assets/app.log'), 'falha para [redacted: email]\n');
    } finally {
      ws.cleanup();
    }
  });
});
