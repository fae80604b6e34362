import assert from 'node:assert/strict';
import { readFrontMatter } from '../../../src/core/document/frontMatter';
import { LineIndex } from '../../../src/core/text/lineIndex';

/** Each YAML problem as `line:column message` (1-based, whole-document lines). */
function problemsOf(yaml: string, eol = '\n'): string[] {
  const text = `---${eol}${yaml.split('\n').join(eol)}---${eol}# Title${eol}`;
  return (readFrontMatter(new LineIndex(text))?.problems ?? []).map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
}

describe('YAML problems point at the broken token', () => {
  it('reports an unclosed double quote at its opening quote, not at the closing ---', () => {
    assert.deepEqual(problemsOf('type: postmortem\ntitle: "unclosed\nstatus: draft\n'), ['3:8 Missing closing " for the quoted value that starts here']);
  });

  it('reports an unclosed single quote in a list item at its opening quote', () => {
    assert.deepEqual(problemsOf("tags:\n  - 'db\n  - network\n"), ["3:5 Missing closing ' for the quoted value that starts here"]);
  });

  it('reports an unclosed flow list at its [, not on the next line', () => {
    assert.deepEqual(problemsOf('type: postmortem\ntags: [a, b\nstatus: draft\n'), ['3:7 Missing closing ] for the list that starts here']);
  });

  it('reports nested unclosed flow collections each at its own opening bracket', () => {
    assert.deepEqual(problemsOf('impact: {users_affected: 1, regions: [eu, us\nstatus: draft\n'), [
      '2:9 Missing closing } for the mapping that starts here',
      '2:38 Missing closing ] for the list that starts here',
    ]);
  });

  it('still finds the problems after an unclosed quote, which would otherwise swallow them', () => {
    assert.deepEqual(problemsOf('title: "unclosed\nstatus: draft\ntags: [a, b\nid: PM-1\nid: PM-2\n'), [
      '2:8 Missing closing " for the quoted value that starts here',
      '4:7 Missing closing ] for the list that starts here',
      '6:1 Map keys must be unique: `id` is set more than once',
    ]);
  });

  it('keeps the columns right with CRLF line ends', () => {
    assert.deepEqual(problemsOf("title: 'abc\nx: 'y\n", '\r\n'), [
      "2:8 Missing closing ' for the quoted value that starts here",
      "3:4 Missing closing ' for the quoted value that starts here",
    ]);
  });

  it('leaves other problems where the yaml package puts them', () => {
    assert.deepEqual(problemsOf('a: 1\na: 2\n'), ['3:1 Map keys must be unique: `a` is set more than once']);
    assert.deepEqual(problemsOf('title: "closed"\nstatus: draft\n'), []);
  });

  it('ends the range of a moved problem at the end of the opening line', () => {
    const fm = readFrontMatter(new LineIndex('---\ntitle: "abc def\nstatus: draft\n---\n'))!;
    assert.deepEqual(fm.problems[0].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } });
  });
});
