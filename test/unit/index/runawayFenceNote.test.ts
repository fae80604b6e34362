import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSummary } from '../../../src/core/index/readSummary';

/**
 * A runaway fence opener under a section hides the rest: the readers' note names it by its length,
 * as lint does, not quoted whole (trial19b F8: 3 MB on stderr for a line of 3,000,000 backticks).
 */
const BASE = readFileSync(join(__dirname, '../../../examples/postmortems/2026-11-20-checkout-pool-exhaustion.md'), 'utf8');

describe('readers: a runaway fence is named by its length (trial19b F8)', () => {
  it('says "a fence of 50,000 backticks", in a note of bounded size', () => {
    const text = BASE.replace(/^## Summary\n/m, `## Summary\n\n${'`'.repeat(50_000)}\n`);
    assert.notEqual(text, BASE);
    const notes = readSummary(text).problems.filter((p) => p.includes('never closed'));
    assert.equal(notes.length, 1, readSummary(text).problems.map((p) => p.slice(0, 200)).join('\n'));
    assert.match(notes[0], /opened there with a fence of 50,000 backticks is never closed/);
    assert.ok(notes[0].length < 400, String(notes[0].length));
  });

  it('quotes a short fence as written', () => {
    const text = BASE.replace(/^## Summary\n/m, '## Summary\n\n~~~~\n');
    assert.match(readSummary(text).problems.join('\n'), /opened there with ~~~~ is never closed/);
  });
});
