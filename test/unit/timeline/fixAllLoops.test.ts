import { strict as assert } from 'node:assert';
import { fixAll } from '../../../src/core/fix/fixAll';
import type { Rule } from '../../../src/core/lint/rule';

/** Reports each `word` at the start of a line; its fix writes `replacement` over it. */
function wordRule(code: string, word: string, replacement: string): Rule {
  return {
    code,
    defaultSeverity: 'warning',
    description: `test rule for ${word}`,
    check({ doc, report }) {
      for (let line = 0; line < doc.lines.lineCount; line++) {
        if (!doc.lines.lineText(line).startsWith(word)) continue;
        const range = { start: { line, character: 0 }, end: { line, character: word.length } };
        report({ range, message: `found ${word}`, fixes: [{ title: 'fix', edits: [{ range, newText: replacement }], isPreferred: true }] });
      }
    },
  };
}

describe('fix-all safety net', () => {
  it('holds back a fix that brings its own diagnostic back, and still applies the others', () => {
    // "bad" → "bad!" is still "bad" at the same place: applied again and again it would grow the text.
    const rules = [wordRule('test/grows', 'bad', 'bad!'), wordRule('test/once', 'todo', 'done')];
    const text = 'bad line\ntodo line\nbad again\n';
    const result = fixAll(text, { rules, now: new Date(0) });
    assert.equal(result.text, 'bad line\ndone line\nbad again\n', 'the looping fix is not applied even once');
    assert.deepEqual(result.fixed, { 'test/once': 1 });
    assert.deepEqual(result.looping?.map((d) => `${d.code}@${d.range.start.line}`), ['test/grows@0', 'test/grows@2']);
    assert.deepEqual(result.remaining.filter((d) => d.code === 'test/grows').length, 2, 'still reported');
  });

  it('lets a fix whose diagnostic moves on (same code elsewhere) run to the end', () => {
    // Each pass fixes one line and the next line's diagnostic remains: progress, not a loop.
    const rules = [wordRule('test/step', 'a', 'b')];
    const result = fixAll('a\na\na\n', { rules, now: new Date(0) });
    assert.equal(result.text, 'b\nb\nb\n');
    assert.equal(result.looping, undefined);
  });
});
