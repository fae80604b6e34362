/**
 * blameless/language runs a pattern over a section only when the section holds one of the
 * pattern's anchor words (rules/blameless/anchors.ts). That skip must never lose a finding: every
 * text a matcher matches contains one of its anchors. Texts are built from the patterns' own words
 * in random case, with the two non-ASCII letters `/iu` folds to ASCII (ſ, K).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { anchorText, anchorWords, anchorsPerRange, mayMatch, mayMatchWords } from '../../../src/core/rules/blameless/anchors';
import { BUILTIN_BLAME_PHRASES, blameMatchers } from '../../../src/core/rules/blameless/phrases';

const PEOPLE = ['Kwame', 'Dana'];
const matchers = blameMatchers([], false, PEOPLE);

/** Every word of every built-in pattern, and the pieces the person-subject patterns are made of. */
const WORDS = [...new Set([
  ...BUILTIN_BLAME_PHRASES.flatMap((p) => p.pattern.match(/[a-z]{2,}/gi) ?? []),
  'Bob', 'Kwame', 'Dana', 'Priya', 'Natarajan', 'he', 'she', 'him', 'her', '@dana', '@ops-lead', 'the', 'engineer', 'on-call', 'oncall', 'team', 'member',
  'forgot', 'to', 'failed', 'did', 'didn', 'not', 'missed', 'broke', 'neglected', 'overlooked', 'because', 'of', 'Because', 'caused', 'Caused', 'by', 'an', 'our', 'release', 'sre',
  's', 't', 've', 'a', 'no', 'git', 'should', 'have', 'caught', 'noticed', 'we', 'someone', 'messed', 'screwed', 'up', 'check', 'follow', 'into', 'nothing', 'human', 'operator', 'ignored', 'skipped',
])];
/** Whole phrases, so every pattern is reached often (their case and letters still vary). */
const PHRASES = [
  'human error', 'operator errors', "Bob's fault", 'their fault', 'the fault of', 'should have known', "should've noticed", 'should have checked',
  'careless', 'negligence', 'recklessly', 'incompetent', 'dropped the ball', 'blamed', 'screwed up', 'messed up', 'stupidity', 'lazy', 'sloppy',
  'mistakes made by', 'Bob forgot to', 'Kwame missed', 'Dana Lee broke', 'he overlooked', 'the engineer didn’t', 'she did not', 'the on-call neglected to',
  'failed to', 'because of Dana', 'because of @ops', 'Because of him', 'caused by @erin', 'Caused by Bob', 'caused by the on-call engineer', 'The on-call engineer forgot',
  'we should have caught', 'Someone should’ve noticed', 'Bob should have checked', 'the human operator missed', 'Tom messed up', 'the SRE screwed up', 'messed up by Bob', 'she didn’t check', 'He did not properly follow',
];
const GLUE = [' ', ' ', ' ', '  ', '\n', "'", '’', "'s", '’s', "n't", '-', '.', ',', '_'];

/** A letter as `/iu` may still match it: other case, and ſ for s, K (Kelvin) for k. */
const spelled = (word: string) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: word.length, maxLength: word.length }).map((ways) =>
  [...word].map((c, i) => {
    const way = ways[i]!;
    if (way === 1) return c.toUpperCase();
    if (way === 2 && (c === 's' || c === 'S')) return '\u017f';
    if (way === 2 && (c === 'k' || c === 'K')) return '\u212a';
    if (way === 3) return c.toLowerCase();
    return c;
  }).join(''));

/**
 * A name the document lists (not a built-in one) has patterns of its own, matched case-sensitively
 * (names and verbs): spelled at random they would rarely match, so they also come as written, beside
 * built-in names in the same forms.
 */
const AS_WRITTEN = ['Kwame missed', 'Kwame Natarajan forgot to', 'because of Kwame', 'caused by Kwame', 'because of Bob', 'caused by Dana Lee'];

const text = fc.array(fc.oneof(fc.constantFrom(...WORDS).chain(spelled), fc.constantFrom(...PHRASES).chain(spelled), fc.constantFrom(...AS_WRITTEN), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

describe('blameless/language: anchor words', () => {
  it('every built-in phrase has an anchor that occurs in its pattern', () => {
    for (const p of BUILTIN_BLAME_PHRASES) assert.ok(p.pattern.toLowerCase().includes(p.anchor), `${p.pattern} / ${p.anchor}`);
  });

  it('a matcher whose anchors a text lacks never matches that text', () => {
    const matched = new Array<number>(matchers.length).fill(0);
    fc.assert(fc.property(text, (t) => {
      const lower = anchorText(t);
      for (const m of matchers) {
        m.re.lastIndex = 0;
        if (!m.re.test(t)) continue;
        matched[matchers.indexOf(m)]!++;
        assert.ok(mayMatch(m, lower), `${m.re.source} matches ${JSON.stringify(t)} but its anchors ${JSON.stringify(m.anchors)} are not found`);
      }
    }), { numRuns: 20000 });
    // The generator must reach every pattern, or the property says nothing about it.
    matchers.forEach((m, i) => assert.ok(matched[i]! >= 20, `${m.re.source}: only ${matched[i]} matching texts generated`));
  });

  it('folds the letters /iu folds: ſ and K (Kelvin) still find "should" and "known"', () => {
    const lower = anchorText('We \u017fhould have \u212anown.');
    const knownPhrase = matchers[BUILTIN_BLAME_PHRASES.findIndex((p) => p.anchor === 'known')]!;
    assert.ok(knownPhrase.re.test('We \u017fhould have \u212anown.'));
    assert.ok(mayMatch(knownPhrase, lower));
  });

  it('a configured phrase has no anchor and is always run', () => {
    const [custom] = blameMatchers(['Überstunden'], true);
    assert.equal(mayMatch(custom!, anchorText('nothing here')), true);
  });
  it('the words found once over the document allow, per section, exactly what the section\'s own search allows', () => {
    // Sections are whole lines: each generated part is a line, and a section a run of them.
    const line = text.map((t) => t.replace(/\n/g, ' '));
    const words = anchorWords(matchers);
    fc.assert(fc.property(fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '---\ntitle: Did it\n---\n', '\u0130stanbul\n'), (sections, before) => {
      const texts = sections.map((lines) => lines.join('\n') + '\n');
      const doc = before + texts.join('');
      const ranges: [number, number][] = [];
      let at = before.length;
      for (const t of texts) { ranges.push([at, at + t.length]); at += t.length; }
      const present = anchorsPerRange(doc, ranges, words);
      if (before.startsWith('\u0130')) return assert.equal(present, undefined, 'İ lower-cases to two code units: offsets would shift');
      assert.ok(present);
      texts.forEach((t, k) => {
        const lower = anchorText(t);
        for (const m of matchers) assert.equal(mayMatchWords(m, present[k]!), mayMatch(m, lower), `${JSON.stringify(t)} ${JSON.stringify(m.anchors)}`);
      });
    }), { numRuns: 3000 });
  });
});
