import assert from 'node:assert/strict';
import { parseActionText } from '../../../src/core/actions/itemGrammar';
import { lintText } from '../../../src/core/lint/engine';
import { readSummary } from '../../../src/core/api';

/**
 * Trial16a F10: an owner written bold (`**@kim**`) or as a link to the profile
 * (`[@kim](https://github.com/kim)`), as GitHub shows a mention, a full-width `＠kim` and a
 * full-width colon in `due：2026-12-20` (a Japanese or Chinese input method) were "no owner" / "no
 * due date" with the value in plain sight. They are read now, by every reader.
 */
describe('owners and due dates as people write them (trial16a F10)', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['**Bold** owner **@kim** due:2026-12-20', 'kim', '2026-12-20', '**Bold** owner'],
    ['Owner as link [@kim](https://github.com/kim) due:2026-12-20', 'kim', '2026-12-20', 'Owner as link'],
    ['Add pool alert \uff20kim due:2026-12-20', 'kim', '2026-12-20', 'Add pool alert'],
    ['Add pool alert @kim due\uff1a2026-12-20', 'kim', '2026-12-20', 'Add pool alert'],
  ];
  for (const [text, owner, due, description] of cases) {
    it(text, () => {
      const parsed = parseActionText(text);
      assert.equal(parsed.owner?.value, owner);
      assert.equal(parsed.due?.value, due);
      assert.equal(parsed.description, description);
    });
  }

  it('a link whose text is no lone handle stays a link: [runbook](url), [@kim and @lee](url)', () => {
    assert.equal(parseActionText('See [runbook](https://wiki/x) @lee').owner?.value, 'lee');
    assert.equal(parseActionText('Ask [@kim and @lee](https://x/y)').owner, undefined);
  });

  it('lint, the summary and the parser read the same owners; no missing-owner or missing-due', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-M', 'title: M', 'status: draft', '---', '', '## Action items', '',
      ...cases.slice(0, 4).map(([t]) => `- [ ] ${t}`), ''].join('\n');
    const { doc: parsed, diagnostics } = lintText(doc, { now: new Date('2026-12-07T00:00:00Z') });
    assert.deepEqual(parsed.actionItems.map((i) => i.owner?.value), ['kim', 'kim', 'kim', 'kim']);
    assert.deepEqual(readSummary(doc).actionItems.map((i) => [i.owner, i.due]), Array(4).fill(['kim', '2026-12-20']));
    assert.deepEqual(diagnostics.filter((d) => /actions\/missing-(owner|due)/.test(d.code)), []);
  });
});
