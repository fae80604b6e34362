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

  it('does not take technical terms for tickets, and then finds the real key', () => {
    for (const text of ['Fix UTF-8 decoding @a', 'Move to SHA-256', 'Drop TLS-1 support', 'Parse ISO-8601 dates', 'Enable HTTP-2', 'Patch CVE-2024-1234', 'Upgrade to TLS-1.3', 'Handle a SEV-1 page']) {
      const p = parseActionText(text);
      assert.equal(p.ticket, undefined, text);
      assert.ok(p.description.startsWith(text.replace(' @a', '')), p.description);
    }
    const text = 'Rotate SHA-256 keys and drop TLS-1 @bob OPS-9';
    const p = parseActionText(text);
    assert.equal(p.ticket?.value, 'OPS-9');
    assert.equal(covered(text, p.ticket), 'OPS-9');
    assert.equal(p.description, 'Rotate SHA-256 keys and drop TLS-1');
  });

  it('takes the last key as the ticket and leaves earlier ones in the description', () => {
    const p = parseActionText('Follow up on OPS-7 regression OPS-9');
    assert.equal(p.ticket?.value, 'OPS-9');
    assert.equal(p.description, 'Follow up on OPS-7 regression');
    assert.equal(parseActionText('See https://wiki.example/x then file PAY2-17').ticket?.value, 'PAY2-17');
  });

  it('reads priorities only as whole words', () => {
    const p = parseActionText('P1-incident runbook rewrite @b');
    assert.equal(p.priority, undefined);
    assert.equal(p.badPriority, undefined);
    assert.equal(p.description, 'P1-incident runbook rewrite');
    assert.equal(parseActionText('Alert on P99 latency P2').priority?.value, 'P2');
    assert.equal(parseActionText('Alert on P99 latency P2').badPriority, undefined);
    assert.equal(parseActionText('Do it (P3).').priority?.value, 'P3');
    assert.equal(parseActionText('P2x and P2_b').priority, undefined);
  });

  it('keeps invalid priorities, impacts and efforts as tokens to report', () => {
    const text = 'Do it P7 impact:huge effort:tiny, soon';
    const p = parseActionText(text);
    assert.equal(p.priority, undefined);
    assert.equal(covered(text, p.badPriority), 'P7');
    assert.equal(covered(text, p.badImpact), 'impact:huge');
    assert.equal(p.badImpact?.value, 'huge');
    assert.equal(covered(text, p.badEffort), 'effort:tiny');
    assert.equal(p.impact, undefined);
    assert.equal(p.description, 'Do it P7 impact:huge effort:tiny, soon'); // tokens not read stay in the text as written
    assert.equal(parseActionText('a P0').badPriority?.value, 'P0');
    assert.equal(parseActionText('a impact:high, effort:low.').effort?.value, 'low');
  });

  it('shows a leading link as its text and takes its URL as the ticket', () => {
    const text = '[flutter/flutter#27110](https://github.com/flutter/flutter/issues/27110) - Make the tool retry';
    const p = parseActionText(text);
    assert.equal(p.description, 'flutter/flutter#27110 - Make the tool retry');
    assert.equal(p.ticket?.value, 'https://github.com/flutter/flutter/issues/27110');
    assert.equal(covered(text, p.ticket), text.slice(0, text.indexOf(')') + 1));
  });

  it('reads a runbook or dashboard URL as text; a tracker URL or a ticket: URL as the ticket', () => {
    const runbook = parseActionText('Update the runbook at https://wiki.acme.com/runbooks/db @dana due:2026-12-20');
    assert.equal(runbook.ticket, undefined);
    assert.equal(runbook.description, 'Update the runbook at https://wiki.acme.com/runbooks/db');
    assert.equal(parseActionText('Add panel to [the board](https://grafana.acme.com/d/abc123) @dana').ticket, undefined);
    assert.equal(parseActionText('Fix https://gitlab.acme.com/g/p/-/issues/5 @kim').ticket?.value, 'https://gitlab.acme.com/g/p/-/issues/5');
    assert.equal(parseActionText('See https://acme.atlassian.net/browse/OPS-12 soon').ticket?.value, 'https://acme.atlassian.net/browse/OPS-12');
    assert.equal(parseActionText('See https://dev.azure.com/o/p/_workitems/edit/77 @a').ticket?.value, 'https://dev.azure.com/o/p/_workitems/edit/77');
    assert.equal(parseActionText('Edit https://wiki.acme.com/pages/edit/77 @a').ticket, undefined);
    // The last word follows the same rule (act15 left it as "a ticket goes there"): a webhook or a
    // dashboard written last made tickets create skip the item as tracked by it.
    const last = parseActionText('Fix X @kim due:2026-12-01 https://tracker.internal/T123.');
    assert.equal(last.ticket, undefined);
    assert.equal(last.description, 'Fix X https://tracker.internal/T123.');
    assert.equal(parseActionText('Fix webhook @dana https://hooks.slack.com/services/T0/B0/XXXX').ticket, undefined);
    assert.equal(parseActionText('Add alert https://grafana.acme.com/d/abc123').ticket, undefined);
    assert.equal(parseActionText('Fix X https://github.com/acme/shop/issues/12').ticket?.value, 'https://github.com/acme/shop/issues/12');
    const text = 'Fix X Ticket: https://tracker.internal/T123 @kim';
    const field = parseActionText(text);
    assert.equal(field.ticket?.value, 'https://tracker.internal/T123');
    assert.equal(covered(text, field.ticket), 'Ticket: https://tracker.internal/T123');
    assert.equal(field.description, 'Fix X');
  });

  it('leaves no label or separator of a token that left in the title (trial 15a F4)', () => {
    const words = (t: string) => parseActionText(t, { dueInWords: true });
    assert.equal(words('Rotate keys (Owner: @lee, Due: 2026-11-20)').description, 'Rotate keys');
    assert.equal(words('**Bold task** — @kim — due 2026-12-27').description, '**Bold task**');
    assert.equal(words('Drain script, assigned to @raj, deadline 2026-11-25').description, 'Drain script');
    assert.equal(words('Track it, Ticket: OPS-12').description, 'Track it');
    // Prose around a token keeps its words and its punctuation.
    assert.equal(words('Call alice, @bob and carol').description, 'Call alice, and carol');
    assert.equal(words('Ask the owner @kim').description, 'Ask the owner');
    assert.equal(words('Fix it - @kim - soon').description, 'Fix it - soon');
  });

  it('reads an owner in brackets, [@kim] or (@kim) (trial 15a F5)', () => {
    const text = 'Owner in brackets [@kim] due:2026-12-26';
    const p = parseActionText(text);
    assert.equal(p.owner?.value, 'kim');
    assert.equal(covered(text, p.owner), '@kim');
    assert.equal(p.description, 'Owner in brackets');
    assert.equal(parseActionText('Fix it (@kim)').owner?.value, 'kim');
    // Only the owner: a key in square brackets stays text, as before.
    assert.equal(parseActionText('Fix [OPS-1] now').ticket, undefined);
  });

  it('prefers a key or bare URL over an ordinary link, and keeps relative links as text', () => {
    const p = parseActionText('Follow [the runbook](https://wiki.example/rb) OPS-3');
    assert.equal(p.ticket?.value, 'OPS-3');
    assert.equal(p.description, 'Follow the runbook');
    const rel = parseActionText('Update [the runbook](../runbook.md) @a');
    assert.equal(rel.ticket, undefined);
    assert.equal(rel.description, 'Update the runbook');
    const key = parseActionText('Fix it [OPS-4](https://jira.example/OPS-4) and [OPS-5](https://jira.example/OPS-5)');
    assert.equal(key.ticket?.value, 'https://jira.example/OPS-5');
    assert.equal(key.description, 'Fix it OPS-4 and');
  });

  it('knows calendar dates', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-1-05'), false);
  });
});

describe('parseActionText: P0 and P5–P9 stay in the words', () => {
  it('keeps a P-number that is not a priority in the description, and reports it only without a valid priority', () => {
    const a = parseActionText('Move to P5 instances P2 @ops');
    assert.equal(a.priority?.value, 'P2');
    assert.equal(a.badPriority, undefined);
    assert.equal(a.description, 'Move to P5 instances');
    const b = parseActionText('Write the P0 incident runbook @dana');
    assert.equal(b.badPriority?.value, 'P0');
    assert.equal(b.description, 'Write the P0 incident runbook');
  });

  // Trial11 T9: "due 2026-12-14" was no due date, and the missing-due fix wrote a second date beside it.
  it('reads a due date written in words only when asked, and only the forms that name one', () => {
    const words = (text: string) => parseActionText(text, { dueInWords: true });
    assert.deepEqual([words('Item @fay due 2026-12-14').due?.value, words('Item @fay due 2026-12-14').dueInWords, words('Item @fay due 2026-12-14').description], ['2026-12-14', 'due 2026-12-14', 'Item']);
    for (const [text, due] of [
      ['Rotate keys due on 2026-12-15 P2', '2026-12-15'],
      ['Rotate keys Due: 2026-12-15', '2026-12-15'],
      ['Rotate keys (deadline 2026-12-15)', '2026-12-15'],
      ['Rotate keys by 2026-12-15', '2026-12-15'],
      ['Rotate keys by 2026-12-15 @ana OPS-1', '2026-12-15'],
      ['Revert what was broken by 2026-12-15 deploy', undefined],
      ['Rotate keys overdue 2026-12-15', undefined],
      ['Rotate keys due 2026-12-32', undefined],
      ['Rotate keys due Dec 15', undefined],
    ] as const) assert.equal(words(text).due?.value, due, text);
    // The token wins; the words stay text. Without the option (a Due cell's reading) nothing is read.
    assert.deepEqual([words('A due:2026-12-20 due 2026-12-14').due?.value, words('A due:2026-12-20 due 2026-12-14').dueInWords], ['2026-12-20', undefined]);
    assert.equal(parseActionText('Item due 2026-12-14').due, undefined);
    // Hostile text: a long run of due words and spaces is read (in linear time) and holds no date.
    assert.equal(words(`${'due '.repeat(20_000)}by ${' '.repeat(50_000)}2026-12-14x`).due, undefined);
  });
});
