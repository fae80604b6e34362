import assert from 'node:assert/strict';
import { capped, MAX_DIAGNOSTICS_PER_FILE, TOO_MANY_PROBLEMS } from '../../../src/vscode/lintWorker/capDiagnostics';
import { lintText } from '../../../src/core/lint/engine';
import type { Diagnostic, Severity } from '../../../src/core/types';

function at(line: number, severity: Severity, code = 'x/y'): Diagnostic {
  return { code, severity, message: `${severity} on ${line}`, range: { start: { line, character: 0 }, end: { line, character: 1 } } };
}

/**
 * The editor shows 1,000 problems per file; a hostile front matter yields 5,400. The lint sends the
 * ones VS Code would show (errors first) and one note with the count of the rest.
 */
describe('diagnostics per file, capped as the editor shows them', () => {
  it('leaves 1,000 or fewer as they are', () => {
    const ds = Array.from({ length: MAX_DIAGNOSTICS_PER_FILE }, (_, i) => at(i, 'info'));
    assert.equal(capped(ds), ds);
  });

  it('keeps the errors before warnings and infos, in document order, and says how many it left out', () => {
    // 600 infos first in the file, then 500 warnings, then 300 errors: 1,400 in all.
    const ds = [
      ...Array.from({ length: 600 }, (_, i) => at(i, 'info')),
      ...Array.from({ length: 500 }, (_, i) => at(600 + i, 'warning')),
      ...Array.from({ length: 300 }, (_, i) => at(1100 + i, 'error')),
    ];
    const out = capped(ds);
    assert.equal(out.length, MAX_DIAGNOSTICS_PER_FILE);
    assert.equal(out[0].code, TOO_MANY_PROBLEMS);
    assert.deepEqual(out[0].range.start, { line: 0, character: 0 });
    assert.match(out[0].message, /^Not showing 401 further problems: this file has 1,400, the editor shows at most 1,000 per file/);
    const rest = out.slice(1);
    assert.equal(rest.filter((d) => d.severity === 'error').length, 300, 'every error');
    assert.equal(rest.filter((d) => d.severity === 'warning').length, 500, 'every warning');
    assert.equal(rest.filter((d) => d.severity === 'info').length, 199, 'the first infos');
    assert.deepEqual(rest.filter((d) => d.severity === 'info').map((d) => d.range.start.line), Array.from({ length: 199 }, (_, i) => i));
    assert.deepEqual(rest.map((d) => d.range.start.line), [...rest.map((d) => d.range.start.line)].sort((a, b) => a - b), 'in document order');
  });

  it('the crafted front matter of 2,700 `kN: {{{{` lines: 5,401 problems become 999 of them and the note', () => {
    const text = `---\ntype: postmortem\ntitle: Crafted\nstatus: draft\n${Array.from({ length: 2_700 }, (_, i) => `k${i}: {{{{\n`).join('')}---\n\n# Crafted\n`;
    const all = lintText(text).diagnostics;
    assert.ok(all.length > 5_000, `${all.length} problems`);
    const out = capped(all);
    assert.equal(out.length, 1_000);
    assert.match(out[0].message, new RegExp(`this file has ${all.length.toLocaleString('en-US')}`));
    assert.ok(out.slice(1).every((d) => all.includes(d)), 'the kept ones are the lint\'s own');
  });
});
