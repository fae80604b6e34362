/**
 * Evidence copies' names (trial18a F2: `скриншот.png` was saved as `png`, no extension, linked as a
 * plain link): letters of any script kept, the extension kept, never an empty or hidden stem, never
 * a character unsafe on Windows, macOS or Linux or in a Markdown link, within file systems' limits.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isImageName, safeEvidenceName } from '../../../src/core/evidence/paths';

describe('safeEvidenceName', () => {
  it('keeps names in any script and their extension; replaces only what is unsafe', () => {
    const cases: readonly [string, string][] = [
      ['скриншот.png', 'скриншот.png'],
      ['截图.png', '截图.png'],
      ['日本語.log', '日本語.log'],
      ['e\u0301te\u0301.png', 'été.png'],
      ['a b ü ..log', 'a-b-ü.log'],
      ['Screen Shot 1.png', 'Screen-Shot-1.png'],
      ['.png', 'evidence.png'],
      ['..', 'evidence'],
      ['', 'evidence'],
      ['a:b|c?d*e"f<g>h.txt', 'a-b-c-d-e-f-g-h.txt'],
      ['a\u202eb.png', 'a-b.png'],
      ['con.log', 'con-file.log'],
      ['NUL.tar.gz', 'NUL-file.tar.gz'],
      ['-x-.log', 'x.log'],
      ['C:\\Users\\me\\shot.PNG', 'shot.PNG'],
    ];
    for (const [from, to] of cases) assert.equal(safeEvidenceName(from), to, from);
    assert.ok(isImageName(safeEvidenceName('скриншот.png')));
  });

  it('any name: non-empty stem, not hidden, only letters, marks, digits and ._-, at most 100 characters and 200 UTF-8 bytes, the extension kept', () => {
    const ext = fc.constantFrom('', '.png', '.log', '.jpeg', '.json');
    const stem = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'я', '日', '😀', ' ', '.', '-', ':', '/', '\\', '\u0000', '\u202e', 'e\u0301'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 300 });
    fc.assert(fc.property(stem, ext, (s, e) => {
      const name = safeEvidenceName(`${s}${e}`);
      assert.match(name, /^[\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}._-]*$/u, name);
      assert.ok([...name].length <= 100, name);
      assert.ok(new TextEncoder().encode(name).length <= 200, name);
      if (e && !s.includes('/') && !s.includes('\\')) {
        assert.ok(name.endsWith(e), `${JSON.stringify(s + e)} → ${name}`);
        assert.match(name.slice(0, -e.length), /^[^.].*[^.-]$|^[^.-]$/u, `stem neither hidden nor ending in . or -: ${name}`);
      }
    }), { numRuns: 500 });
  });
});
