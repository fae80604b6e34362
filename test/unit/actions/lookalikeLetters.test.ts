import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { mixedScriptLookalikes } from '../../../src/core/text/confusables';
import actions from '../../../src/cli/commands/actions';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from '../cli/harness';

/**
 * Trial16a F1, F3: an owner `@kіm` (Cyrillic і) was a separate, silent owner (`actions --owner kim`
 * "0 open action items", the metrics counting kim and kіm apart); a heading `## Аction items`
 * (Cyrillic А) hid every item, lint quoting two identical-looking headings. Now both are said,
 * naming the character, with the Latin letters as the fix; a handle wholly in one script is fine.
 */
const NOW = new Date('2026-12-07T00:00:00Z');
const doc = (heading: string, owner: string) => [
  '---', 'type: postmortem', 'id: PM-CONF', 'title: Confusables', 'status: draft', '---', '',
  `## ${heading}`, '', `- [ ] Add pool alert @${owner} due:2026-12-20`, '- [ ] Load test pools @lee due:2026-12-22', '',
].join('\n');

describe('look-alike letters of another script in owners and headings (trial16a F1, F3)', () => {
  it('an owner mixing scripts is actions/lookalike-owner, naming the character; the fix writes @kim', () => {
    const text = doc('Action items', 'k\u0456m');
    const said = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/lookalike-owner');
    assert.equal(said.length, 1);
    assert.match(said[0]!.message, /found "@kіm" on action item "Add pool alert": its "і" is U\+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, not the Latin "i", so it is a different owner from @kim/);
    const fixed = applyEdits(text, said[0]!.fixes![0]!.edits).text;
    assert.match(fixed, /Add pool alert @kim due/);
    assert.equal(lintText(fixed, { now: NOW }).doc.actionItems[0]!.owner?.value, 'kim');
  });

  it('a handle in one script is no look-alike: @иван, @zoë, @Ἀλέξης', () => {
    for (const owner of ['иван', 'zoë', 'Ἀλέξης', 'kim']) {
      assert.deepEqual(lintText(doc('Action items', owner), { now: NOW }).diagnostics.filter((d) => d.code === 'actions/lookalike-owner'), [], owner);
    }
    assert.deepEqual(mixedScriptLookalikes('иван kim Аction').map((l) => l.index), [9]);
  });

  it('a heading with a Cyrillic А is sections/lookalike-heading with the Latin heading as the fix', () => {
    const text = doc('\u0410ction items', 'kim');
    const { diagnostics, doc: parsed } = lintText(text, { now: NOW });
    assert.equal(parsed.actionItems.length, 0);
    const said = diagnostics.filter((d) => d.code === 'sections/lookalike-heading');
    assert.equal(said.length, 1);
    assert.match(said[0]!.message, /Expected the heading "Action items" in Latin letters, found "Аction items": its "А" is U\+0410 CYRILLIC CAPITAL LETTER A, not the Latin "A", so it is not read as the Action items section/);
    const fixed = applyEdits(text, said[0]!.fixes![0]!.edits).text;
    assert.equal(lintText(fixed, { now: NOW }).doc.actionItems.length, 2);
    // A heading in Russian is a heading in Russian.
    assert.deepEqual(lintText(doc('Действия', 'kim'), { now: NOW }).diagnostics.filter((d) => d.code === 'sections/lookalike-heading'), []);
  });

  it('actions --owner kim names the item of @kіm it does not list', async () => {
    const ws = workspace({ 'postmortems/a.md': doc('Action items', 'k\u0456m') });
    try {
      const r = await runInProcess(actions, ws.dir, '--owner', 'kim', '--now', '2026-12-07T00:00:00Z');
      assert.match(r.stdout, /0 open action items of @kim/);
      assert.match(r.stderr, /a\.md:10: owner @kіm looks like @kim but is another owner \(its "і" is U\+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I/);
    } finally {
      ws.cleanup();
    }
  });
});
