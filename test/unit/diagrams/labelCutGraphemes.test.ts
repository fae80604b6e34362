import assert from 'node:assert/strict';
import { drawnFishboneLabel, drawnFaultTreeLabel, isLabelCut, parseFishbone, withDrawnLabels } from '../../../src/core/diagrams';
import { breakLongWords, cutLabel, cutLabelKeepingEnd, graphemeHead } from '../../../src/core/diagrams/labelCut';
import { causeLineBudgets } from '../../../src/core/diagrams/fishbone/crowding';
import { assertLinearGrowth } from '../robustness/linearGrowth';

const ZWJ = '\u200d';
const segments = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);
/** Every grapheme of `drawn` (pieces and "…" aside) is one of `label`'s: nothing cut inside one. */
function wholeGraphemes(drawn: string, label: string): void {
  const known = new Set(segments(label));
  for (const g of segments(drawn)) if (g !== '…' && g !== ' ') assert.ok(known.has(g), `“${g}” (${[...g].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}) is not a grapheme of “${label}”: cut inside one`);
  assert.ok(!drawn.endsWith(ZWJ) && !drawn.includes(`${ZWJ}…`) && !drawn.includes(`${ZWJ} `), `no dangling joiner in ${JSON.stringify(drawn)}`);
}

describe('drawn labels are cut between graphemes, never inside one (trial17b F5)', () => {
  const labels = [
    'emoji 🚀🔥👩‍💻 cause that keeps going with words after it',
    '👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻',
    '🇯🇵🇩🇪🇫🇷🇺🇸🇬🇧🇧🇷🇮🇳🇨🇦🇲🇽🇪🇸🇮🇹🇳🇱🇸🇪🇳🇴🇩🇰🇫🇮🇵🇱🇦🇹🇨🇭🇧🇪🇵🇹 flags of every office',
    '👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽 skin tones',
    'Ǹ̈ếẅ̊ c̈ỡm̈b̈ĩn̈ïn̈g̈ m̈ạr̈k̈s̈ ëv̈ër̈ÿẅḧër̈ë ïn̈ ẗḧïs̈ l̈ǟb̈ël̈ s̈ö ïẗ c̈ụẗs̈',
  ];
  it('cutLabel and breakLongWords keep each emoji sequence, flag, skin tone and accented letter whole', () => {
    for (const label of labels) {
      for (let max = 3; max <= 40; max += 1) wholeGraphemes(cutLabel(label, max), label);
      for (let width = 1; width <= 16; width += 1) wholeGraphemes(breakLongWords(label, width), label);
      for (let max = 3; max <= 40; max += 1) wholeGraphemes(cutLabelKeepingEnd(label, max), label);
    }
  });

  it('the fishbone and fault-tree drawings show 👩‍💻 whole, in a crowded category too', () => {
    const label = 'emoji 🚀🔥👩‍💻 cause';
    for (const lines of [1, 2, 3]) {
      const drawn = drawnFishboneLabel(label, 'cause', lines);
      wholeGraphemes(drawn, label);
    }
    wholeGraphemes(drawnFaultTreeLabel(`${'x'.repeat(55)} 👩‍💻👩‍💻 done`), `${'x'.repeat(55)} 👩‍💻👩‍💻 done`);
    // Sixty graphemes of 👩‍💻 (300 code units) are not cut: the length is what the reader sees.
    const sixty = '👩‍💻'.repeat(60);
    assert.equal(cutLabel(sixty, 60), sixty);
    assert.equal(isLabelCut(sixty, 'effect'), false);
  });

  it('counts a label of any length in at most max + 1 steps, and breaks long words in linear time', () => {
    assert.deepEqual(graphemeHead('👩‍💻'.repeat(1_000_000), 3), { head: ['👩‍💻', '👩‍💻', '👩‍💻'], more: true });
    assertLinearGrowth('breakLongWords 👩‍💻', (t) => breakLongWords(t, 15), (n) => '👩‍💻a'.repeat(Math.ceil(n / 6)).slice(0, n));
    assertLinearGrowth('cutLabelKeepingEnd', (t) => cutLabelKeepingEnd(t, 15), (n) => 'word '.repeat(Math.ceil(n / 5)).slice(0, n));
  });
});

describe('a crowded fishbone category draws each cause apart (trial17b F4)', () => {
  it('thirteen "Process cause number N" are drawn as thirteen different labels, each with its number; a label without one is cut at its end', () => {
    const causes = Array.from({ length: 13 }, (_, i) => `Process cause number ${i + 8}`);
    const block = ['ishikawa-beta', '  Checkout down', '    People', '      On-call new', '    Process', ...causes.map((c) => `      ${c}`), '    Technology', ...Array.from({ length: 12 }, (_, i) => `      Tech ${i + 1}`), '      DNS TTL too long'].join('\n');
    const model = parseFishbone(block).model;
    const budgets = causeLineBudgets(model);
    assert.equal(budgets[1], 1, 'the test is about a category crowded to one line per cause');
    const drawn = causes.map((c) => drawnFishboneLabel(c, 'cause', budgets[1]));
    assert.equal(new Set(drawn).size, causes.length, `every cause told apart: ${drawn.join(' | ')}`);
    drawn.forEach((d, i) => {
      assert.ok(d.endsWith(String(i + 8)), `cause ${i + 8} drawn with its number: ${d}`);
      assert.ok(d.includes('…'), `cut with an ellipsis: ${d}`);
      assert.ok(d.startsWith('Process'), `and its first word: ${d}`);
    });
    assert.equal(drawnFishboneLabel('DNS TTL too long', 'cause', budgets[2]), 'DNS TTL too…', 'a label without a number is cut as before');
    // The drawing of the whole block (what Mermaid gets) says the same.
    const text = withDrawnLabels(model);
    for (let i = 8; i <= 20; i++) assert.ok(text.categories[1].causes.some((c) => c.label.endsWith(` ${i}`) || c.label.endsWith(`…${i}`)), `drawn block holds cause ${i}`);
  });
});
