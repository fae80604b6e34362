import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fix/fixAll';
import type { Rule } from '../../../src/core/lint/rule';

/**
 * The net under every fix: a pass that leaves the front matter unreadable is undone, and the fix
 * that does it alone is held back while the others still apply (trial14a F18: a time's fix joined
 * the closing `---` onto the value, and every field after it was lost to every reader).
 */
const TEXT = ['---', 'type: postmortem', 'title: Net', 'status: draft', '---', '# Net', '', 'teh end', ''].join('\n');

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

/** Joins the closing `---` onto the line before it: a broken fix, as yamlNodeRange's block scalar range once made. */
const joinsClosing: Rule = {
  code: 'test/joins-closing',
  defaultSeverity: 'warning',
  description: 'test',
  check(ctx) {
    if (ctx.doc.lines.lineText(4) !== '---') return;
    ctx.report({ range: at(3, 0, 13), message: 'status', fixes: [{ title: 'Join', isPreferred: true, edits: [{ range: { start: { line: 3, character: 13 }, end: { line: 4, character: 0 } }, newText: '' }] }] });
  },
};

/** An ordinary fix in the body. */
const typo: Rule = {
  code: 'test/typo',
  defaultSeverity: 'warning',
  description: 'test',
  check(ctx) {
    const line = ctx.doc.lines.lineText(7);
    if (line.startsWith('teh')) ctx.report({ range: at(7, 0, 3), message: 'typo', fixes: [{ title: 'the', isPreferred: true, edits: [{ range: at(7, 0, 3), newText: 'the' }] }] });
  },
};

describe('lint --fix never leaves the front matter unreadable', () => {
  it('holds back the fix that breaks it and applies the others', () => {
    const result = fixAll(TEXT, { rules: [joinsClosing, typo], now: new Date('2026-12-01T00:00:00Z') });
    assert.ok(result.text.includes('status: draft\n---\n'), result.text);
    assert.ok(result.text.includes('the end'), 'the other fix applied');
    assert.deepEqual(result.looping?.map((d) => d.code), ['test/joins-closing']);
    assert.equal(result.fixed['test/typo'], 1);
    assert.equal(result.fixed['test/joins-closing'], undefined);
  });
});
