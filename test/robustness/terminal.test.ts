import assert from 'node:assert/strict';
import { makeStyle, terminalSafe, terminalSafeLines, terminalSafeOutput } from '../../src/cli/style';

describe('control characters on the way to a terminal (src/cli/style.ts)', () => {
  const hostile = 'a\u001b]0;title\u0007b\u001b[2Jc\rd\u0000e\u009bf\u202eg\u2028h\ti';

  it('terminalSafe makes every control visible, one line, tabs kept', () => {
    assert.equal(terminalSafe(hostile), 'a\\x1B]0;title\\x07b\\x1B[2Jc\\x0Dd\\x00e\\x9Bf\\u202Eg\\u2028h\ti');
    assert.equal(terminalSafe('x\ny'), 'x\\x0Ay');
  });

  it('terminalSafeLines keeps LF and CRLF, escapes a lone CR', () => {
    assert.equal(terminalSafeLines('one\r\ntwo\nthree\rfour\u001b'), 'one\r\ntwo\nthree\\x0Dfour\\x1B');
  });

  it('terminalSafeOutput keeps our own colours and escapes everything else', () => {
    const style = makeStyle(true);
    const line = `${style.red('error')} ${terminalSafe('\u001b[31mfake')} \u001b]8;;http://x\u0007link\n`;
    assert.equal(terminalSafeOutput(line), '\u001b[31merror\u001b[39m \\x1B[31mfake \\x1B]8;;http://x\\x07link\n');
  });
});
