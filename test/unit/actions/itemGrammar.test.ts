import { strict as assert } from 'node:assert';
import { isIsoDate, parseActionText, type Token } from '../../../src/core/actions/itemGrammar';

/** The text a token's span covers: what a fix or the mark-done command would edit. */
function covered(text: string, token: Token<unknown> | undefined): string | undefined {
  return token ? text.slice(token.start, token.end) : undefined;
}

describe('action item grammar', () => {
  it('reads every token in any order and leaves the description', () => {
    const text = 'OPS-123 effort:low Add pool saturation alert P1 due:2026-12-04 impact:high @bob';
    const p = parseActionText(text);
    assert.equal(p.description, 'Add pool saturation alert');
    assert.equal(p.owner?.value, 'bob');
    assert.equal(covered(text, p.owner), '@bob');
    assert.equal(p.due?.value, '2026-12-04');
    assert.equal(covered(text, p.due), 'due:2026-12-04');
    assert.equal(p.priority?.value, 'P1');
    assert.equal(p.impact?.value, 'high');
    assert.equal(p.effort?.value, 'low');
    assert.equal(p.ticket?.value, 'OPS-123');
    assert.equal(covered(text, p.ticket), 'OPS-123');
  });

  it('reads owners written in any script', () => {
    const text = '连接池监控 @王伟 and @zoë.b';
    const p = parseActionText(text);
    assert.equal(p.owner?.value, '王伟');
    assert.equal(covered(text, p.owner), '@王伟');
  });

  it('does not take an e-mail address for an owner', () => {
    assert.equal(parseActionText('mail ops@example.com about it').owner, undefined);
  });

  it('keeps trailing punctuation out of a due date span', () => {
    const text = 'Fix it due:2026-12-04, then check';
    const p = parseActionText(text);
    assert.equal(covered(text, p.due), 'due:2026-12-04');
  });

  it('reports a due date that is not a calendar date as badDue, not due', () => {
    for (const value of ['2026-02-30', '2026/12/04', 'next-week', '2026-13-01']) {
      const p = parseActionText(`Do it due:${value}`);
      assert.equal(p.due, undefined, value);
      assert.equal(p.badDue?.value, value);
    }
  });

  it('reads tickets as keys, URLs, links and GitHub #numbers', () => {
    assert.equal(parseActionText('a OPS-12').ticket?.value, 'OPS-12');
    assert.equal(parseActionText('a https://github.com/o/r/issues/7').ticket?.value, 'https://github.com/o/r/issues/7');
    assert.equal(parseActionText('a [QUE-3](https://jira.example.com/browse/QUE-3)').ticket?.value, 'https://jira.example.com/browse/QUE-3');
    const gh = 'Fix the retry loop #4512';
    const p = parseActionText(gh);
    assert.equal(p.ticket?.value, '#4512');
    assert.equal(covered(gh, p.ticket), '#4512');
    assert.equal(p.description, 'Fix the retry loop');
  });

  it('does not read P5 or lower-case p1 as a priority', () => {
    assert.equal(parseActionText('a P5').priority, undefined);
    assert.equal(parseActionText('a p1').priority, undefined);
  });

  it('knows calendar dates', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-1-05'), false);
  });
});
