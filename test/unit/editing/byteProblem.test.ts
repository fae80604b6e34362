import assert from 'node:assert/strict';
import { encodingIssue } from '../../../src/cli/files/encoding';
import { byteProblem } from '../../../src/vscode/editing/byteProblem';
import { bytesRefusal } from '../../../src/vscode/editing/refusalReason';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('the editor diagnostic for a file a save would rewrite (byteProblem)', () => {
  it('a Windows-1252 file read as UTF-8: the CLI\'s code and words, naming the editor\'s fixes instead of --fix', () => {
    const bytes = latin1('---\ntitle: "Café «down»"\n---\n');
    const cli = encodingIssue(bytes);
    const editor = byteProblem(bytes, 'utf8');
    assert.equal(editor?.code, 'file/not-utf8');
    assert.equal(editor?.code, cli?.code);
    const [cliHead] = (cli?.message ?? '').split(';');
    assert.ok(editor?.message.startsWith(`${cliHead};`), `same start as the CLI: ${editor?.message}`);
    assert.match(editor?.message ?? '', /^not valid UTF-8: byte 0xE9 at line 2, byte 12 of the line \(3 invalid sequences in the file\)\. .*quick fixes, Fix All and fix-on-save never rewrite this file here \(it would replace them\)\. It looks like Windows-1252 .*Save with Encoding/);
  });

  it('lone CRs (classic Mac) and mixed CRLF/LF: reported whatever the encoding; a file that round-trips: nothing', () => {
    const cr = byteProblem(utf8('---\rtitle: x\r---\r'), 'utf8');
    assert.equal(cr?.code, 'file/lone-cr');
    assert.match(cr?.message ?? '', /lone CR .*\(3 in the file\).*never rewrite this file here \(it would change its line endings\)/);
    const mixed = byteProblem(utf8('a\r\nb\r\nc\nd\r\n'), 'utf8');
    assert.equal(mixed?.code, 'file/mixed-eol');
    assert.match(mixed?.message ?? '', /mixes CRLF and LF line endings \(3 CRLF, 1 LF; line 3 differs\).*Change End of Line Sequence/);
    assert.equal(byteProblem(utf8('Ünïcödé — “fine”\r\nok\r\n'), 'utf8'), undefined);
    assert.equal(byteProblem(latin1('café\n'), 'windows1252'), undefined, 'reopened in its encoding: a save gives the same bytes');
    assert.equal(byteProblem(Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'utf16le'), undefined);
  });

  it('the diagnostic and the refusal agree: a problem exactly when edits are refused', () => {
    const cases: [Uint8Array, string][] = [
      [latin1('café\n'), 'utf8'], [latin1('café\n'), 'windows1252'], [latin1('café\r\nx\n'), 'windows1252'],
      [utf8('a\rb'), 'utf8'], [utf8('a\r\nb\n'), 'utf8'], [utf8('a\nb\n'), 'utf8'], [utf8('a\r\nb\r\n'), 'utf8bom'],
      [Uint8Array.from([0x61, 0x0a, 0x00]), 'utf8'], [Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'utf8'], [Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'utf16le'],
    ];
    for (const [bytes, encoding] of cases) {
      assert.equal(byteProblem(bytes, encoding) !== undefined, bytesRefusal(bytes, encoding) !== undefined, `${Array.from(bytes).join(',')} as ${encoding}`);
    }
    assert.match(bytesRefusal(latin1('café\r\nx\n'), 'windows1252') ?? '', /mixes CRLF and LF/);
  });

  describe('UTF-16, with or without a BOM: its line breaks are read from the decoded text (a save in one EOL rewrites the others)', () => {
    const text = '---\ntitle: Café 🚀\n---\n# Queue backlog in Zürich\n';
    const le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
    const be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

    it('one kind of line break, read as UTF-16: nothing to say, edits allowed (CRLF with a BOM, LF without)', () => {
      for (const [bytes, encoding] of [[le(`\uFEFF${text.replace(/\n/g, '\r\n')}`), 'utf16le'], [be(text), 'utf16be']] as const) {
        assert.equal(byteProblem(bytes, encoding), undefined);
        assert.equal(bytesRefusal(bytes, encoding), undefined);
      }
    });

    it('CRLF beside LF, or a lone CR: file/mixed-eol or file/lone-cr, and edits refused saying so (not "re-save it as UTF-8")', () => {
      const mixed = le(`\uFEFF${text.replace('\n', '\r\n')}`);
      assert.equal(byteProblem(mixed, 'utf16le')?.code, 'file/mixed-eol');
      assert.match(bytesRefusal(mixed, 'utf16le') ?? '', /mixes CRLF and LF line endings \(1 CRLF, 3 LF; line 1 differs\)/);
      const cr = be(text.replace(/\n/g, '\r'));
      assert.equal(byteProblem(cr, 'utf16be')?.code, 'file/lone-cr');
      assert.match(bytesRefusal(cr, 'utf16be') ?? '', /a lone CR \(old Mac line ending\) at line 1 \(4 in the file\)/);
    });

    it('without a BOM, opened as UTF-8: named UTF-16 (no byte-order mark), not "contains NUL"', () => {
      const bytes = le(text);
      assert.equal(byteProblem(bytes, 'utf8')?.code, 'file/utf16');
      assert.match(byteProblem(bytes, 'utf8')?.message ?? '', /^encoded as UTF-16 \(little-endian, no byte-order mark\) but VS Code read it as utf8/);
      assert.match(bytesRefusal(bytes, 'utf8') ?? '', /^it is encoded as UTF-16 \(little-endian, no byte-order mark\) but VS Code read it as utf8; reopen it as UTF-16/);
    });

    it('a lone surrogate (shown as U+FFFD, a save would replace it): refused, and the diagnostic says so', () => {
      const bytes = le(`\uFEFF${text.replace('🚀', '\uD83D')}`);
      assert.equal(byteProblem(bytes, 'utf16le')?.code, 'file/utf16');
      assert.match(bytesRefusal(bytes, 'utf16le') ?? '', /some of it does not decode \(a lone surrogate/);
    });
  });
});
