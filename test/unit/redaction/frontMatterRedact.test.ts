/**
 * The Redact fix in the front matter keeps the YAML value the scalar it was (trial18a F1: `title: ghp_…`
 * became `title: [redacted: github-token]`, which YAML reads as a list; `ticket: ghp_…` silently became
 * a one-element list; `title: ghp_… leaked in deploy` was held back, the secret left in the file).
 * Property: for every scalar style (plain, plain over two lines, single- and double-quoted, literal and
 * folded block, a list item, a flow list item, a mapping key, a value before a comment), after
 * `lint --fix`'s fixes the front matter parses without error and the value reads as before with the
 * secret replaced by its placeholder — a string still, at the same place.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { fixAll } from '../../../src/core/fix/fixAll';
import { redactionGithubToken } from '../../../src/core/rules/redaction/githubToken';
import { redactionEmail } from '../../../src/core/rules/redaction/email';

const OPTIONS = { rules: [redactionGithubToken, redactionEmail], now: new Date('2026-12-07T17:00:00Z') };
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (alphabet: string, min: number, max = min) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));

const secret = fc.oneof(
  chars(ALNUM, 36).map((s) => ({ value: `ghp_${s}`, placeholder: '[redacted: github-token]' })),
  chars('abcdefghij', 1, 8).map((s) => ({ value: `${s}@acmecorp.io`, placeholder: '[redacted: email]' })),
);
/** Words around the secret: safe in a plain scalar (no `: `, ` #`, flow indicators), starting with a letter. */
const plainWords = fc.option(fc.tuple(chars('abcxyz', 1, 3), chars('abcxyz019 -_./()', 0, 12)).map(([a, b]) => `${a}${b}`.trimEnd()), { nil: undefined });
/** Words for a quoted scalar: any of YAML's indicators, and the quotes themselves. */
const quotedWords = fc.option(fc.tuple(chars('abc', 1, 2), chars('abc :#[]{},&*!|>\'"%@`-?\\', 0, 12)).map(([a, b]) => `${a}${b}`.trimEnd()), { nil: undefined });

type Style = 'plain' | 'plain-two-lines' | 'double' | 'single' | 'literal' | 'folded' | 'list-item' | 'flow-item' | 'flow-double' | 'key' | 'before-comment';
const STYLES: readonly Style[] = ['plain', 'plain-two-lines', 'double', 'single', 'literal', 'folded', 'list-item', 'flow-item', 'flow-double', 'key', 'before-comment'];
const QUOTED = new Set<Style>(['double', 'single', 'flow-double']);

/** The front-matter lines holding `value` in `style`, and where the parsed value is. */
function written(style: Style, value: string): { lines: string[]; read: (data: Record<string, unknown>) => unknown; expectedValue: string } {
  switch (style) {
    case 'plain': return { lines: [`ticket: ${value}`], read: (d) => d.ticket, expectedValue: value };
    case 'plain-two-lines': {
      const cut = value.indexOf(' ');
      if (cut < 0) return written('plain', value);
      return { lines: [`ticket: ${value.slice(0, cut)}`, `  ${value.slice(cut + 1)}`], read: (d) => d.ticket, expectedValue: value };
    }
    case 'double': return { lines: [`ticket: ${JSON.stringify(value)}`], read: (d) => d.ticket, expectedValue: value };
    case 'single': return { lines: [`ticket: '${value.replace(/'/g, "''")}'`], read: (d) => d.ticket, expectedValue: value };
    case 'literal': return { lines: ['ticket: |', `  ${value}`], read: (d) => d.ticket, expectedValue: `${value}\n` };
    case 'folded': return { lines: ['ticket: >-', `  ${value}`], read: (d) => d.ticket, expectedValue: value };
    case 'list-item': return { lines: ['tickets:', '  - first', `  - ${value}`], read: (d) => (d.tickets as unknown[])[1], expectedValue: value };
    case 'flow-item': return { lines: [`tickets: [first, ${value}]`], read: (d) => (d.tickets as unknown[])[1], expectedValue: value };
    case 'flow-double': return { lines: [`tickets: [first, ${JSON.stringify(value)}]`], read: (d) => (d.tickets as unknown[])[1], expectedValue: value };
    case 'key': return { lines: ['extra:', `  ${value}: 4`], read: (d) => Object.keys(d.extra as object)[0], expectedValue: value };
    case 'before-comment': return { lines: [`ticket: ${value} # from the pager`], read: (d) => d.ticket, expectedValue: value };
  }
}

function frontMatterData(text: string): { data: Record<string, unknown>; errors: number } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(m, `front matter kept:\n${text}`);
  const doc = parseDocument(m[1]);
  return { data: doc.toJS() as Record<string, unknown>, errors: doc.errors.length };
}

describe('the Redact fix in the front matter keeps the value a scalar (trial18a F1)', () => {
  it('every scalar style: the YAML still parses and the value is the same text with the placeholder', () => {
    fc.assert(fc.property(fc.constantFrom(...STYLES), secret, plainWords, plainWords, quotedWords, quotedWords, (style, s, pb, pa, qb, qa) => {
      const [before, after] = QUOTED.has(style) ? [qb, qa] : [pb, pa];
      const value = [before, s.value, after].filter((w) => w !== undefined && w !== '').join(' ');
      const place = written(style, value);
      const text = ['---', 'type: postmortem', 'id: PM-1', 'title: T', ...place.lines, 'status: draft', '---', '# T', '', 'Body.', ''].join('\n');
      const original = frontMatterData(text);
      assert.equal(original.errors, 0, `the generated YAML is valid:\n${text}`);
      assert.equal(place.read(original.data), place.expectedValue, 'the generated YAML reads as meant');
      const fixed = fixAll(text, OPTIONS);
      assert.ok(!fixed.text.includes(s.value), `redacted:\n${fixed.text}`);
      const after_ = frontMatterData(fixed.text);
      assert.equal(after_.errors, 0, `YAML still valid:\n${fixed.text}`);
      assert.equal(place.read(after_.data), place.expectedValue.replace(s.value, s.placeholder), `same value, placeholder in place:\n${fixed.text}`);
      assert.equal(after_.data.status, 'draft', 'the next key is still read');
      assert.ok(fixed.text.endsWith('---\n# T\n\nBody.\n'), 'the body is untouched');
    }), { numRuns: 400 });
  });

  it('the reported case: `title: <token>` becomes a quoted title, not a list, and the token in a sentence is redacted too', () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
    const text = ['---', 'type: postmortem', `title: ${token}`, `summary: ${token} leaked in deploy`, 'status: draft', '---', '# T', ''].join('\n');
    const fixed = fixAll(text, OPTIONS);
    assert.equal(fixed.text, ['---', 'type: postmortem', 'title: "[redacted: github-token]"', 'summary: "[redacted: github-token] leaked in deploy"', 'status: draft', '---', '# T', ''].join('\n'));
    assert.deepEqual(fixed.fixed, { 'redaction/github-token': 2 });
  });

  it('in the body and in a front-matter comment the placeholder is written as it is', () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
    const text = ['---', 'type: postmortem', `title: T # ${token}`, '---', '# T', '', `Token ${token} was pasted.`, ''].join('\n');
    const fixed = fixAll(text, OPTIONS);
    assert.equal(fixed.text, ['---', 'type: postmortem', 'title: T # [redacted: github-token]', '---', '# T', '', 'Token [redacted: github-token] was pasted.', ''].join('\n'));
  });
});
