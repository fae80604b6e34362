import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatJson, formatJsonPieces, jsonElements, toJsonDiagnostics } from '../../../src/cli/lint/format/json';
import type { FileReport } from '../../../src/cli/lint/format/report';
import type { PlainDiagnostic } from '../../../src/cli/lint/lintOne';

/**
 * `--format json` is joined from each file's elements, formatted on the thread that linted it. The
 * output must stay exactly what one `JSON.stringify(all, null, 2)` writes: tools parse it, people diff it.
 */
const text = fc.string({ unit: 'binary', maxLength: 40 });
const position = fc.record({ line: fc.nat(5000), character: fc.nat(300) });
const diagnostic: fc.Arbitrary<PlainDiagnostic> = fc.record({
  code: fc.constantFrom('timeline/not-utc', 'actions/missing-owner', 'x/"quoted"\n'),
  severity: fc.constantFrom('error', 'warning', 'info', 'hint'),
  range: fc.record({ start: position, end: position }),
  message: text,
  fixes: fc.option(fc.array(fc.record({
    title: text,
    isPreferred: fc.option(fc.boolean(), { nil: undefined }),
    edits: fc.array(fc.record({ range: fc.record({ start: position, end: position }), newText: text }), { maxLength: 3 }),
  }), { maxLength: 2 }), { nil: undefined }),
}, { requiredKeys: ['code', 'severity', 'range', 'message'] }) as fc.Arbitrary<PlainDiagnostic>;
const report = fc.record({ display: text, rel: text, diagnostics: fc.array(diagnostic, { maxLength: 4 }), preformatted: fc.boolean() });

describe('--format json from per-file elements', () => {
  it('is byte-for-byte one JSON.stringify of every diagnostic, whichever files carry their elements', () => {
    fc.assert(fc.property(fc.array(report, { maxLength: 5 }), (generated) => {
      const reports: FileReport[] = generated.map((r) => ({
        display: r.display, rel: r.rel, diagnostics: r.diagnostics,
        ...(r.preformatted ? { jsonElements: jsonElements(r.display, r.diagnostics) } : {}),
      }));
      const expected = `${JSON.stringify(toJsonDiagnostics(reports), null, 2)}\n`;
      assert.equal(formatJson(reports), expected);
    }), { numRuns: 2000 });
  });

  it('is the same text when written in pieces (12 MB of JSON for 2,000 files is written piece by piece)', () => {
    const big = (display: string, n: number): FileReport => {
      const diagnostics: PlainDiagnostic[] = Array.from({ length: n }, (_, i) => ({ code: 'x/y', severity: 'info', range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, message: `${'é→'.repeat(500)} ${i}` }));
      return { display, rel: display, diagnostics, jsonElements: jsonElements(display, diagnostics) };
    };
    const reports = [big('a.md', 300), { display: 'empty.md', rel: 'empty.md', diagnostics: [] }, big('b.md', 1), big('c.md', 400)];
    const pieces = [...formatJsonPieces(reports)];
    assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
    assert.equal(pieces.join(''), `${JSON.stringify(toJsonDiagnostics(reports), null, 2)}\n`);
  });

  it('writes [] for no diagnostic at all, also when files carry empty elements', () => {
    assert.equal(formatJson([{ display: 'a.md', rel: 'a.md', diagnostics: [], jsonElements: '' }, { display: 'b.md', rel: 'b.md', diagnostics: [] }]), '[]\n');
  });
});
