import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { lintText } from '../../../src/core/lint/engine';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { addReviewers, recordVerdict, type RecordResult } from '../../../src/core/review/recordEdits';
import type { TextEdit } from '../../../src/core/types';
import { readReviewState } from '../../../src/core/review/approvals';
import { approverNote } from '../../../src/core/review/approverNote';
import { parsePostmortem } from '../../../src/core/document/parse';
import { publishedPostmortem } from '../../shared/publishedPostmortem';

const published = (extra: string) => publishedPostmortem('PM-1', 'Checkout errors', extra);

/** The edits of a result that must have some (fails the test otherwise). */
function edits(result: RecordResult): TextEdit[] {
  assert.equal(result.kind, 'edits', result.kind === 'refused' ? result.message : '');
  return result.kind === 'edits' ? result.edits : [];
}

const codes = (text: string) => lintText(text, { now: new Date('2026-11-22T00:00:00Z') }).diagnostics.filter((d) => d.code.startsWith('review/not-approved') || d.code.startsWith('schema/'));

describe('review record (approvals)', () => {
  it('a published post-mortem without approvals is reported at its status, with what was found', () => {
    const found = codes(published(''));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.code, 'review/not-approved');
    assert.equal(found[0]!.message, 'Expected at least 1 approval under `approvals:` before publishing; found none');
    assert.equal(found[0]!.range.start.line, 4, 'on the status line');
  });

  it('counts each reviewer\'s latest verdict: changes requested after approving withdraws the approval', () => {
    const text = published(`approvals:
  - by: lee
    at: 2026-11-21T09:00:00Z
    verdict: approved
  - by: lee
    at: 2026-11-21T09:30:00Z
    verdict: changes-requested
    note: Root cause stops at the trigger
`);
    const state = readReviewState(parsePostmortem(text).meta);
    assert.deepEqual(state.approvedBy, []);
    assert.deepEqual(state.changesRequestedBy, ['lee']);
    assert.match(codes(text)[0]!.message, /found none; changes requested by @lee/);
    const approvedAgain = applyEdits(text, edits(recordVerdict(text, { by: 'lee', at: '2026-11-21T11:00:00Z', verdict: 'approved' }))).text;
    assert.deepEqual(codes(approvedAgain), [], 'approved again: nothing to report, and the entry the command wrote passes the schema');
  });

  // trial13a F4: the --require-approvals gate passed on approvals that cannot have happened.
  describe('an approval counts only when dated between the incident\'s end and now', () => {
    const approval = (at: string, by = 'lee') => `  - by: ${by}\n    at: ${at}\n    verdict: approved\n`;
    const messages = (text: string) => codes(text).filter((d) => d.code === 'review/not-approved').map((d) => d.message);

    it('an approval dated before resolved_at is not counted, and the message says why', () => {
      assert.deepEqual(messages(published(`approvals:\n${approval('2026-11-02T08:00:00Z')}`)), [
        'Expected at least 1 approval under `approvals:` before publishing; found none; not counted: @lee\'s approval dated 2026-11-02T08:00:00Z, before the incident\'s `resolved_at` (2026-11-20T15:10:00Z)',
      ]);
    });

    it('an approval dated after now (past 15 minutes of clock skew) is not counted; within the 15 minutes it is', () => {
      assert.deepEqual(messages(published(`approvals:\n${approval('2099-01-01T00:00:00Z')}`)), [
        'Expected at least 1 approval under `approvals:` before publishing; found none; not counted: @lee\'s approval dated 2099-01-01T00:00:00Z, after now (2026-11-22T00:00:00Z)',
      ]);
      assert.deepEqual(messages(published(`approvals:\n${approval('2026-11-22T00:14:00Z')}`)), [], '14 minutes ahead: clock skew');
      assert.equal(messages(published(`approvals:\n${approval('2026-11-22T00:16:00Z')}`)).length, 1, '16 minutes ahead');
    });

    it('without resolved_at the bound is started_at', () => {
      const text = published(`approvals:\n${approval('2026-11-20T14:00:00Z')}`).replace('resolved_at: 2026-11-20T15:10:00Z\n', '');
      assert.deepEqual(messages(text), [], 'after started_at (13:58Z): counted');
      const early = published(`approvals:\n${approval('2026-11-20T13:00:00Z')}`).replace('resolved_at: 2026-11-20T15:10:00Z\n', '');
      assert.match(messages(early)[0] ?? '', /before the incident's `started_at` \(2026-11-20T13:58:00Z\)/);
    });

    it('an approval whose at cannot be read is not counted (the schema reports its form too)', () => {
      assert.match(messages(published(`approvals:\n${approval('yesterday')}`))[0] ?? '', /found none; not counted: @lee's approval whose `at` \(yesterday\) cannot be read as a time$/);
    });

    it('another approval in the window still passes; the one left out does not block', () => {
      assert.deepEqual(messages(published(`approvals:\n${approval('2099-01-01T00:00:00Z')}${approval('2026-11-21T09:00:00Z', 'sam')}`)), []);
    });

    it('a later request for changes by the same reviewer withdraws the approval, and the message says so', () => {
      const text = published(`approvals:\n${approval('2026-11-21T09:00:00Z')}  - by: lee\n    at: 2026-11-21T09:30:00Z\n    verdict: changes-requested\n`);
      assert.deepEqual(messages(text), [
        'Expected at least 1 approval under `approvals:` before publishing; found none; changes requested by @lee at 2026-11-21T09:30:00Z (withdrawing their approval at 2026-11-21T09:00:00Z) is still open (a later approval by the same reviewer answers it)',
      ]);
    });

    it('a future-dated approval does not answer a request for changes made before it', () => {
      const text = published(`approvals:\n  - by: lee\n    at: 2026-11-21T09:30:00Z\n    verdict: changes-requested\n${approval('2099-01-01T00:00:00Z')}`);
      assert.match(messages(text)[0] ?? '', /found none; changes requested by @lee at 2026-11-21T09:30:00Z is still open .*; not counted: @lee's approval dated 2099/);
    });

    it('another reviewer\'s request for changes still open blocks publishing even with enough approvals', () => {
      const text = published(`approvals:\n${approval('2026-11-21T08:00:00Z')}  - by: sam\n    at: 2026-11-21T08:30:00Z\n    verdict: changes-requested\n    note: The root cause stops at the trigger.\n`);
      assert.deepEqual(messages(text), [
        'Expected no request for changes still open under `approvals:` before publishing; approved by @lee; changes requested by @sam at 2026-11-21T08:30:00Z is still open (a later approval by the same reviewer answers it)',
      ]);
      const answered = `${text.replace('---\n\n#', `${approval('2026-11-21T09:00:00Z', 'sam')}---\n\n#`)}`;
      assert.deepEqual(messages(answered), [], 'sam approved later: nothing open');
    });
  });

  // trial13b F8: the author approved their own post-mortem and the gate passed, though both requested reviewers had said nothing.
  describe('an approval by an author does not count', () => {
    const approval = (by: string) => `  - by: ${by}\n    at: 2026-11-21T09:00:00Z\n    verdict: approved\n`;
    const messages = (text: string) => codes(text).filter((d) => d.code === 'review/not-approved').map((d) => d.message);

    it('authors: [jonas] with reviewers dana, lena: jonas\'s approval is not counted, and the message names whom the review waits for', () => {
      assert.deepEqual(messages(published(`authors: [jonas]\nreviewers: [dana, lena]\napprovals:\n${approval('jonas')}`)), [
        'Expected at least 1 approval under `approvals:` before publishing; found none; not counted: @jonas\'s approval given by an author of this post-mortem (`authors`): a review needs someone other than its authors; no approval yet from the requested reviewers @dana, @lena',
      ]);
      assert.deepEqual(messages(published(`authors: [jonas]\nreviewers: [dana, lena]\napprovals:\n${approval('jonas')}${approval('dana')}`)), [], 'dana approved: counted');
    });

    it('reads author (one string), @handles, case and a handle inside a longer name', () => {
      for (const authors of ['author: jonas', 'authors: ["@Jonas"]', 'authors:\n  - Jonas Weber (@jonas)\n  - Priya', 'authors: jonas']) {
        const found = messages(published(`${authors}\napprovals:\n${approval('jonas')}`));
        assert.match(found[0] ?? '', /found none; not counted: @jonas's approval given by an author/, authors);
      }
      assert.deepEqual(messages(published(`authors: [jonas.weber]\napprovals:\n${approval('jonas')}`)), [], 'another handle: counted');
      assert.deepEqual(messages(published(`authors: ["ops@jonas.example"]\napprovals:\n${approval('jonas')}`)), [], 'an e-mail address is not a handle');
    });

    // trial15a F12: `authors: [dana@acme.com]` and the author's own `by: "@dana"` passed --require-approvals.
    it('an author written as an e-mail address is its local part too; an approver written as an address is compared by both', () => {
      for (const [authors, by] of [['authors: [dana@acme.com]', '"@dana"'], ['authors: ["Dana <dana@acme.com>"]', 'dana'], ['authors: [dana]', 'dana@acme.com'], ['authors: [dana@acme.com]', 'DANA@acme.com']]) {
        const found = messages(published(`${authors}\napprovals:\n${approval(by)}`));
        assert.match(found[0] ?? '', /found none; not counted: .* given by an author/, `${authors} / ${by}`);
      }
      assert.deepEqual(messages(published(`authors: [dana@acme.com]\napprovals:\n${approval('lena')}`)), [], 'someone else: counted');
    });

    // trial16a F15: `authors: [Kim Lee]` and the author's own `by: "kim.lee"` or `"@kim"` passed --require-approvals.
    it('an author written as a name: the same name as a handle is the author; a part of it is said as perhaps the author and not counted', () => {
      for (const by of ['kim.lee', '"@Kim_Lee"', 'kimlee', '"Kim Lee"']) {
        assert.match(messages(published(`authors: [Kim Lee]\napprovals:\n${approval(by)}`))[0] ?? '', /found none; not counted: @.*'s approval given by an author/, by);
      }
      for (const by of ['"@kim"', 'lee', 'klee', 'kiml']) {
        assert.match(messages(published(`authors: [Kim Lee, Priya]\napprovals:\n${approval(by)}`))[0] ?? '', /found none; not counted: @\w+'s approval perhaps given by an author: "Kim Lee" in `authors` may be @\w+, and a review needs someone other than its authors; if @\w+ is someone else, write the author's handle in `authors` \("Kim Lee \(@handle\)"\)/, by);
      }
      assert.deepEqual(messages(published(`authors: ["Kim Lee (@kimlee)"]\napprovals:\n${approval('kim')}`)), [], 'the author\'s handle written: another @kim counts');
      assert.deepEqual(messages(published(`authors: [Kim Lee]\napprovals:\n${approval('dana')}`)), [], 'someone else: counted');
      assert.deepEqual(messages(published(`authors: [jonas-weber]\napprovals:\n${approval('jonas')}`)), [], 'a hyphenated handle is no name');
      const meta = parsePostmortem(published('authors: [Kim Lee]\nreviewers: [dana]\n')).meta;
      assert.deepEqual(approverNote(meta, 'kim'), { counted: false, text: '"Kim Lee" in `authors` may be you (@kim): your approval is recorded but not counted toward the approvals publishing needs (review/not-approved); if you are someone else, write the author\'s handle in `authors` ("Kim Lee (@handle)"); ask @dana.' });
    });

    // trial19c F1: `authors: [Hana Sato (@hana)]` and the author's own `by: Hana Sato` (what Approve writes
    // from a full-name postmortem.userName) passed --require-approvals: only the handle was compared.
    it('an author written as a name with a handle or address: the whole name is the author too; part of it is not', () => {
      for (const [authors, by] of [['authors: ["Hana Sato (@hana)"]', 'Hana Sato'], ['authors: ["Hana Sato <hana@acme.com>"]', '"hana sato"'], ['authors: ["Hana Sato (@hs)", Priya]', 'hana.sato']]) {
        assert.match(messages(published(`${authors}\napprovals:\n${approval(by)}`))[0] ?? '', /found none; not counted: .*approval given by an author/, `${authors} / ${by}`);
      }
      assert.deepEqual(messages(published(`authors: ["Hana Sato (@hs)"]\napprovals:\n${approval('hana')}`)), [], 'part of the name, the handle written: someone else');
      assert.deepEqual(messages(published(`authors: ["Hana Sato (@hs)"]\napprovals:\n${approval('Hana Satomi')}`)), [], 'another name: counted');
    });

    it('the Approve command\'s note: an author is told the approval is not counted; someone not requested is told it counts', () => {
      const meta = parsePostmortem(published('authors: [jonas]\nreviewers: [dana, lena]\n')).meta;
      assert.deepEqual(approverNote(meta, '@Jonas'), { counted: false, text: 'You (@Jonas) are an author of this post-mortem (`authors`): your approval is recorded but not counted toward the approvals publishing needs (review/not-approved); ask @dana, @lena.' });
      assert.deepEqual(approverNote(meta, 'sam'), { counted: true, text: 'You (@sam) are not one of the requested reviewers (@dana, @lena); your approval counts.' });
      assert.equal(approverNote(meta, 'dana'), undefined, 'a requested reviewer: nothing to say');
    });
  });

  it('honours requiredApprovals and says how many were found', () => {
    const text = published('approvals:\n  - { by: lee, at: 2026-11-21T09:00:00Z, verdict: approved }\n');
    const two = lintText(text, { now: new Date('2026-11-22T00:00:00Z'), config: { ...DEFAULT_CONFIG, requiredApprovals: 2 } }).diagnostics.filter((d) => d.code === 'review/not-approved');
    assert.equal(two[0]?.message, 'Expected at least 2 approvals under `approvals:` before publishing; found 1 (@lee)');
  });

  it('the schema rejects a verdict that is not one of the two and a time that is not ISO', () => {
    const text = published('approvals:\n  - by: lee\n    at: yesterday\n    verdict: lgtm\n');
    const found = codes(text).map((d) => d.code);
    assert.ok(found.includes('schema/enum'), found.join());
    assert.ok(found.includes('schema/format'), found.join());
  });

  it('records a verdict after the last entry, keeping the list\'s indentation, with the note quoted when needed', () => {
    const text = published('approvals:\n- by: lee\n  at: 2026-11-21T09:00:00Z\n  verdict: approved\nreviewers: [lee]\n');
    const result = recordVerdict(text, { by: '@dana', at: '2026-11-21T12:00:00Z', verdict: 'changes-requested', note: 'Impact: add the numbers # please' });
    assert.equal(result.kind, 'edits');
    const out = applyEdits(text, edits(result)).text;
    assert.match(out, /verdict: approved\n- by: dana\n {2}at: 2026-11-21T12:00:00Z\n {2}verdict: changes-requested\n {2}note: "Impact: add the numbers # please"\nreviewers: \[lee\]\n/);
    assert.deepEqual(readReviewState(parsePostmortem(out).meta).changesRequestedBy, ['dana']);
  });

  it('creates approvals: before the closing --- when there is none; keeps CRLF', () => {
    const text = published('').replace(/\n/g, '\r\n');
    const out = applyEdits(text, edits(recordVerdict(text, { by: 'lee', at: '2026-11-21T12:00:00Z', verdict: 'approved' }))).text;
    assert.ok(out.includes('facilitator: dana\r\napprovals:\r\n  - by: lee\r\n    at: 2026-11-21T12:00:00Z\r\n    verdict: approved\r\n---\r\n'), JSON.stringify(out.slice(0, 400)));
    assert.deepEqual(codes(out), []);
  });

  it('refuses broken YAML, a missing front matter and a time not in UTC', () => {
    assert.equal(recordVerdict('# no front matter\n', { by: 'lee', at: '2026-11-21T12:00:00Z', verdict: 'approved' }).kind, 'refused');
    assert.equal(recordVerdict('---\ntitle: "open\n---\n', { by: 'lee', at: '2026-11-21T12:00:00Z', verdict: 'approved' }).kind, 'refused');
    assert.equal(recordVerdict(published(''), { by: 'lee', at: '2026-11-21 12:00', verdict: 'approved' }).kind, 'refused');
  });

  it('adds reviewers to a block list or a flow list, skipping those already there', () => {
    const block = published('reviewers:\n  - lee\n');
    const out = applyEdits(block, edits(addReviewers(block, ['@lee', 'sam', 'kim']))).text;
    assert.match(out, /reviewers:\n {2}- lee\n {2}- sam\n {2}- kim\n---/);
    const flow = published('reviewers: [lee]\n');
    const out2 = applyEdits(flow, edits(addReviewers(flow, ['sam']))).text;
    assert.match(out2, /reviewers: \[lee, sam\]\n/);
    assert.equal(addReviewers(flow, ['lee']).kind, 'refused');
  });
});

// trial19c F8: `facilitator: TBD` satisfied the in-review requirement without a word.
describe('a placeholder facilitator', () => {
  const lintAt = (status: string, facilitator: string) =>
    lintText(`---\ntype: postmortem\nid: PM-1\ntitle: T\nstatus: ${status}\nfacilitator: ${facilitator}\n---\n# T\n`, { now: new Date('2026-11-22T00:00:00Z') }).diagnostics.filter((d) => d.code === 'review/no-facilitator');
  it('is reported as naming nobody, as written, a warning from in-review on and info in a draft', () => {
    for (const [status, severity] of [['in-review', 'warning'], ['published', 'warning'], ['draft', 'info']] as const) {
      for (const written of ['TBD', 'TODO', '"@someone"', '"?"']) {
        const found = lintAt(status, written);
        assert.equal(found.length, 1, `${status} ${written}`);
        assert.equal(found[0]!.severity, severity);
        assert.match(found[0]!.message, /^Expected a `facilitator` who runs the review, found "[^"]+", which names nobody yet$/);
        assert.equal(found[0]!.range.start.line, 5, 'on the value');
      }
    }
  });
  it('a person is no placeholder', () => {
    for (const status of ['draft', 'in-review']) assert.deepEqual(lintAt(status, '"@dana"'), []);
  });
});
