import assert from 'node:assert/strict';
import { blankInlineComments } from '../../../src/core/actions/inlineComments';
import { parseActionText } from '../../../src/core/actions/itemGrammar';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary } from '../../../src/core/index';
import { lintText } from '../../../src/core/lint/engine';

const doc = (...items: string[]) => ['---', 'type: postmortem', '---', '## Action items', '', ...items, ''].join('\n');

describe('inline HTML comments on an action item (trial U18)', () => {
  it('are neither tokens nor description, in the parser and the summary alike', () => {
    const text = doc('- [ ] Rotate keys @ana due:2026-12-20 <!-- old: @bob due:2026-01-01 -->', '- [ ] Add alert <!-- TODO assign --> due:2026-12-22');
    for (const items of [parsePostmortem(text).actionItems, readSummary(text).actionItems]) {
      assert.deepEqual(items.map((i) => i.description), ['Rotate keys', 'Add alert']);
      assert.deepEqual(items.map((i) => (typeof i.due === 'string' ? i.due : i.due?.value)), ['2026-12-20', '2026-12-22']);
      assert.deepEqual(items.map((i) => (typeof i.owner === 'string' ? i.owner : i.owner?.value)), ['ana', undefined]);
    }
  });

  it('a due: inside a comment gives no bad-due warning', () => {
    const text = doc('- [ ] Rotate keys @ana due:2026-12-20 <!-- old: @bob due:2026-13-01 -->');
    const codes = lintText(text, { now: new Date('2026-12-01T00:00:00Z') }).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('actions/bad-due'), codes.join(', '));
  });

  it('keeps token spans (same length) and leaves code spans and unclosed comments as written', () => {
    const line = 'Fix <!-- x --> it @ana';
    assert.equal(blankInlineComments(line).length, line.length);
    assert.equal(parseActionText(line).owner?.start, line.indexOf('@ana'));
    assert.equal(blankInlineComments('Use `<!-- x -->` here'), 'Use `<!-- x -->` here');
    assert.equal(blankInlineComments('Open <!-- never closed @bo'), 'Open <!-- never closed @bo');
    assert.equal(blankInlineComments('a <!--> b'), 'a       b');
    assert.equal(parseActionText('Fix ``a `<!--` b`` it <!-- @bo --> @ana').owner?.value, 'ana');
  });
});
