import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Parser } from 'yaml';
import { MAX_YAML_DEPTH, parseYamlBounded, quickTooDeep } from '../../../src/core/frontMatter/yamlParse';

/** The nesting the package's syntax tree has (collections inside collections). */
function exactDepth(text: string): number {
  let max = 0;
  const walk = (token: unknown, depth: number): void => {
    const t = token as { type?: string; value?: unknown; items?: { key?: unknown; value?: unknown }[] } | undefined;
    if (!t) return;
    if (t.type === 'document') return walk(t.value, depth);
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') return;
    max = Math.max(max, depth + 1);
    for (const item of t.items ?? []) {
      walk(item.key, depth + 1);
      walk(item.value, depth + 1);
    }
  };
  for (const token of new Parser().parse(text)) walk(token, 0);
  return max;
}

/** A random YAML value nested `depth` levels, in the block and flow styles front matters use. */
function nested(depth: number, style: readonly ('map' | 'seq' | 'flowSeq' | 'flowMap' | 'quoted' | 'block')[], indent = ''): string {
  if (depth === 0) return 'v';
  const kind = style[depth % style.length];
  const inner = nested(depth - 1, style, `${indent}  `);
  switch (kind) {
    case 'map': return `\n${indent}  k${depth}: ${inner}`;
    case 'seq': return `\n${indent}  - ${inner}`;
    case 'flowSeq': return `[a, ${inner.trim().startsWith('[') || inner.trim().startsWith('{') ? inner.trim() : '"[x] {y} # z"'}]`;
    case 'flowMap': return `{k: ${inner.trim().startsWith('[') || inner.trim().startsWith('{') ? inner.trim() : "'it''s [not] a list'"}}`;
    case 'quoted': return `"a [quoted {text}\n${indent}   over [two] lines"`;
    case 'block': return `|\n${indent}    [not, a, list]\n${indent}      {nor: this}\n${indent}        - deeper text\n`;
  }
}

describe('front-matter nesting bound (src/core/frontMatter/yamlParse.ts)', () => {
  it('the quick scan never refuses YAML the parser nests within the bound (random block, flow, quoted and block-scalar values)', () => {
    const kinds = ['map', 'seq', 'flowSeq', 'flowMap', 'quoted', 'block'] as const;
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 6 }), (depth, style) => {
      const text = `title: x${nested(depth, style).replace(/^(?!\n)/, ' ')}\nafter: [1, 2]\n`;
      if (exactDepth(text) <= MAX_YAML_DEPTH) assert.equal(quickTooDeep(text), undefined, text);
    }), { numRuns: 500 });
  });

  it('text that only looks nested is read: brackets in quotes, comments, block scalars and plain words', () => {
    const text = [
      `title: "${'['.repeat(100)}"`,
      `note: '${'{'.repeat(100)}'`,
      `tags: [a, b] # ${'['.repeat(100)}`,
      'summary: |',
      `  ${'['.repeat(100)}`,
      `     ${'- '.repeat(100)}`,
      `plain: a ${'['.repeat(100)}`,
      'after: 1',
    ].join('\n');
    assert.equal(quickTooDeep(text), undefined);
  });

  it('65 levels of block indentation, of `- - -`, of `? ? ?` and of brackets are refused before the parser sees them', () => {
    let indented = '';
    for (let i = 0; i < 70; i++) indented += `${' '.repeat(i)}k${i}:\n`;
    for (const text of [indented, `a:\n  ${'- '.repeat(70)}x\n`, `${'? '.repeat(70)}x\n`, `a: ${'['.repeat(70)}\n`, `a: ${'{a: '.repeat(70)}\n`]) {
      assert.notEqual(quickTooDeep(text), undefined, text.slice(0, 40));
      const doc = parseYamlBounded(text);
      assert.equal(doc.errors.length, 1);
      assert.match(doc.errors[0].message, /nest more than 64 levels/);
    }
  });

  it('an unclosed quote that hides deep brackets from the quick scan is still caught by the exact check', () => {
    const text = `a: [ "x\n${'['.repeat(100)}`;
    assert.equal(quickTooDeep(text), undefined);
    assert.match(parseYamlBounded(`a: ${'['.repeat(100)}"\n`).errors[0]?.message ?? '', /nest more than 64/);
  });
});
