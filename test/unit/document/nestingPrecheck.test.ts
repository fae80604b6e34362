import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LONG_PREFIX_CHARS, MAX_NESTING, mayNestPastLimit, NestingScanner } from '../../../src/core/document/nesting';

/**
 * `flattenDeepNesting` skips its line-by-line scan when `mayNestPastLimit` says no line can nest past
 * the limit (the summary reader runs it on every file). That shortcut must never hide a line the
 * scanner would cut: generated lists of markers, blanks, tabs, quotes and text, deep and shallow.
 */
const piece = fc.constantFrom('- ', '* ', '+ ', '1. ', '10) ', '> ', '>', ' ', '  ', '\t', '-\t', 'text ', '[ ] ');
const line = fc.oneof(
  fc.array(piece, { maxLength: 80 }).map((ps) => ps.join('')),
  fc.tuple(fc.integer({ min: 0, max: 80 }), fc.constantFrom('  ', ' ', '\t', '   ')).map(([n, ind]) => `${ind.repeat(n)}- item`),
);
const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '10) ', '> ', '>', '-\t');
/** One line of 50–80 markers: around the limit. */
const markerRun = fc.array(marker, { minLength: 50, maxLength: 80 }).map((ms) => [`${ms.join('')}x`]);
/** 50–80 items, each indented one step more (two or three spaces, a tab), some with text between. */
const staircase = fc.tuple(fc.integer({ min: 50, max: 80 }), fc.constantFrom('  ', '   ', '\t', ' \t'), fc.constantFrom('- ', '1. ', '* [ ] '), fc.boolean())
  .map(([n, step, m, gaps]) => Array.from({ length: n }, (_, i) => `${step.repeat(i)}${m}item ${i}${gaps && i % 7 === 0 ? `\n${step.repeat(i + 1)}more text` : ''}`));
const text = fc.array(fc.oneof(line.map((l) => [l]), markerRun, staircase), { maxLength: 12 }).map((bs) => bs.flat().join('\n'));

function scannerCuts(t: string): boolean {
  const scanner = new NestingScanner();
  return t.split(/\r\n|\r|\n/).some((l) => scanner.line(l).cutAt !== undefined);
}

describe('the deep-nesting shortcut (document/nesting.ts)', () => {
  it('says "may nest past the limit" for every text the scanner cuts (property)', () => {
    fc.assert(fc.property(text, (t) => !scannerCuts(t) || mayNestPastLimit(t)), { numRuns: 300 });
  });

  it('looks for prefixes long enough for the limit even in 4-column tabs', () => {
    assert.equal(LONG_PREFIX_CHARS, Math.ceil((MAX_NESTING + 1) / 4));
    assert.equal(mayNestPastLimit(`${'\t'.repeat(LONG_PREFIX_CHARS - 1)}- x`), true, '16 tabs and a marker: 66 columns');
  });

  it('skips ordinary post-mortem lines and catches deep ones', () => {
    assert.equal(mayNestPastLimit('- 2026-11-20 14:05Z [detected] x\n10. 2026-11-20 14:05 y\n---\n'), false);
    const nested = Array.from({ length: MAX_NESTING + 2 }, (_, i) => `${'  '.repeat(i)}- [ ] nested ${i}`).join('\n');
    assert.equal(scannerCuts(nested), true);
    assert.equal(mayNestPastLimit(nested), true);
    assert.equal(mayNestPastLimit(`${'- '.repeat(MAX_NESTING + 1)}x`), true);
  });
});
