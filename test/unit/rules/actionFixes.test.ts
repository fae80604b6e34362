/**
 * The fixes of actions/missing-owner, actions/missing-due and actions/overdue, applied as a person
 * would pick them (task items and action tables), and never applied by fix-all: every one of them
 * is a choice (whose item, which date, is it really done).
 */
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../src/core/config/resolve';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText, type LintOptions } from '../../../src/core/lint/engine';
import { applyFixInput, checkFixInput, pastDueNote } from '../../../src/core/rules/actions/fixInput';
import type { Diagnostic, Fix } from '../../../src/core/types';

const NOW = new Date('2026-11-27T12:00:00Z');

const TASKS = `---
type: postmortem
title: t
status: in-review
---
# T

## Action items

- [ ] Add a pool alert due:2026-12-20 <!-- reviewer: which pool? -->
- [ ] Rotate the keys @ana
- [ ] Drop the old pool @bob due:2026-11-20 P2
`;

const TABLE = `---
type: postmortem
title: t
status: in-review
---
# T

## Action items

| Action | Owner | Due | Status |
|--------|-------|-----|--------|
| Add a pool alert |  | 2026-12-20 | open |
| Rotate the keys | ana | | open |
| Drop the old pool | bob | 2026-11-20 | |
`;

function diagnostic(text: string, code: string, options: LintOptions = {}): Diagnostic {
  const d = lintText(text, { now: NOW, ...options }).diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  return d;
}

function apply(text: string, fix: Fix, value?: string): string {
  let f = fix;
  if (value !== undefined) {
    const r = applyFixInput(fix, value);
    assert.ok('fix' in r, 'problem' in r ? r.problem : '');
    f = r.fix;
  }
  return applyEdits(text, f.edits).text;
}

function line(text: string, n: number): string {
  return text.split('\n')[n];
}

describe('action item fixes', () => {
  describe('actions/missing-owner', () => {
    it('offers "Assign to @you" and "Assign an owner…" with your name and the workspace\'s owners as choices', () => {
      const d = diagnostic(TASKS, 'actions/missing-owner', { fixFacts: { userName: 'dana', knownOwners: ['ana', 'dana', 'li'] } });
      assert.deepEqual(d.fixes!.map((f) => f.title), ['Assign to @dana (you)', 'Assign an owner…']);
      assert.deepEqual(d.fixes![1].input?.choices, ['dana', 'ana', 'li']);
      assert.equal(line(apply(TASKS, d.fixes![0]), 9), '- [ ] Add a pool alert due:2026-12-20 @dana <!-- reviewer: which pool? -->');
      assert.equal(line(apply(TASKS, d.fixes![1], '@li'), 9), '- [ ] Add a pool alert due:2026-12-20 @li <!-- reviewer: which pool? -->');
    });

    it('without a name or an index, still asks for an owner (no choices to guess from)', () => {
      const d = diagnostic(TASKS, 'actions/missing-owner');
      assert.deepEqual(d.fixes!.map((f) => [f.title, f.input?.choices]), [['Assign an owner…', []]]);
    });

    it('writes into the Owner cell of an action table', () => {
      const d = diagnostic(TABLE, 'actions/missing-owner');
      const fixed = apply(TABLE, d.fixes![0], 'zoë');
      assert.equal(line(fixed, 11), '| Add a pool alert | @zoë | 2026-12-20 | open |');
      assert.equal(lintText(fixed, { now: NOW }).diagnostics.filter((x) => x.code === 'actions/missing-owner').length, 0);
    });

    it('refuses a value that is not a handle, saying what is expected', () => {
      const fix = diagnostic(TASKS, 'actions/missing-owner').fixes![0];
      const r = applyFixInput(fix, 'Dana Lee');
      assert.ok('problem' in r);
      assert.match(r.problem, /handle/);
      assert.deepEqual(checkFixInput('owner', ' @王伟 '), { value: '王伟' });
    });

    // trial14b F8: "2027-02-30" got "Expected a date as YYYY-MM-DD" (it has that shape), and a past date passed without a word.
    it('a date that does not exist says why; a past date is accepted with a note', () => {
      assert.deepEqual(checkFixInput('date', '2027-02-30'), { problem: 'Expected a real date: 2027-02-30 does not exist (February 2027 has 28 days)' });
      assert.deepEqual(checkFixInput('date', 'next week'), { problem: 'Expected a date as YYYY-MM-DD, like 2026-12-10' });
      assert.deepEqual(checkFixInput('date', '2026-12-01'), { value: '2026-12-01' });
      assert.equal(pastDueNote('2026-12-01', '2026-12-07'), '2026-12-01 is 6 days ago (today is 2026-12-07): the item will be overdue as soon as it is written');
      assert.equal(pastDueNote('2026-12-06', '2026-12-07'), '2026-12-06 is yesterday (today is 2026-12-07): the item will be overdue as soon as it is written');
      assert.equal(pastDueNote('2026-12-07', '2026-12-07'), undefined, 'due today is not overdue');
      assert.equal(pastDueNote('2027-01-02', '2026-12-07'), undefined);
    });
  });

  describe('actions/missing-due', () => {
    it('offers the default (+14 days, from the writer\'s date) and "Pick a due date…"', () => {
      const d = diagnostic(TASKS, 'actions/missing-due', { fixFacts: { today: '2026-11-28' } });
      assert.deepEqual(d.fixes!.map((f) => f.title), ['Set the due date to 2026-12-12 (14 days from today)', 'Pick a due date…']);
      assert.deepEqual(d.fixes![1].input?.choices, ['2026-12-12', '2026-12-05', '2026-12-28']);
      assert.equal(line(apply(TASKS, d.fixes![0]), 10), '- [ ] Rotate the keys @ana due:2026-12-12');
      assert.equal(line(apply(TASKS, d.fixes![1], '2027-01-15'), 10), '- [ ] Rotate the keys @ana due:2027-01-15');
      assert.ok('problem' in applyFixInput(d.fixes![1], '2027-02-30'), 'a date that does not exist is refused');
    });

    it('says when it took today in UTC, and follows defaultDueDays', () => {
      const d = diagnostic(TASKS, 'actions/missing-due', { config: resolveConfig({ defaultDueDays: 7 }) });
      assert.equal(d.fixes![0].title, 'Set the due date to 2026-12-04 (7 days from today in UTC)');
    });

    it('writes into the Due cell of an action table', () => {
      const d = diagnostic(TABLE, 'actions/missing-due', { fixFacts: { today: '2026-11-27' } });
      assert.equal(line(apply(TABLE, d.fixes![0]), 12), '| Rotate the keys | ana | 2026-12-11 | open |');
    });
  });

  describe('actions/overdue', () => {
    it('marks done today, moves the date a week from today, or takes a picked date', () => {
      const d = diagnostic(TASKS, 'actions/overdue', { fixFacts: { today: '2026-11-27' } });
      assert.deepEqual(d.fixes!.map((f) => f.title), ['Mark done (done:2026-11-27, today)', 'Move the due date to 2026-12-04 (a week from today)', 'Pick a new due date…']);
      assert.equal(line(apply(TASKS, d.fixes![0]), 11), '- [x] Drop the old pool @bob due:2026-11-20 P2 done:2026-11-27');
      assert.equal(line(apply(TASKS, d.fixes![1]), 11), '- [ ] Drop the old pool @bob due:2026-12-04 P2');
      assert.equal(line(apply(TASKS, d.fixes![2], '2026-12-24'), 11), '- [ ] Drop the old pool @bob due:2026-12-24 P2');
    });

    it('in a table, writes Done with today\'s date in the Status cell and the date in the Due cell', () => {
      const d = diagnostic(TABLE, 'actions/overdue', { fixFacts: { today: '2026-11-27' } });
      assert.equal(d.fixes![0].title, 'Mark done (Status: Done (2026-11-27), today)');
      assert.equal(line(apply(TABLE, d.fixes![0]), 13), '| Drop the old pool | bob | 2026-11-20 | Done (2026-11-27) |');
      assert.equal(line(apply(TABLE, d.fixes![1]), 13), '| Drop the old pool | bob | 2026-12-04 | |');
      // A due: token in the action cell stays a token.
      const tokenRow = TABLE.replace('| Drop the old pool | bob | 2026-11-20 | |', '| Drop the old pool due:2026-11-20 | bob | | |');
      const t = diagnostic(tokenRow, 'actions/overdue', { fixFacts: { today: '2026-11-27' } });
      assert.equal(line(apply(tokenRow, t.fixes![1]), 13), '| Drop the old pool due:2026-12-04 | bob | | |');
      const done = apply(TABLE, d.fixes![0]);
      assert.equal(lintText(done, { now: NOW }).diagnostics.filter((x) => x.code === 'actions/overdue').length, 0);
    });
  });

  describe('actions/overdue counts on the writer\'s calendar (trial C11)', () => {
    const DUE = TASKS.replace('due:2026-11-20', 'due:2026-11-27');
    // 2026-11-28T01:00Z is still the 27th in Los Angeles (17:00 PST) and Honolulu.
    const lateInTheAmericas = new Date('2026-11-28T01:00:00Z');
    it('is not overdue on its due day where the writer is, though UTC has moved on', () => {
      const overdue = lintText(DUE, { now: lateInTheAmericas, fixFacts: { today: '2026-11-27' } }).diagnostics.filter((d) => d.code === 'actions/overdue');
      assert.deepEqual(overdue, []);
    });
    it('is overdue the next day where the writer is, and the fix\'s "today" is that same day', () => {
      const d = diagnostic(DUE, 'actions/overdue', { now: lateInTheAmericas, fixFacts: { today: '2026-11-28' } });
      assert.match(d.message, /to be done by 2026-11-27; it is 1 day overdue \(mark it done/);
      assert.equal(d.fixes![0].title, 'Mark done (done:2026-11-28, today)');
    });
    it('says it counts in UTC when the host does not know the writer\'s zone', () => {
      const d = diagnostic(DUE, 'actions/overdue', { now: lateInTheAmericas });
      assert.match(d.message, /1 day overdue \(dates in UTC\)/);
      assert.equal(d.fixes![0].title, 'Mark done (done:2026-11-28, today in UTC)');
    });
  });

  it('fix-all applies none of them: each is a person\'s choice', () => {
    const options = { now: NOW, fixFacts: { userName: 'dana', knownOwners: ['ana'], today: '2026-11-27' } };
    for (const text of [TASKS, TABLE]) {
      const result = fixAll(text, options);
      for (const code of ['actions/missing-owner', 'actions/missing-due', 'actions/overdue']) assert.equal(result.fixed[code], undefined, code);
      const fixes = lintText(text, options).diagnostics.filter((d) => d.code.startsWith('actions/')).flatMap((d) => d.fixes ?? []);
      assert.ok(fixes.length >= 5);
      assert.ok(fixes.every((f) => !f.isPreferred));
    }
  });
});

describe('one owner and one due date in an action table (trial T12)', () => {
  const ROWS = `---
type: postmortem
title: t
status: in-review
---
# T

## Action items

| Action | Owner | Due | Status |
|--------|-------|-----|--------|
| Add eviction alert | @alice, @bob | 2026-12-20 | open |
| Review capacity | Carol | 2026-12-20, 2026-12-27 | open |
`;
  it('keeps either person as the owner by removing the other from the Owner cell', () => {
    const d = diagnostic(ROWS, 'actions/one-owner');
    assert.equal(d.range.start.line, 11);
    assert.match(apply(ROWS, d.fixes![0]), /^\| Add eviction alert \| @alice \| 2026-12-20 \| open \|$/m);
    assert.match(apply(ROWS, d.fixes![1]), /^\| Add eviction alert \| @bob \| 2026-12-20 \| open \|$/m);
  });
  it('keeps either date alone in the Due cell', () => {
    const d = diagnostic(ROWS, 'actions/one-due');
    assert.deepEqual(d.fixes!.map((f) => f.title), ['Keep due 2026-12-20 (remove 2026-12-27)', 'Keep due 2026-12-27 (remove 2026-12-20)']);
    assert.match(apply(ROWS, d.fixes![0]), /^\| Review capacity \| Carol \| 2026-12-20 \| open \|$/m);
    assert.match(apply(ROWS, d.fixes![1]), /^\| Review capacity \| Carol \| 2026-12-27 \| open \|$/m);
  });
  it('reads a mention in the action text and another person in the Owner cell as two people', () => {
    const text = ROWS.replace('| Add eviction alert | @alice, @bob |', '| Pair with @ana | li |');
    const d = diagnostic(text, 'actions/one-owner');
    assert.match(d.message, /found @ana and li on "Pair with": @ana is read as the owner and li is not read as an owner/);
    assert.match(apply(text, d.fixes![1]), /^\| Pair with ana \| li \|/m);
    assert.equal(lintText(ROWS.replace('| Add eviction alert | @alice, @bob |', '| Pair with @li | Li |'), { now: NOW }).diagnostics.filter((x) => x.code === 'actions/one-owner').length, 0, 'the same person twice is one owner');
  });
});

describe('actions/bad-owner: @Devon/Kevin, two people or a team', () => {
  const PAIR = TASKS.replace('- [ ] Rotate the keys @ana', '- [ ] Rotate the keys @Devon/Kevin');

  it('offers each reading, none preferred: either person as the owner with the other in brackets, or the team as GitHub writes it', () => {
    const d = diagnostic(PAIR, 'actions/bad-owner');
    assert.deepEqual(d.fixes!.map((f) => [f.title, f.isPreferred ?? false]), [
      ['Make @Devon the owner (Kevin kept in the text)', false], ['Make @Kevin the owner (Devon kept in the text)', false], ['It is a GitHub team: write it @devon/kevin', false]]);
    const owners = d.fixes!.map((f) => lintText(apply(PAIR, f), { now: NOW }).diagnostics.filter((x) => x.code === 'actions/bad-owner').length);
    assert.deepEqual(owners, [0, 0, 0], 'each fix leaves a token every reader takes as the owner');
    assert.equal(line(apply(PAIR, d.fixes![0]), 10), '- [ ] Rotate the keys @Devon (Kevin)');
    assert.equal(fixAll(PAIR, { now: NOW }).fixed['actions/bad-owner'], undefined);
  });
});

describe('actions/struck-out (trial11 T10)', () => {
  const STRUCK = ['---', 'type: postmortem', 'title: t', 'status: draft', '---', '# T', '', '## Action items', '',
    '- [ ] ~~Drop the old pool~~ @lee due:2026-11-02', '- [ ] Keep this @ana due:2026-12-20', ''].join('\n');

  it('offers to tick the item (done today) or delete its line, and fix-all does neither', () => {
    const d = diagnostic(STRUCK, 'actions/struck-out', { fixFacts: { today: '2026-11-27' } });
    assert.match(d.message, /"~~Drop the old pool~~" to be ticked \(done\) or deleted: its box is not ticked, so it is still counted as open and overdue/);
    assert.deepEqual(d.fixes!.map((f) => f.title), ['Mark done (done:2026-11-27, today)', 'Delete the item']);
    assert.equal(line(apply(STRUCK, d.fixes![0]), 9), '- [x] ~~Drop the old pool~~ @lee due:2026-11-02 done:2026-11-27');
    assert.deepEqual(apply(STRUCK, d.fixes![1]).split('\n').slice(8), ['', '- [ ] Keep this @ana due:2026-12-20', '']);
    assert.equal(fixAll(STRUCK, { now: NOW }).fixed['actions/struck-out'], undefined);
    assert.ok(d.fixes!.every((f) => !f.isPreferred));
  });

  it('does not offer to delete an item whose next line goes on (a note or sub-item would be left behind)', () => {
    const withNote = STRUCK.replace('due:2026-11-02\n', 'due:2026-11-02\n  replaced by the new pool\n');
    const d = diagnostic(withNote, 'actions/struck-out');
    assert.deepEqual(d.fixes!.map((f) => f.title), ['Mark done (done:2026-11-27, today in UTC)']);
  });

  it('reads the item as its readers do: a struck task line with a note under it, a strike over two lines, not a struck note alone', () => {
    const text = STRUCK.replace('- [ ] ~~Drop the old pool~~ @lee due:2026-11-02\n', [
      '- [ ] ~~Add alert~~', '  owner @a, due 2026-12-20',
      '- [ ] ~~Retire the old pool', '  and its replica~~',
      '- [ ] Keep the pool @lee', '  ~~was: retire it~~', ''].join('\n'));
    const lines = (codes: readonly { code: string; range: { start: { line: number } } }[]) => codes.filter((d) => d.code === 'actions/struck-out').map((d) => d.range.start.line + 1);
    assert.deepEqual(lines(lintText(text, { now: NOW }).diagnostics), [10, 12]);
  });

  it('still counts the item as open: the checkbox decides', () => {
    const doc = lintText(STRUCK, { now: NOW });
    assert.equal(doc.diagnostics.filter((x) => x.code === 'actions/overdue').length, 1);
  });
});
