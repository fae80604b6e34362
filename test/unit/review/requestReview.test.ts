import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { requestReviewEdits } from '../../../src/core/review/recordEdits';
import { reviewerChoices } from '../../../src/core/review/reviewerChoices';

const pm = (front: string) => `---\ntype: postmortem\ntitle: Checkout failover\n${front}---\n\n# Checkout failover\n`;
const after = (text: string, names: string[]) => {
  const r = requestReviewEdits(text, names);
  assert.equal(r.kind, 'edits', r.kind === 'refused' ? r.message : '');
  return { ...r, text: applyEdits(text, r.kind === 'edits' ? r.edits : []).text } as Extract<ReturnType<typeof requestReviewEdits>, { kind: 'edits' }> & { text: string };
};

// trial18b F3: Request Review left the draft a draft, so the in-review checks and Approve's criteria stayed off.
describe('Request Review: a draft moves to in-review in the same edit as the reviewers', () => {
  it('a draft: the reviewer added and status: in-review, in one edit; said as moved from draft', () => {
    const r = after(pm('status: draft\nauthors: [asha]\nreviewers: [lee, sam]\n'), ['dana']);
    assert.equal(r.edits.length, 1);
    assert.equal(r.text, pm('status: in-review\nauthors: [asha]\nreviewers: [lee, sam, dana]\n'));
    assert.deepEqual([r.added, r.already, r.movedFrom, r.statusNote], [['dana'], [], 'draft', undefined]);
  });

  it('naming only reviewers already listed still starts the review (it said "Everyone named is already a reviewer.")', () => {
    const r = after(pm('status: "draft"\nreviewers:\n  - lee\n'), ['@lee']);
    assert.equal(r.text, pm('status: in-review\nreviewers:\n  - lee\n'));
    assert.deepEqual([r.added, r.already], [[], ['lee']]);
  });

  it('a flow-mapping front matter is edited in place and read back', () => {
    const text = '---\n{type: postmortem, title: T, status: draft, reviewers: [lee]}\n---\n\n# T\n';
    const r = after(text, ['dana']);
    assert.equal(r.text, '---\n{type: postmortem, title: T, status: in-review, reviewers: [lee, dana]}\n---\n\n# T\n');
  });

  it('in-review and published keep their status; published and a missing status say so', () => {
    const review = after(pm('status: in-review\n'), ['dana']);
    assert.equal(review.text, pm('status: in-review\nreviewers:\n  - dana\n'));
    assert.equal(review.statusNote, undefined);
    assert.equal(after(pm('status: published\n'), ['dana']).statusNote, 'status stays published');
    assert.match(after(pm(''), ['dana']).statusNote!, /no `status:`; add `status: in-review`/);
  });

  it('nothing to do: refused with who is listed and the status', () => {
    const r = requestReviewEdits(pm('status: in-review\nreviewers: [lee]\n'), ['lee']);
    assert.deepEqual(r, { kind: 'refused', message: 'Everyone named is already a reviewer (@lee), and the status is in-review already.' });
    assert.equal(requestReviewEdits(pm('status: [draft\n'), ['lee']).kind, 'refused');
  });
});

describe('Request Review: whom the picker offers', () => {
  it('the reviewers listed (checked), you, the workspace\'s owners and the authors (marked), each once', () => {
    const meta = { status: 'draft', authors: ['asha'], reviewers: ['lee', 'sam'] };
    const choices = reviewerChoices(meta, ['dana', 'Lee', 'asha'], 'kim');
    assert.deepEqual(choices.map((c) => [c.handle, c.listed, c.why]), [
      ['lee', true, 'already a reviewer'],
      ['sam', true, 'already a reviewer'],
      ['kim', false, 'you (postmortem.userName)'],
      ['dana', false, 'owns action items in this workspace'],
      ['asha', false, 'owns action items in this workspace; an author: their approval does not count'],
    ]);
  });
  it('with no owners in the workspace, the reviewers and authors are still offered (@sam was missing)', () => {
    assert.deepEqual(reviewerChoices({ authors: ['@asha'], reviewers: ['sam'] }, [], undefined).map((c) => c.handle), ['sam', 'asha']);
  });
});

describe('palette: the review commands are found by "review"', () => {
  it('Request Review and Request Changes carry the word in their palette label', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { contributes: { commands: { command: string; title: string; category?: string }[] } };
    for (const id of ['postmortem.requestReview', 'postmortem.requestChanges']) {
      const c = manifest.contributes.commands.find((x) => x.command === id)!;
      assert.match(`${c.category}: ${c.title}`, /review/i, id);
    }
  });
});
