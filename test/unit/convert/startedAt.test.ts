import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

const ORIGINAL = [
  '# Checkout outage on 2026-03-14',
  '',
  '## Summary',
  '',
  'Checkout failed from 16:58 to 18:46 UTC.',
  '',
  '## Timeline',
  '',
  'All times UTC.',
  '',
  '- 17:05 Error-rate alert fired',
  '- 16:58 Deploy of the pool change finished',
  '- 18:46 Pool size restored, errors stop',
  '',
].join('\n');

describe('convert: started_at from the earliest timeline entry', () => {
  it('writes started_at when the original states none, and says it was derived and from which line', () => {
    const result = convertPostmortem(ORIGINAL);
    assert.equal(parsePostmortem(result.text).meta.started_at, '2026-03-14T16:58:00Z');
    assert.equal(result.notes.length, 1);
    assert.equal(result.notes[0].line, 11, 'the 16:58 entry (0-based line of the original)');
    assert.match(result.notes[0].message, /^started_at set to 2026-03-14T16:58:00Z, derived from the earliest timeline entry/);
    assert.ok(!result.diagnostics.some((d) => /started/.test(d.message)), 'a derived value is a note, not a problem');
  });

  it('keeps a stated start time', () => {
    const result = convertPostmortem(ORIGINAL.replace('## Summary', '**Started:** 2026-03-14 16:40 UTC\n\n## Summary'));
    assert.equal(parsePostmortem(result.text).meta.started_at, '2026-03-14T16:40:00Z');
    assert.deepEqual(result.notes, []);
  });

  it('derives nothing when a stated time comes before the first entry (the timeline starts late)', () => {
    const result = convertPostmortem(`---\ndetected_at: 2026-03-14T16:30:00Z\n---\n${ORIGINAL}`);
    assert.equal(parsePostmortem(result.text).meta.started_at, undefined);
    assert.deepEqual(result.notes, []);
  });

  it('derives nothing from a timeline without dated entries', () => {
    const result = convertPostmortem('# Outage\n\n## Timeline\n\n- something broke\n');
    assert.equal(parsePostmortem(result.text).meta.started_at, undefined);
    assert.deepEqual(result.notes, []);
  });

  it('does not let a derived start keep a review status', () => {
    const result = convertPostmortem(ORIGINAL.replace('## Summary', '**Status:** In review\n\n## Summary'));
    assert.equal(parsePostmortem(result.text).meta.status, 'draft');
    assert.ok(result.diagnostics.some((d) => d.code === 'convert/status' && /started_at \(only derived from the timeline\)/.test(d.message)));
  });
});
