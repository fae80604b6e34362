/**
 * Edits other than lint fixes that add to the front matter (the review record's approvals and
 * reviewers, the impact values copied from the Impact table) put block YAML before the closing
 * `---`; after a front matter written as one flow mapping that is no YAML, and every value of the
 * file is lost to every reader (trial15a F10). They now write inside the braces, or refuse and say so.
 */
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readFrontMatter } from '../../../src/core/document/frontMatter';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { addReviewers, recordVerdict } from '../../../src/core/review/recordEdits';
import { fillFrontMatterFromTable } from '../../../src/core/rules/impact/impactFixes';
import { LineIndex } from '../../../src/core/text/lineIndex';

const BODY = '# T\n\n## Impact\n\n| Measure | Value |\n| --- | --- |\n| Users affected | 1200 |\n| Downtime (minutes) | 47 |\n';
const doc = (yaml: string) => `---\n${yaml}\n---\n${BODY}`;
const dataOf = (text: string) => {
  const fm = readFrontMatter(new LineIndex(text))!;
  assert.deepEqual(fm.problems, [], text);
  return fm.data;
};
const FLOW = '{type: postmortem, id: PM-1, title: t, status: in-review, facilitator: dana}';
const VERDICT = { by: 'lee', at: '2026-11-21T12:00:00Z', verdict: 'approved', note: 'ok, ship it' } as const;

describe('review records and impact values in a flow-style front matter (trial15a F10)', () => {
  it('records a verdict as a flow list inside the braces, then appends to it', () => {
    const text = doc(FLOW);
    const first = recordVerdict(text, VERDICT);
    assert.equal(first.kind, 'edits');
    const once = applyEdits(text, first.kind === 'edits' ? first.edits : []).text;
    assert.equal(once.split('\n')[1], '{type: postmortem, id: PM-1, title: t, status: in-review, facilitator: dana, approvals: [{by: lee, at: 2026-11-21T12:00:00Z, verdict: approved, note: "ok, ship it"}]}');
    const second = recordVerdict(once, { by: 'sam', at: '2026-11-21T13:00:00Z', verdict: 'changes-requested' });
    const twice = applyEdits(once, second.kind === 'edits' ? second.edits : []).text;
    assert.deepEqual(dataOf(twice)?.approvals, [
      { by: 'lee', at: '2026-11-21T12:00:00Z', verdict: 'approved', note: 'ok, ship it' },
      { by: 'sam', at: '2026-11-21T13:00:00Z', verdict: 'changes-requested' },
    ]);
  });

  it('adds reviewers inside the braces; refuses a `reviewers` that is not a list, saying why', () => {
    const text = doc(FLOW);
    const added = addReviewers(text, ['kim', 'a, b']);
    assert.equal(added.kind, 'edits');
    assert.deepEqual(dataOf(applyEdits(text, added.kind === 'edits' ? added.edits : []).text)?.reviewers, ['kim', 'a, b']);
    const scalar = doc('{type: postmortem, reviewers: lee}');
    const refused = addReviewers(scalar, ['kim']);
    assert.deepEqual(refused, { kind: 'refused', message: 'The front matter is written as one flow mapping ({…}) and `reviewers` is not a list written [like, this]; add kim to `reviewers` by hand.' });
  });

  it('copies the Impact table\'s numbers into the braces, or into a flow `impact: {…}`', () => {
    for (const [yaml, impact] of [
      [FLOW, { users_affected: 1200, downtime_minutes: 47 }],
      ['{type: postmortem, impact: {users_affected: 1200}}', { users_affected: 1200, downtime_minutes: 47 }],
      ['type: postmortem\nimpact: {users_affected: 1200, }', { users_affected: 1200, downtime_minutes: 47 }],
    ] as const) {
      const text = doc(yaml);
      const fix = fillFrontMatterFromTable(parsePostmortem(text));
      assert.ok(fix, yaml);
      assert.deepEqual(dataOf(applyEdits(text, fix.edits).text)?.impact, impact, yaml);
    }
  });
});
