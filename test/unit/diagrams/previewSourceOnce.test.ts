/**
 * The Markdown preview prints a fishbone once: it asks whether any label is drawn otherwise than
 * written (cut, a long word broken) in one walk over the labels, and prints the drawn text only then.
 * It used to print the block twice, as drawn and as written, only to compare the two texts.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { drawsAnyLabelDifferently, withDrawnLabels } from '../../../src/core/diagrams/fishbone/drawnLabels';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
import { printFishbone } from '../../../src/core/diagrams/fishbone/print';
import { previewSource } from '../../../webview/preview/previewSource';

/** What the preview drew before: the drawn text unless it printed the same as the block read back. */
function printedTwice(source: string): string {
  const parsed = parseFishbone(source);
  if (!parsed.writable) return source;
  const drawn = printFishbone(withDrawnLabels(parsed.model));
  return drawn === printFishbone(parsed.model) ? source : drawn;
}

const isComment = (line: string): boolean => /^\s*%%/.test(line);
const withoutComments = (source: string): string => source.split('\n').filter((l) => !isComment(l)).join('\n');

const word = fc.oneof(fc.constantFrom('pool', 'on-call', 'p99', '<b>', '#4411;', 'canary', '50%'), fc.string({ minLength: 12, maxLength: 40, unit: fc.constantFrom('a', 'b', 'x') }));
const label = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const block = fc.record({
  effect: label,
  categories: fc.array(fc.record({ name: fc.oneof(label, fc.constantFrom('People', 'Process')), causes: fc.array(fc.tuple(label, fc.array(label, { maxLength: 2 })), { maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
  comment: fc.boolean(),
}).map(({ effect, categories, comment }) => [
  'ishikawa-beta', `  ${effect}`,
  ...categories.flatMap((c) => [`    ${c.name}`, ...c.causes.flatMap(([cause, subs]) => [`      ${cause}`, ...subs.map((s) => `        ${s}`)])]),
  ...(comment ? ['  %% a comment only the block as written keeps'] : []),
].join('\n'));

describe('Markdown preview: a fishbone printed once', () => {
  it('draws what printing it twice drew, for generated blocks with short and long labels', () => {
    fc.assert(fc.property(block, (source) => {
      // A block with a %% line is not printed from the model (trial13b F5): its lines are kept, the
      // comment too, and its labels are drawn as the block without the comment would draw them.
      const drawn = previewSource(source);
      assert.equal(withoutComments(drawn), printedTwice(withoutComments(source)));
      assert.equal(drawn.split('\n').filter(isComment).length, source.split('\n').filter(isComment).length);
    }), { numRuns: 500 });
  });

  it('tells a block drawn as written from one whose effect, category or deep cause is drawn cut', () => {
    const short = 'ishikawa-beta\n  Outage\n    People\n      New on-call\n        No shadowing';
    assert.equal(drawsAnyLabelDifferently(parseFishbone(short).model), false);
    const long = 'x'.repeat(70);
    for (const at of [1, 2, 4]) {
      const lines = short.split('\n');
      lines[at] = lines[at].replace(/\S.*$/, long);
      assert.equal(drawsAnyLabelDifferently(parseFishbone(lines.join('\n')).model), true, `line ${at}`);
    }
  });
});
