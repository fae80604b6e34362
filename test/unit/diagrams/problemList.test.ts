import { strict as assert } from 'node:assert';
import { problemList, renderErrorText } from '../../../webview/diagram/problemList';

describe('diagram editor problem list', () => {
  it('merges parse problems and notes in document order, every item with its document line', () => {
    const listed = problemList(
      [{ line: 19, message: 'later parse problem', code: 'diagram/parse-error' }, { line: 4, message: 'missing label', code: 'diagram/parse-error', severity: 'warning' }],
      [{ severity: 'error', line: 5, message: 'k out of range' }, { severity: 'warning', message: 'about the whole tree' }],
      34,
    );
    assert.deepEqual(listed.map((l) => l.text), ['Line 39: missing label', 'Line 40: k out of range', 'Line 54: later parse problem', 'about the whole tree']);
    assert.deepEqual(listed.map((l) => l.severity), ['warning', 'error', 'error', 'warning']);
  });

  it('puts Mermaid\'s block-relative lines into document lines, or leaves its error out when ours explain it', () => {
    const mermaid = "Parse error on line 6:\n...E1((\"Disk full\n----------------------^\nExpecting 'SQE', 'DOUBLECIRCLEEND', got 'PS'";
    assert.match(renderErrorText(mermaid, 34, false), /Parse error on line 40:/);
    assert.doesNotMatch(renderErrorText(mermaid, 34, true), /Expecting|on line/);
    assert.match(renderErrorText(undefined, 0, false), /unknown error/);
  });
});
