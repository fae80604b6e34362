/**
 * One person is one owner however the handle is written (`@alex`, `alex` in an Owner cell, `@Alex`),
 * and a placeholder (`@owner`, `@someone`, `TBD`) is nobody: the metrics, the index behind
 * `postmortem actions` and the sidebar, and the owners offered in fixes agree, and lint says which
 * owner is a placeholder.
 */
import assert from 'node:assert/strict';
import { isPlaceholderOwner, shownPlaceholderOwner } from '../../../src/core/actions/placeholders';
import { WorkspaceIndex } from '../../../src/core/index';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { computeMetrics } from '../../../src/core/metrics';

const NOW = new Date('2026-12-06T12:00:00Z');

function pm(id: string, items: string): string {
  return `---\ntype: postmortem\nid: ${id}\ntitle: Incident ${id}\nstatus: in-review\nstarted_at: 2026-11-20T13:58:00Z\nresolved_at: 2026-11-20T15:10:00Z\n---\n\n## Action items\n\n${items}\n`;
}

const A = pm('PM-A', '- [ ] Add alert @alex due:2026-12-20\n- [ ] Write runbook @Alex due:2026-12-21\n- [ ] Fill in later @owner due:2026-12-22\n- [ ] Someone has to @someone due:2026-12-23');
const B = pm('PM-B', '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | alex | 2026-12-24 | open |\n| Capacity plan | TBD | 2026-12-25 | open |\n| Rotate keys | @dana | 2026-12-26 | done |');

describe('action-item owners: one person, one owner; placeholders are nobody', () => {
  it('the metrics count @alex, @Alex and an Owner cell alex as one owner, and placeholders as no owner', () => {
    const m = computeMetrics([{ uri: 'a.md', text: A }, { uri: 'b.md', text: B }], { now: NOW });
    assert.deepEqual(m.actions.byOwner.map((o) => [o.key, o.total, o.open]), [['(no owner)', 3, 3], ['alex', 3, 3], ['dana', 1, 0]]);
  });

  it('the index keeps the placeholder as written apart from the owner, and lists each person once', () => {
    const a = readSummary(A);
    assert.deepEqual(a.actionItems.map((i) => [i.owner, i.placeholderOwner]), [['alex', undefined], ['Alex', undefined], [undefined, 'owner'], [undefined, 'someone']]);
    assert.deepEqual(a.owners, ['alex']);
    const b = readSummary(B);
    assert.deepEqual(b.actionItems.map((i) => [i.owner, i.placeholderOwner]), [['alex', undefined], [undefined, 'TBD'], ['dana', undefined]]);
    const index = new WorkspaceIndex();
    index.set('a.md', A);
    index.set('b.md', B);
    assert.deepEqual(index.owners(), ['alex', 'dana'], 'no "owner", "someone" or "TBD" offered as a person');
    assert.deepEqual(index.openItems({ owner: '@ALEX' }).map((o) => o.item.description), ['Add alert', 'Write runbook', 'Load test']);
    assert.deepEqual(index.openItems({ owner: 'TBD' }), [], 'a placeholder is no one to filter by');
  });

  it('lint names each placeholder owner (actions/placeholder), in the list form and the table form', () => {
    const messages = (text: string) => lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/placeholder').map((d) => d.message.replace(/^.*found the placeholder /, ''));
    assert.deepEqual(messages(A), ['the owner @owner: replace it or delete it', 'the owner @someone: replace it or delete it']);
    assert.deepEqual(messages(B), ['the owner @TBD: replace it or delete it']);
  });

  it('knows a placeholder dressed up in a cell or written in words, and shows it without a stray @', () => {
    for (const p of ['TBD?', 'TBD.', '*TBD*', '`TBD`', 'Who?', 'Not assigned', 'No  owner', 'To be decided', 'to be assigned', 'pending']) assert.equal(isPlaceholderOwner(p), true, p);
    for (const p of ['@tk', 'TK', 'Tod', 'Ted', '@team-sre', 'Alex (SRE)', 'Eng/Ops', `${'TBD '.repeat(20)}?`]) assert.equal(isPlaceholderOwner(p), false, p);
    const C = pm('PM-C', '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | Not assigned | 2026-12-24 | open |\n| Plan | — | 2026-12-25 | open |\n| Alert | *TBD* | 2026-12-26 | open |\n| Rotate | TK | 2026-12-27 | open |');
    assert.deepEqual(readSummary(C).actionItems.map((i) => [i.owner, i.placeholderOwner]), [[undefined, 'Not assigned'], [undefined, '—'], [undefined, '*TBD*'], ['TK', undefined]]);
    const messages = lintText(C, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/placeholder').map((d) => d.message.replace(/^.*found the placeholder /, ''));
    assert.deepEqual(messages, ['the owner "Not assigned": replace it or delete it', 'the owner "—": replace it or delete it', 'the owner "*TBD*": replace it or delete it']);
    assert.equal(shownPlaceholderOwner('TBD'), '@TBD');
    assert.equal(shownPlaceholderOwner('@someone'), '@someone');
  });

  it('the first real person is the owner when a placeholder comes first: in the text, the Owner cell, or one each', () => {
    const D = pm('PM-D', '- [ ] Fix it @TBD @alex due:2026-12-20\n- [ ] Page on lag @alex @someone due:2026-12-21\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | TBD, dana | 2026-12-24 | open |\n| Plan @TBD | dana | 2026-12-25 | open |');
    // The index behind `postmortem actions` and the sidebar, and the owners offered.
    const summary = readSummary(D);
    assert.deepEqual(summary.actionItems.map((i) => [i.owner, i.placeholderOwner]), [['alex', undefined], ['alex', undefined], ['dana', undefined], ['dana', undefined]]);
    assert.deepEqual(summary.owners, ['alex', 'dana']);
    const index = new WorkspaceIndex();
    index.set('d.md', D);
    assert.deepEqual(index.openItems({ owner: 'alex' }).map((o) => o.item.description), ['Fix it @TBD', 'Page on lag @someone'], 'the placeholder stays in the text as written');
    // The metrics: no item counted under "(no owner)".
    const m = computeMetrics([{ uri: 'd.md', text: D }], { now: NOW });
    assert.deepEqual(m.actions.byOwner.map((o) => [o.key, o.total]), [['alex', 2], ['dana', 2]]);
    // Lint: one-owner says to remove the placeholder (no "@TBD is read as the owner"), and its fix does.
    const oneOwner = lintText(D, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/one-owner');
    assert.deepEqual(oneOwner.map((d) => d.message.replace(/ on ".*?":/, ':')), [
      'Expected one owner per action item, found the placeholder @TBD beside @alex: @alex is read as the owner; remove @TBD',
      'Expected one owner per action item, found the placeholder @someone beside @alex: @alex is read as the owner; remove @someone',
      'Expected one owner per action item, found the placeholder TBD beside dana: dana is read as the owner; remove TBD',
      'Expected one owner per action item, found the placeholder @TBD beside dana: dana is read as the owner; remove @TBD',
    ]);
    const lines = D.split('\n');
    const fixed = oneOwner.map((d) => {
      const edit = d.fixes![0].edits[0];
      const line = lines[edit.range.start.line];
      return line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    });
    assert.deepEqual(fixed, ['- [ ] Fix it @alex due:2026-12-20', '- [ ] Page on lag @alex due:2026-12-21', '| Load test | dana | 2026-12-24 | open |', '| Plan | dana | 2026-12-25 | open |']);
    assert.ok(!lintText(D, { now: NOW }).diagnostics.some((d) => d.code === 'actions/placeholder'), 'no owner left to replace');
  });

  it('"tbd (alex)" in an Owner cell is a placeholder, and lint names alex as the one who may be meant', () => {
    for (const p of ['tbd (alex)', 'TBD / alex', 'TBD (@alex)', 'unassigned (ask Dana)']) assert.equal(isPlaceholderOwner(p), true, p);
    const E = pm('PM-E', '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | tbd (alex) | 2026-12-24 | open |');
    assert.deepEqual(readSummary(E).actionItems.map((i) => [i.owner, i.placeholderOwner]), [[undefined, 'tbd (alex)']]);
    assert.deepEqual(computeMetrics([{ uri: 'e.md', text: E }], { now: NOW }).actions.byOwner.map((o) => o.key), ['(no owner)']);
    const messages = lintText(E, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/placeholder').map((d) => d.message.replace(/^.*found the placeholder /, ''));
    assert.deepEqual(messages, ['the owner "tbd (alex)" (if alex is the owner, write alex alone): replace it or delete it']);
  });

  it('knows the usual placeholders and not real handles', () => {
    for (const p of ['@owner', 'owner', 'TBD', '@tbd', 'Someone', 'unassigned', 'n/a', '?', '@name']) assert.equal(isPlaceholderOwner(p), true, p);
    for (const p of ['@alex', 'Alex', '@owners-team', 'sre-team', '@tbd-bot', 'Dana Lee']) assert.equal(isPlaceholderOwner(p), false, p);
  });
});
