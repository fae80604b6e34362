import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseActionText } from '../../../src/core/actions/itemGrammar';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem, wordsLost } from '../../../src/core/import/convert';
import { ownerOf } from '../../../src/core/import/convert/itemFields';
import { lintText } from '../../../src/core/lint/engine';

/**
 * Trial 11 T2: Flutter's 2.8 release retrospective has an owner cell "Devon / Kevin". convert wrote
 * `@Devon-/-Kevin`, which lint, `postmortem actions` and the metrics read as owner Devon with
 * "-/-Kevin" in the item's text: Kevin lost the item and the report said "complete".
 */
const retrospective = (owners: readonly string[]) => [
  '# Flutter 2.8 Stable Release Retrospective',
  '',
  'Date: 2021-12-15',
  '',
  '## Action Items',
  '',
  '| Status | Action Item | Owner |',
  '|--------|-------------|-------|',
  ...owners.map((owner, k) => `| In Progress | Action number ${k + 1} | ${owner} |`),
  '',
].join('\n');

const items = (text: string) => parsePostmortem(convertPostmortem(text, { defaultZone: 'UTC' }).text).actionItems;

describe('convert: an owner cell becomes a handle lint reads whole (trial 11 T2)', () => {
  it('"Devon / Kevin" is two people, as "Devon & Kevin" is: owner Devon, Kevin kept in the text, said', () => {
    const text = retrospective(['Kevin', 'Devon / Kevin', 'Ian / Kevin']);
    const result = convertPostmortem(text, { defaultZone: 'UTC' });
    const read = parsePostmortem(result.text).actionItems;
    assert.deepEqual(read.map((i) => i.owner?.value), ['Kevin', 'Devon', 'Ian']);
    assert.deepEqual(read.map((i) => i.description), ['Action number 1 (status: In Progress)', 'Action number 2 (status: In Progress) (Kevin)', 'Action number 3 (status: In Progress) (Kevin)']);
    assert.doesNotMatch(result.text, /-\/-|@\S*\//, 'no slash glued into a handle');
    const said = result.diagnostics.filter((d) => d.code === 'convert/two-owners');
    assert.deepEqual(said.map((d) => [d.range.start.line, d.severity]), [[9, 'warning'], [10, 'warning']]);
    assert.equal(said[0].message, 'The owner "Devon / Kevin" names two people: Devon is the item\'s owner (an item has one owner), Kevin is kept in the item\'s text; split the item if both own work');
    assert.equal(result.report.complete && !result.diagnostics.some((d) => d.severity === 'warning'), false, 'not "complete"');
    assert.deepEqual(wordsLost(text, result.text, result.replaced), []);
  });

  it('reads every separator the same way: slash (spaced on either side), &, +, comma, and, or', () => {
    const cells = ['Devon / Kevin', 'Devon /Kevin', 'Devon/ Kevin', 'Devon & Kevin', 'Devon + Kevin', 'Devon, Kevin', 'Devon and Kevin', 'Devon or Kevin'];
    const result = convertPostmortem(retrospective(cells), { defaultZone: 'UTC' });
    assert.deepEqual(parsePostmortem(result.text).actionItems.map((i) => i.owner?.value), cells.map(() => 'Devon'));
    assert.equal(result.diagnostics.filter((d) => d.code === 'convert/two-owners').length, cells.length);
    // Lint reads the original table the same way: Devon is the owner and Kevin a second person.
    const original = lintText(retrospective(['Devon / Kevin']), { now: new Date('2026-11-27T12:00:00Z') }).diagnostics;
    assert.equal(original.filter((d) => d.code === 'actions/one-owner').length, 1);
  });

  it('a slash between letters ("Eng/Ops", usually one team) is one owner written @Eng-Ops, and said', () => {
    const result = convertPostmortem(retrospective(['Eng/Ops']), { defaultZone: 'UTC' });
    const [item] = parsePostmortem(result.text).actionItems;
    assert.equal(item.owner?.value, 'Eng-Ops');
    assert.equal(item.description, 'Action number 1 (status: In Progress)');
    const [said, ...more] = result.diagnostics.filter((d) => d.code === 'convert/owner-joined');
    assert.equal(more.length, 0);
    assert.equal(said.severity, 'warning');
    assert.match(said.message, /^The owner "Eng\/Ops" is written as one owner, @Eng-Ops .*if it names two people, keep one as the owner/);
  });

  it('a remark after the name stays text beside the handle, and a name\'s apostrophe is no cut', () => {
    const read = items(retrospective(['Jane Doe (Infra)', "Sean O'Brien", 'Kevin?']));
    assert.deepEqual(read.map((i) => [i.owner?.value, i.description]), [
      ['Jane-Doe', 'Action number 1 (status: In Progress) (Infra)'],
      ['Sean-O-Brien', 'Action number 2 (status: In Progress)'],
      ['Kevin', 'Action number 3 (status: In Progress) (?)'],
    ]);
  });

  it('an owner written in words in an item ("owner: Devon / Kevin") is read the same way', () => {
    const text = ['# Outage', '', '## Action items', '', '- Add a canary (owner: Devon / Kevin, due 2026-01-10)', ''].join('\n');
    const result = convertPostmortem(text, { defaultZone: 'UTC' });
    const [item] = parsePostmortem(result.text).actionItems;
    assert.equal(item.owner?.value, 'Devon');
    assert.equal(item.due?.value, '2026-01-10');
    assert.match(item.description, /Kevin/);
    assert.equal(result.diagnostics.filter((d) => d.code === 'convert/two-owners').length, 1);
  });

  it('whatever the cell holds, the handle written is read back whole by the item grammar', () => {
    const piece = fc.constantFrom('Devon', 'Kevin', 'Ana Lima', ' / ', '/', '&', ' and ', '(lead)', "O'", '-', '.', '?', ':', '→', '@', '王伟', ' ', '|', '\\', '[x]', '#1', '!');
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')), (cell) => {
      const read = ownerOf(cell);
      if (!read) return;
      const parsed = parseActionText(`Fix it @${read.owner} due:2026-01-01`);
      assert.equal(parsed.owner?.value, read.owner, JSON.stringify(cell));
      assert.equal(parsed.description, 'Fix it', JSON.stringify(cell));
    }), { numRuns: 2000 });
  });
});
